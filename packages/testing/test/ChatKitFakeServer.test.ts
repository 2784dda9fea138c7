import { ChatKitError, Page } from "@effect-chatkit/core"
import type { ChatKitFakeServer } from "@effect-chatkit/testing"
import { ThreadsFake } from "@effect-chatkit/testing"
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Either, FastCheck as fc, Logger, LogLevel, Option, Schema } from "effect"
import * as Net from "node:net"
import { runs } from "../../../test/runs.js"
import { assertReply, openAiError, send, withServer } from "./utils/fakeServer.js"

// the status line of the answer to a raw HTTP/1.1 request, or "" when the connection closed without one
const sendRaw = (port: number, request: string) =>
  Effect.async<string>((resume) => {
    const socket = Net.connect(port, "127.0.0.1", () => socket.end(request))
    let answer = ""
    socket.on("data", (chunk) => answer += chunk.toString("latin1"))
    socket.on("error", () => socket.destroy())
    socket.on("close", () => resume(Effect.succeed(answer.split("\r\n")[0] ?? "")))
    return Effect.sync(() => socket.destroy())
  })

const itemInputs: ReadonlyArray<ThreadsFake.ThreadsFake.ItemInput> = [
  {
    type: "chatkit.user_message",
    content: [{ type: "input_text", text: "hi" }, { type: "quoted_text", text: "quote" }],
    attachments: [{ id: "att_1", type: "image", name: "a.png", mime_type: "image/png", preview_url: null }],
    inference_options: null,
    createdAt: 10
  },
  {
    type: "chatkit.assistant_message",
    content: [{
      type: "output_text",
      text: "hello",
      annotations: [{ type: "url", source: { type: "url", url: "https://example.com" } }]
    }],
    createdAt: 11
  },
  { type: "chatkit.widget", widget: "{\"type\":\"Card\"}", createdAt: 12 },
  {
    type: "chatkit.client_tool_call",
    status: "in_progress",
    call_id: "call_1",
    name: "lookup",
    arguments: "{}",
    output: null,
    createdAt: 13
  },
  { type: "chatkit.task", task_type: "thought", heading: null, summary: "thinking", createdAt: 14 },
  {
    type: "chatkit.task_group",
    tasks: [{ type: "custom", heading: "step", summary: null }],
    createdAt: 15
  }
]

describe("ChatKitFakeServer", () => {
  it.live("serves every endpoint with OpenAI's exact JSON and headers", () =>
    withServer({ seed: 7 }, (server) =>
      Effect.gen(function*() {
        assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/v1$/)
        const admin = yield* server.admin("sk-test")
        const a = yield* admin.createThread({ user: "u1", createdAt: 1 })
        const b = yield* admin.createThread({
          user: "u2",
          title: "Two",
          status: { type: "locked", reason: null },
          createdAt: 2
        })
        const items = yield* Effect.forEach(itemInputs, (input) => admin.addItem(a.id, input))

        const list = yield* send(`${server.url}/chatkit/threads?limit=1`)
        assert.strictEqual(list.status, 200)
        assert.strictEqual(list.headers.get("content-type"), "application/json")
        assert.strictEqual(list.headers.get("x-request-id"), "req_000001")
        assert.deepStrictEqual(list.body, {
          object: "list",
          data: [{
            id: b.id,
            object: "chatkit.thread",
            created_at: 2,
            title: "Two",
            status: { type: "locked", reason: null },
            user: "u2"
          }],
          first_id: b.id,
          last_id: b.id,
          has_more: true
        })

        const retrieved = yield* send(`${server.url}/chatkit/threads/${a.id}`)
        assert.strictEqual(retrieved.headers.get("x-request-id"), "req_000002")
        assert.deepStrictEqual(retrieved.body, {
          id: a.id,
          object: "chatkit.thread",
          created_at: 1,
          title: null,
          status: { type: "active" },
          user: "u1"
        })

        const listed = yield* send(`${server.url}/chatkit/threads/${a.id}/items?order=asc&limit=100`)
        const ids = items.map((item) => item.id)
        const base = (index: number) => ({
          id: ids[index],
          object: "chatkit.thread_item",
          created_at: 10 + index,
          thread_id: a.id
        })
        assert.deepStrictEqual(listed.body, {
          object: "list",
          data: [
            {
              ...base(0),
              type: "chatkit.user_message",
              content: [{ type: "input_text", text: "hi" }, { type: "quoted_text", text: "quote" }],
              attachments: [{ id: "att_1", type: "image", name: "a.png", mime_type: "image/png", preview_url: null }],
              inference_options: null
            },
            {
              ...base(1),
              type: "chatkit.assistant_message",
              content: [{
                type: "output_text",
                text: "hello",
                annotations: [{ type: "url", source: { type: "url", url: "https://example.com" } }]
              }]
            },
            { ...base(2), type: "chatkit.widget", widget: "{\"type\":\"Card\"}" },
            {
              ...base(3),
              type: "chatkit.client_tool_call",
              status: "in_progress",
              call_id: "call_1",
              name: "lookup",
              arguments: "{}",
              output: null
            },
            { ...base(4), type: "chatkit.task", task_type: "thought", heading: null, summary: "thinking" },
            { ...base(5), type: "chatkit.task_group", tasks: [{ type: "custom", heading: "step", summary: null }] }
          ],
          first_id: ids[0],
          last_id: ids[5],
          has_more: false
        })

        const deleted = yield* send(`${server.url}/chatkit/threads/${a.id}`, { method: "DELETE" })
        assert.deepStrictEqual(deleted.body, { id: a.id, object: "chatkit.thread.deleted", deleted: true })
        const gone = yield* send(`${server.url}/chatkit/threads/${a.id}`)
        assert.strictEqual(gone.status, 404)
        assert.strictEqual(gone.headers.get("content-type"), "application/json")
        assert.deepStrictEqual(gone.body, openAiError(`No thread found with id '${a.id}'.`, null, null))
        const empty = yield* send(`${server.url}/chatkit/threads?user=nobody`)
        assert.deepStrictEqual(empty.body, { object: "list", data: [], first_id: null, last_id: null, has_more: false })
      })))

  it.live("a page's bytes are what JSON.stringify writes of the page schema's encoding, whatever the titles", () =>
    withServer({}, (server) =>
      Effect.gen(function*() {
        const admin = yield* server.admin("sk-test")
        const thread = yield* admin.createThread({ user: "u" })
        yield* Effect.forEach(itemInputs, (input) => admin.addItem(thread.id, input))
        const text = (path: string) =>
          Effect.promise(() =>
            fetch(`${server.url}${path}`, {
              headers: { authorization: "Bearer sk-test", "openai-beta": "chatkit_beta=v1" }
            }).then((response) => response.text())
          )
        const asEncoded = <A, I>(schema: Schema.Schema<A, I>, body: string) =>
          JSON.stringify(Schema.encodeSync(schema)(Schema.decodeUnknownSync(schema)(JSON.parse(body))))
        const items = yield* text(`/chatkit/threads/${thread.id}/items?limit=4&order=asc`)
        assert.strictEqual(items, asEncoded(Page.ThreadItemPage, items))
        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(
              fc.array(fc.option(fc.string({ unit: "binary" }), { nil: null }), { minLength: 1, maxLength: 4 }),
              fc.integer({ min: 0, max: 6 }),
              async (titles, limit) => {
                for (const title of titles) await Effect.runPromise(admin.createThread({ user: "u", title }))
                const body = await Effect.runPromise(text(`/chatkit/threads?limit=${limit}`))
                return body === asEncoded(Page.ThreadPage, body)
              }
            ),
            { numRuns: runs(25) }
          )
        )
      })))

  it.live("path ids are one percent-decoded segment", () =>
    withServer({}, (server) =>
      Effect.gen(function*() {
        const spaced = yield* send(`${server.url}/chatkit/threads/cthr%201%2Fx/items`)
        assert.deepStrictEqual(spaced.body, openAiError("No thread found with id 'cthr 1/x'.", null, null))
        const malformed = yield* send(`${server.url}/chatkit/threads/%E0%A4%A`)
        assertReply(
          malformed,
          400,
          openAiError("Invalid 'thread_id': malformed percent-encoding in '%E0%A4%A'.", "thread_id", "invalid_value")
        )
        const split = yield* send(`${server.url}/chatkit/threads/a/b`)
        assert.deepStrictEqual(
          split.body,
          openAiError("Invalid URL (GET /v1/chatkit/threads/a/b)", null, null)
        )
      })))

  it.live("400s carry core's validation errors, for any limit out of range", () =>
    withServer({}, (server) =>
      Effect.gen(function*() {
        const local = yield* ThreadsFake.make()
        const expected = (params: object) =>
          Effect.flip(local.service.list(params)).pipe(
            Effect.map((error) =>
              openAiError(
                error.message,
                "param" in error ? error.param ?? null : null,
                "code" in error ? error.code ?? null : null
              )
            )
          )
        const cases: ReadonlyArray<readonly [string, object]> = [
          ["limit=abc", { limit: "abc" }],
          ["limit=1.5", { limit: 1.5 }],
          ["limit=-1", { limit: -1 }],
          ["limit=101", { limit: 101 }],
          ["limit=1e2", { limit: "1e2" }],
          ["limit=", { limit: "" }],
          ["order=sideways", { order: "sideways" }],
          ["user=", { user: "" }],
          ["after=", { after: "" }],
          ["before=", { before: "" }],
          ["user=u&limit=abc&after=", { user: "u", limit: "abc", after: "" }],
          ["foo=1", { foo: "1" }]
        ]
        for (const [query, params] of cases) {
          const reply = yield* send(`${server.url}/chatkit/threads?${query}`)
          assert.strictEqual(reply.status, 400, query)
          assert.deepStrictEqual(reply.body, yield* expected(params), query)
        }
        const over = yield* send(`${server.url}/chatkit/threads?limit=101`)
        assert.deepStrictEqual(
          over.body,
          openAiError(
            "Invalid 'limit': integer above maximum value. Expected a value <= 100, but got 101 instead.",
            "limit",
            "integer_above_max_value"
          )
        )
        const repeated = yield* send(`${server.url}/chatkit/threads?limit=1&limit=1`)
        assert.deepStrictEqual(
          repeated.body,
          openAiError(
            "Invalid 'limit': expected a single value, but the parameter was given more than once.",
            "limit",
            "invalid_value"
          )
        )
        const unknownOnRetrieve = yield* send(`${server.url}/chatkit/threads/cthr_1?limit=1`)
        assert.deepStrictEqual(
          unknownOnRetrieve.body,
          openAiError("Unrecognized request argument supplied: limit", "limit", "unknown_parameter")
        )
        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(
              fc.oneof(
                fc.integer({ max: -1 }),
                fc.integer({ min: 101 }),
                // a double may be a valid limit (0, -0, 42): leave those out
                fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) =>
                  !(Number.isInteger(n) && n >= 0 && n <= 100)
                )
              ),
              async (limit) => {
                const query = new URLSearchParams({ limit: String(limit) })
                const reply = await Effect.runPromise(send(`${server.url}/chatkit/threads?${query}`))
                const params = { limit: /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(String(limit)) ? limit : String(limit) }
                const want = await Effect.runPromise(expected(params))
                return reply.status === 400 && JSON.stringify(reply.body) === JSON.stringify(want)
              }
            ),
            { numRuns: runs(50) }
          )
        )
      })))

  it.live("401 without a key, and for keys outside apiKeys", () =>
    Effect.gen(function*() {
      yield* withServer({}, (server) =>
        Effect.gen(function*() {
          const missing = yield* send(`${server.url}/chatkit/threads`, { key: null })
          assertReply(
            missing,
            401,
            openAiError(
              "You didn't provide an API key. You need to provide your API key in an Authorization header using " +
                "Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
              null,
              null
            )
          )
          assert.strictEqual((yield* send(`${server.url}/chatkit/threads`, { key: "anything" })).status, 200)
        }))
      yield* withServer({ apiKeys: ["sk-good-key-1234"] }, (server) =>
        Effect.gen(function*() {
          const wrong = yield* send(`${server.url}/chatkit/threads`, { key: "sk-wrong-key-9876" })
          assertReply(wrong, 401, openAiError("Incorrect API key provided: ********.", null, "invalid_api_key"))
          const long = yield* send(`${server.url}/chatkit/threads`, { key: "sk-proj-0123456789abcdef" })
          assertReply(long, 401, openAiError("Incorrect API key provided: sk-********cdef.", null, "invalid_api_key"))
          assert.strictEqual((yield* send(`${server.url}/chatkit/threads`, { key: "sk-good-key-1234" })).status, 200)
          const exit = yield* Effect.exit(server.admin("sk-wrong-key-9876"))
          assert.isTrue(exit._tag === "Failure")
        }))
    }))

  it.live("404 for unknown paths, 405 with Allow for wrong methods", () =>
    withServer({}, (server) =>
      Effect.gen(function*() {
        const unknown = yield* send(`${server.url}/chatkit/nope`, { key: null })
        assertReply(unknown, 404, openAiError("Invalid URL (GET /v1/chatkit/nope)", null, null))
        const trailing = yield* send(`${server.url}/chatkit/threads/`)
        assert.strictEqual(trailing.status, 404)
        const adminOff = yield* send(`${server.origin}/_admin/snapshot`)
        assert.strictEqual(adminOff.status, 404)
        const post = yield* send(`${server.url}/chatkit/threads`, { method: "POST", body: "{}" })
        assert.strictEqual(post.status, 405)
        assert.strictEqual(post.headers.get("allow"), "GET")
        assert.deepStrictEqual(
          post.body,
          openAiError("Method POST is not allowed on /v1/chatkit/threads. Allowed: GET.", null, null)
        )
        const put = yield* send(`${server.url}/chatkit/threads/cthr_1`, { method: "PUT" })
        assert.strictEqual(put.status, 405)
        assert.strictEqual(put.headers.get("allow"), "GET, DELETE")
        assert.strictEqual(put.headers.get("content-type"), "application/json")
      })))

  it.live("the beta header is required unless switched off", () =>
    Effect.gen(function*() {
      yield* withServer({}, (server) =>
        Effect.gen(function*() {
          const missing = yield* send(`${server.url}/chatkit/threads`, { beta: null })
          assertReply(
            missing,
            400,
            openAiError(
              "You must provide the 'OpenAI-Beta' header to access the ChatKit API. Please try again by setting " +
                "the header 'OpenAI-Beta: chatkit_beta=v1'.",
              null,
              "invalid_beta"
            )
          )
          assert.strictEqual((yield* send(`${server.url}/chatkit/threads`, { beta: "assistants=v2" })).status, 400)
          const listed = yield* send(`${server.url}/chatkit/threads`, { beta: "assistants=v2, chatkit_beta=v1" })
          assert.strictEqual(listed.status, 200)
        }))
      yield* withServer({ requireBetaHeader: false }, (server) =>
        Effect.map(send(`${server.url}/chatkit/threads`, { beta: null }), (reply) =>
          assert.strictEqual(reply.status, 200)))
    }))

  it.live("each key has its own store, with the same ids from the same seed whatever the key", () =>
    Effect.gen(function*() {
      const users = (reply: { readonly body: unknown }) =>
        (reply.body as { data: ReadonlyArray<{ user: string }> }).data.map((thread) => thread.user)
      const firstIds = (server: ChatKitFakeServer.Server) =>
        Effect.gen(function*() {
          const adminA = yield* server.admin("sk-a")
          const a = yield* adminA.createThread({ user: "a", createdAt: 1 })
          yield* adminA.createThread({ user: "a2", createdAt: 2 })
          const b = yield* (yield* server.admin("sk-b")).createThread({ user: "b", createdAt: 1 })
          assert.strictEqual(a.id, b.id)
          assert.deepStrictEqual(users(yield* send(`${server.url}/chatkit/threads`, { key: "sk-b" })), ["b"])
          assert.deepStrictEqual(users(yield* send(`${server.url}/chatkit/threads`, { key: "sk-a" })), ["a2", "a"])
          const deleted = yield* send(`${server.url}/chatkit/threads/${a.id}`, { key: "sk-a", method: "DELETE" })
          assert.strictEqual(deleted.status, 200)
          const own = yield* send(`${server.url}/chatkit/threads/${b.id}`, { key: "sk-b" })
          assert.strictEqual(own.status, 200)
          return a.id
        })
      const first = yield* withServer({ seed: 3 }, firstIds)
      assert.strictEqual(yield* withServer({ seed: 3 }, firstIds), first)
      assert.notStrictEqual(yield* withServer({ seed: 4 }, firstIds), first)
    }))

  it.live("seedStore fills each key's store when the key is first used", () =>
    withServer({
      seedStore: (fake) =>
        Effect.asVoid(fake.threads.admin.createThread({ user: "seeded", title: "hello", createdAt: 1_700_000_000 }))
    }, (server) =>
      Effect.gen(function*() {
        for (const key of ["sk-a", "sk-b", "x"]) {
          const reply = yield* send(`${server.url}/chatkit/threads`, { key })
          assert.strictEqual(reply.status, 200)
          const { data } = reply.body as { data: ReadonlyArray<{ user: string; title: string }> }
          assert.deepStrictEqual(data.map((thread) => [thread.user, thread.title]), [["seeded", "hello"]])
        }
        // seeded once per key: a second call sees the same single thread
        const again = yield* send(`${server.url}/chatkit/threads`, { key: "sk-a" })
        assert.strictEqual((again.body as { data: ReadonlyArray<unknown> }).data.length, 1)
        const { threads } = yield* (yield* server.admin("sk-c")).snapshot
        assert.strictEqual(threads.length, 1)
      })))

  it.live("injected faults are real wire faults", () =>
    withServer({}, (server) =>
      Effect.gen(function*() {
        const admin = yield* server.admin("sk-test")
        const list = `${server.url}/chatkit/threads`
        yield* admin.failNext({
          error: new ChatKitError.RateLimitError({ message: "slow down", retryAfter: Duration.millis(1500) })
        })
        const limited = yield* send(list)
        assert.strictEqual(limited.status, 429)
        assert.strictEqual(limited.headers.get("retry-after"), "2")
        assert.strictEqual(limited.headers.get("retry-after-ms"), "1500")
        assert.deepStrictEqual(limited.body, openAiError("slow down", null, null, "requests"))

        yield* admin.failNext({ error: new ChatKitError.InternalServerError({ message: "overloaded", status: 503 }) })
        const unavailable = yield* send(list)
        assertReply(unavailable, 503, openAiError("overloaded", null, null, "server_error"))

        yield* admin.failNext({ error: new ChatKitError.ConnectionError({ message: "drop" }), operation: "retrieve" })
        assert.strictEqual((yield* send(list)).status, 200)
        const dropped = yield* Effect.either(send(`${list}/cthr_1`))
        assert.isTrue(Either.isLeft(dropped))
        assert.strictEqual((yield* send(`${list}/cthr_1`)).status, 404)

        yield* admin.setLatency("1 minute")
        const slow = yield* Effect.timeoutOption(send(list), "300 millis")
        assert.isTrue(Option.isNone(slow))
        yield* admin.setLatency(0)
        assert.strictEqual((yield* send(list)).status, 200)
      })))

  it.live("a defect is a 500 in OpenAI's shape and the server goes on", () =>
    withServer({}, (server) =>
      Effect.gen(function*() {
        const admin = yield* server.admin("sk-test")
        yield* admin.failNext({ error: new ChatKitError.ApiError({ message: "not an answer", status: 99 }) })
        const broken = yield* send(`${server.url}/chatkit/threads`)
        assertReply(
          broken,
          500,
          openAiError(
            "The server had an error while processing your request. Sorry about that!",
            null,
            null,
            "server_error"
          )
        )
        assert.strictEqual((yield* send(`${server.url}/chatkit/threads`)).status, 200)
      })).pipe(Logger.withMinimumLogLevel(LogLevel.None)))

  it.live("admin routes seed the caller's store and inject faults", () =>
    withServer({ admin: true }, (server) =>
      Effect.gen(function*() {
        const adminUrl = `${server.origin}/_admin`
        const post = (path: string, body: unknown, key = "sk-test") =>
          send(`${adminUrl}${path}`, { method: "POST", body: JSON.stringify(body), key, beta: null })
        const created = yield* post("/threads", {
          user: "u1",
          title: null,
          status: { type: "closed", reason: "done" },
          created_at: 5
        })
        assert.strictEqual(created.status, 200)
        const thread = created.body as { readonly id: string }
        assert.deepStrictEqual(created.body, {
          id: thread.id,
          object: "chatkit.thread",
          created_at: 5,
          title: null,
          status: { type: "closed", reason: "done" },
          user: "u1"
        })
        const renamed = yield* post(`/threads/${thread.id}`, { title: "Renamed" })
        assert.strictEqual((renamed.body as { title: string }).title, "Renamed")
        const item = yield* post(`/threads/${thread.id}/items`, { type: "chatkit.widget", widget: "{}", created_at: 6 })
        assert.deepStrictEqual(item.body, {
          id: (item.body as { id: string }).id,
          object: "chatkit.thread_item",
          created_at: 6,
          thread_id: thread.id,
          type: "chatkit.widget",
          widget: "{}"
        })
        const message = yield* post(`/threads/${thread.id}/items`, {
          type: "chatkit.user_message",
          content: [],
          attachments: []
        })
        assert.strictEqual((message.body as { inference_options: null }).inference_options, null)

        const snapshot = yield* send(`${adminUrl}/snapshot`, { beta: null })
        assert.deepStrictEqual(
          (snapshot.body as { threads: ReadonlyArray<unknown>; items: ReadonlyArray<unknown> }).threads,
          [renamed.body]
        )
        assert.deepStrictEqual((snapshot.body as { items: ReadonlyArray<unknown> }).items, [item.body, message.body])
        const otherKey = yield* send(`${adminUrl}/snapshot`, { key: "sk-other", beta: null })
        assert.deepStrictEqual(otherKey.body, { threads: [], items: [], sessions: [] })

        assert.strictEqual((yield* post("/faults", { status: 429, retry_after_ms: 10, times: 2 })).status, 200)
        const first = yield* send(`${server.url}/chatkit/threads`)
        assert.strictEqual(first.status, 429)
        assert.strictEqual(first.headers.get("retry-after-ms"), "10")
        assert.strictEqual(first.headers.get("retry-after"), "1")
        assert.strictEqual((yield* send(`${server.url}/chatkit/threads`)).status, 429)
        assert.strictEqual((yield* send(`${server.url}/chatkit/threads`)).status, 200)
        yield* post("/faults", { status: "drop", operation: "list" })
        assert.isTrue(Either.isLeft(yield* Effect.either(send(`${server.url}/chatkit/threads`))))
        assert.strictEqual((yield* post("/latency", { ms: 0 })).status, 200)

        const bad = [
          yield* post("/threads", { title: "no user" }),
          yield* post("/threads", { user: "u", extra: 1 }),
          yield* post("/threads", { user: "u", created_at: -1 }),
          yield* post(`/threads/${thread.id}/items`, { type: "chatkit.widget" }),
          // a type Effect's union decoding cannot convert to a string
          yield* post(`/threads/${thread.id}/items`, { type: { toString: 1 }, widget: "{}" }),
          yield* post(`/threads/${thread.id}`, {}),
          yield* post("/faults", { status: 200 }),
          yield* post("/latency", { ms: -5 }),
          yield* send(`${adminUrl}/threads`, { method: "POST", body: "{not json", beta: null })
        ]
        for (const reply of bad) {
          assert.strictEqual(reply.status, 400, JSON.stringify(reply.body))
          assert.strictEqual((reply.body as { error: { type: string } }).error.type, "invalid_request_error")
        }
        const param = (reply: (typeof bad)[number]) => (reply.body as { error: { param: string | null } }).error.param
        const [, extraField, , , untyped] = bad
        assert.isDefined(extraField)
        assert.isDefined(untyped)
        assert.strictEqual(param(extraField), "extra")
        assert.strictEqual(param(untyped), "type")
        const missing = yield* post("/threads/cthr_missing/items", { type: "chatkit.widget", widget: "{}" })
        assert.strictEqual(missing.status, 404)
        const unauthenticated = yield* post("/threads", { user: "u" }, "")
        assert.strictEqual(unauthenticated.status, 401)
      })))

  it.live("no client mistake gets a 5xx, and the server goes on answering", () =>
    withServer({ admin: true, apiKeys: ["sk-a", "sk-b"] }, (server) =>
      Effect.gen(function*() {
        const admin = yield* server.admin("sk-a")
        const thread = yield* admin.createThread({ user: "u" })
        const segment = fc.oneof(
          fc.constantFrom(
            "v1",
            "chatkit",
            "threads",
            "items",
            "sessions",
            "cancel",
            "_admin",
            "snapshot",
            "",
            "%",
            "%2F",
            "%E0%A4%A",
            "%00",
            thread.id,
            "cthr_missing"
          ),
          fc.stringMatching(/^[A-Za-z0-9_.~%-]{0,12}$/)
        )
        const path = fc.oneof(
          fc.array(segment, { maxLength: 6 }).map((segments) => `/${segments.join("/")}`),
          fc.array(segment, { maxLength: 3 }).map((segments) => `/v1/chatkit/threads/${segments.join("/")}`)
        )
        const queryValue = fc.oneof(
          fc.constantFrom("", "1", "0", "-1", "1.5", "101", "1e2", "abc", "asc", "desc", "%", "%ZZ", "+", thread.id),
          fc.string({ maxLength: 8 }).map(encodeURIComponent)
        )
        const queryKey = fc.oneof(
          fc.constantFrom("limit", "order", "after", "before", "user", "foo", "__proto__", "constructor", "limit[]"),
          fc.string({ maxLength: 6 }).map(encodeURIComponent)
        )
        const query = fc.array(fc.tuple(queryKey, queryValue), { maxLength: 4 }).map((pairs) =>
          pairs.length === 0 ? "" : `?${pairs.map(([key, value]) => `${key}=${value}`).join("&")}`
        )
        const headerValue = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,20}[\x21-\x7e])?$/)
        const request = fc.record({
          method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"),
          target: fc.tuple(path, query).map(([p, q]) => p + q),
          key: fc.oneof(fc.constantFrom(null, "sk-a", "sk-b", "sk-c", ""), headerValue),
          beta: fc.oneof(fc.constantFrom(null, "chatkit_beta=v1", "chatkit_beta=v2, assistants=v2"), headerValue),
          accept: fc.option(headerValue, { nil: undefined }),
          body: fc.option(fc.oneof(fc.string({ maxLength: 20 }), fc.json()), { nil: undefined })
        })
        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(request, async ({ accept, beta, body, key, method, target }) => {
              const reply = await Effect.runPromise(send(`${server.origin}${target}`, {
                method,
                key,
                beta,
                body: method === "GET" || method === "HEAD" ? undefined : body,
                headers: accept === undefined ? undefined : { accept }
              }))
              return reply.status < 500 && (method === "HEAD" || reply.headers.get("x-request-id") !== null)
            }),
            { numRuns: runs(300) }
          )
        )
        const after = yield* send(`${server.url}/chatkit/threads`, { key: "sk-a" })
        assert.strictEqual(after.status, 200)
        assert.strictEqual((after.body as { data: ReadonlyArray<unknown> }).data.length, 1)
      })))

  it.live("no raw request line gets a 5xx", () =>
    withServer({ admin: true }, (server) =>
      Effect.gen(function*() {
        const port = Number(new URL(server.url).port)
        const target = fc.oneof(
          fc.stringMatching(/^\/[\x21-\x7e]{0,40}$/),
          fc.constantFrom("*", "//x", "http://a/b", "/v1/chatkit/threads?%", "/v1/chatkit/threads/%ZZ/items")
        )
        const line = fc.record({
          method: fc.oneof(fc.constantFrom("GET", "DELETE", "POST", "HEAD"), fc.stringMatching(/^[A-Z]{1,8}$/)),
          target,
          headers: fc.array(
            fc.tuple(
              fc.constantFrom("Authorization", "OpenAI-Beta", "Content-Type", "X-Any"),
              fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,20}$/)
            ),
            { maxLength: 4 }
          ),
          body: fc.string({ maxLength: 30 })
        })
        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(line, async ({ body, headers, method, target }) => {
              const head = [
                `${method} ${target} HTTP/1.1`,
                "Host: 127.0.0.1",
                "Connection: close",
                `Content-Length: ${Buffer.byteLength(body)}`,
                ...headers.map(([name, value]) => `${name}: ${value}`)
              ]
              const status = await Effect.runPromise(sendRaw(port, `${head.join("\r\n")}\r\n\r\n${body}`))
              return /^HTTP\/1\.1 [1-4][0-9][0-9] /.test(status)
            }),
            { numRuns: runs(200) }
          )
        )
        assert.strictEqual((yield* send(`${server.url}/chatkit/threads`)).status, 200)
      })))

  it.live("a client that goes away before its answer interrupts the work for it", () =>
    withServer({}, (server) =>
      Effect.gen(function*() {
        const admin = yield* server.admin("sk-test")
        yield* admin.setLatency(Duration.millis(200))
        yield* admin.failNext({ error: new ChatKitError.InternalServerError({ message: "queued", status: 500 }) })
        const controller = new AbortController()
        const gone = fetch(`${server.url}/chatkit/threads`, {
          headers: { authorization: "Bearer sk-test", "openai-beta": "chatkit_beta=v1" },
          signal: controller.signal
        }).catch(() => undefined)
        yield* Effect.sleep(Duration.millis(50))
        controller.abort()
        yield* Effect.promise(() => gone)
        // past the latency the request that went away would have waited: had it gone on, it took the fault
        yield* Effect.sleep(Duration.millis(300))
        yield* admin.setLatency(Duration.zero)
        assert.strictEqual((yield* send(`${server.url}/chatkit/threads`)).status, 500)
      })))

  it.live("random faults at faultRate, reproducible from faultSeed", () =>
    Effect.gen(function*() {
      const statuses = (faultSeed: number) =>
        withServer({ faultRate: 0.5, faultSeed }, (server) =>
          Effect.forEach(
            Array.from({ length: 40 }),
            () =>
              send(`${server.url}/chatkit/threads`).pipe(
                Effect.map((reply) => reply.status),
                Effect.orElseSucceed(() => 0)
              )
          ))
      const first = yield* statuses(1)
      assert.deepStrictEqual(yield* statuses(1), first)
      assert.notDeepEqual(yield* statuses(2), first)
      assert.deepStrictEqual(new Set(first), new Set([0, 200, 429, 500, 503]))
    }))
})
