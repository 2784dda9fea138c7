import { ChatKitError, Session, SessionParams } from "@effect-chatkit/core"
import { ChatKitFakeServer } from "@effect-chatkit/testing"
import { assert, describe, it } from "@effect/vitest"
import { Array as Arr, Duration, Effect, Order, Schema } from "effect"
import OpenAI from "openai"

const apiKey = "sk-sdk-test"

const withClient = <A, E>(
  body: (client: OpenAI, server: ChatKitFakeServer.Server) => Effect.Effect<A, E>,
  maxRetries = 0
) =>
  Effect.flatMap(
    ChatKitFakeServer.ChatKitFakeServer,
    (server) => body(new OpenAI({ apiKey, baseURL: server.url, maxRetries }), server)
  ).pipe(Effect.provide(ChatKitFakeServer.layer({ seed: 11, apiKeys: [apiKey] })))

const collect = <A>(iterable: AsyncIterable<A>) =>
  Effect.promise(async () => {
    const out: Array<A> = []
    for await (const a of iterable) out.push(a)
    return out
  })

const rejection = <A>(promise: () => Promise<A>) =>
  Effect.flip(Effect.tryPromise({ try: promise, catch: (error) => error }))

describe("the official openai SDK against ChatKitFakeServer", () => {
  it.live("auto-paginates threads over many pages, in both orders, with user and before", () =>
    withClient((client, server) =>
      Effect.gen(function*() {
        const admin = yield* server.admin(apiKey)
        const threads = yield* Effect.forEach(
          Arr.range(0, 56),
          (n) => admin.createThread({ user: n % 3 === 0 ? "u1" : "u2", createdAt: 1000 + Math.floor(n / 4) })
        )
        const ascending = threads.map((thread) => thread.id)
        const descending = Arr.reverse(ascending)
        const ids = (params: OpenAI.Beta.ChatKit.ThreadListParams) =>
          Effect.map(collect(client.beta.chatkit.threads.list(params)), Arr.map((thread) => thread.id))

        assert.deepStrictEqual(yield* ids({ limit: 5, order: "asc" }), ascending)
        assert.deepStrictEqual(yield* ids({ limit: 5, order: "desc" }), descending)
        assert.deepStrictEqual(yield* ids({ limit: 7 }), descending)
        assert.deepStrictEqual(
          yield* ids({ limit: 4, user: "u1" }),
          Arr.reverse(threads).filter((thread) => thread.user === "u1").map((thread) => thread.id)
        )
        const before = descending[30]
        assert.isDefined(before)
        assert.deepStrictEqual(yield* ids({ limit: 6, before }), descending.slice(0, 30))
        const ascendingBefore = ascending[20]
        assert.isDefined(ascendingBefore)
        assert.deepStrictEqual(
          yield* ids({ limit: 6, order: "asc", before: ascendingBefore }),
          ascending.slice(0, 20)
        )

        const pages = yield* collect(
          (yield* Effect.promise(() => client.beta.chatkit.threads.list({ limit: 10, order: "asc" }))).iterPages()
        )
        assert.deepStrictEqual(pages.map((page) => page.data.length), [10, 10, 10, 10, 10, 7])
        assert.deepStrictEqual(pages.map((page) => page.has_more), [true, true, true, true, true, false])
      })
    ))

  it.live("retrieves a thread and lists every item variant", () =>
    withClient((client, server) =>
      Effect.gen(function*() {
        const admin = yield* server.admin(apiKey)
        const thread = yield* admin.createThread({
          user: "u1",
          title: "Variants",
          status: { type: "closed", reason: null }
        })
        assert.deepStrictEqual(yield* Effect.promise(() => client.beta.chatkit.threads.retrieve(thread.id)), thread)

        const items = yield* Effect.forEach([
          {
            type: "chatkit.user_message" as const,
            content: [{ type: "input_text" as const, text: "question" }],
            attachments: [{
              id: "f_1",
              type: "file" as const,
              name: "a.pdf",
              mime_type: "application/pdf",
              preview_url: "https://x/p"
            }],
            inference_options: { tool_choice: { id: "search" }, model: "gpt-x" }
          },
          {
            type: "chatkit.assistant_message" as const,
            content: [{
              type: "output_text" as const,
              text: "answer",
              annotations: [{ type: "file" as const, source: { type: "file" as const, filename: "a.pdf" } }]
            }]
          },
          { type: "chatkit.widget" as const, widget: "{\"type\":\"Text\",\"value\":\"hi\"}" },
          {
            type: "chatkit.client_tool_call" as const,
            status: "completed" as const,
            call_id: "call_9",
            name: "get_weather",
            arguments: "{\"city\":\"Oslo\"}",
            output: "{\"c\":3}"
          },
          { type: "chatkit.task" as const, task_type: "custom" as const, heading: "Heading", summary: null },
          {
            type: "chatkit.task_group" as const,
            tasks: [{ type: "thought" as const, heading: null, summary: "s" }, {
              type: "custom" as const,
              heading: "h",
              summary: null
            }]
          }
        ], (item) => admin.addItem(thread.id, item))

        const listed = yield* collect(client.beta.chatkit.threads.listItems(thread.id, { limit: 2, order: "asc" }))
        assert.deepStrictEqual(listed, items)
        const newestFirst = yield* collect(client.beta.chatkit.threads.listItems(thread.id, { limit: 4 }))
        assert.deepStrictEqual(newestFirst, Arr.reverse(items))
        assert.deepStrictEqual(Arr.sort(listed.map((item) => item.type), Order.string), [
          "chatkit.assistant_message",
          "chatkit.client_tool_call",
          "chatkit.task",
          "chatkit.task_group",
          "chatkit.user_message",
          "chatkit.widget"
        ])
      })
    ))

  it.live("delete, then 404 as OpenAI.NotFoundError; 400 for limit 101 as OpenAI.BadRequestError", () =>
    withClient((client, server) =>
      Effect.gen(function*() {
        const admin = yield* server.admin(apiKey)
        const thread = yield* admin.createThread({ user: "u1" })
        const deleted = yield* Effect.promise(() => client.beta.chatkit.threads.delete(thread.id))
        assert.deepStrictEqual(deleted, { id: thread.id, object: "chatkit.thread.deleted", deleted: true })

        const notFound = yield* rejection(() => client.beta.chatkit.threads.retrieve(thread.id))
        assert.instanceOf(notFound, OpenAI.NotFoundError)
        if (notFound instanceof OpenAI.NotFoundError) {
          assert.strictEqual(notFound.status, 404)
          assert.strictEqual(notFound.message, `404 No thread found with id '${thread.id}'.`)
          assert.match(notFound.requestID ?? "", /^req_\d{6}$/)
        }
        const itemsGone = yield* rejection(() => client.beta.chatkit.threads.listItems(thread.id).then((page) => page))
        assert.instanceOf(itemsGone, OpenAI.NotFoundError)

        const badLimit = yield* rejection(() => client.beta.chatkit.threads.list({ limit: 101 }).then((page) => page))
        assert.instanceOf(badLimit, OpenAI.BadRequestError)
        if (badLimit instanceof OpenAI.BadRequestError) {
          assert.strictEqual(badLimit.param, "limit")
          assert.strictEqual(badLimit.code, "integer_above_max_value")
          assert.strictEqual(badLimit.type, "invalid_request_error")
        }
        const badCursor = yield* rejection(() =>
          client.beta.chatkit.threads.list({ after: "cthr_unknown" }).then((page) => page)
        )
        assert.instanceOf(badCursor, OpenAI.NotFoundError)
        if (badCursor instanceof OpenAI.NotFoundError) assert.strictEqual(badCursor.param, "after")

        const wrongKey = new OpenAI({ apiKey: "sk-not-configured", baseURL: server.url, maxRetries: 0 })
        const unauthenticated = yield* rejection(() => wrongKey.beta.chatkit.threads.list().then((page) => page))
        assert.instanceOf(unauthenticated, OpenAI.AuthenticationError)
      })
    ))

  it.live("a 429 with retry-after-ms, a 503 and a dropped connection, then success through the SDK's retries", () =>
    withClient((client, server) =>
      Effect.gen(function*() {
        const admin = yield* server.admin(apiKey)
        const thread = yield* admin.createThread({ user: "u1" })
        yield* admin.failNext({
          error: new ChatKitError.RateLimitError({ message: "Rate limit reached", retryAfter: Duration.millis(10) })
        })
        const { data, response } = yield* Effect.promise(() => client.beta.chatkit.threads.list().withResponse())
        assert.deepStrictEqual(data.data, [thread])
        assert.strictEqual(response.headers.get("x-request-id"), "req_000002")

        yield* admin.failNext({ error: new ChatKitError.InternalServerError({ message: "overloaded", status: 503 }) })
        const retrieved = yield* Effect.promise(() => client.beta.chatkit.threads.retrieve(thread.id).withResponse())
        assert.strictEqual(retrieved.response.headers.get("x-request-id"), "req_000004")

        yield* admin.failNext({ error: new ChatKitError.ConnectionError({ message: "drop" }) })
        assert.deepStrictEqual(yield* Effect.promise(() => client.beta.chatkit.threads.retrieve(thread.id)), thread)

        yield* admin.failNext({
          error: new ChatKitError.RateLimitError({ message: "Rate limit reached", retryAfter: Duration.millis(10) }),
          times: 5
        })
        const exhausted = yield* rejection(() => client.beta.chatkit.threads.list().then((page) => page))
        assert.instanceOf(exhausted, OpenAI.RateLimitError)
        if (exhausted instanceof OpenAI.RateLimitError) {
          assert.strictEqual(exhausted.headers.get("retry-after-ms"), "10")
          assert.strictEqual(exhausted.type, "requests")
        }
      }), 2))

  it.live("sessions: create with only user and workflow.id gets every default; cancel answers it cancelled", () =>
    withClient((client, server) =>
      Effect.gen(function*() {
        const before = Math.floor(Date.now() / 1000)
        const session = yield* Effect.promise(() =>
          client.beta.chatkit.sessions.create({ user: "user_1", workflow: { id: "wf_sdk" } })
        )
        const [stored] = yield* Effect.flatMap(server.sessionsAdmin(apiKey), (admin) => admin.snapshot)
        assert.deepStrictEqual<unknown>(session, Schema.encodeSync(Session.ChatSession)(stored!))
        assert.match(session.id, /^cksess_/)
        assert.match(session.client_secret, /^ek_/)
        assert.strictEqual(session.object, "chatkit.session")
        assert.strictEqual(session.status, "active")
        assert.strictEqual(session.user, "user_1")
        assert.deepStrictEqual(session.workflow, {
          id: "wf_sdk",
          version: null,
          state_variables: null,
          tracing: { enabled: true }
        })
        assert.strictEqual(session.max_requests_per_1_minute, 10)
        assert.deepStrictEqual(session.rate_limits, { max_requests_per_1_minute: 10 })
        assert.deepStrictEqual(session.chatkit_configuration, SessionParams.defaultChatKitConfiguration)
        assert.isAtLeast(session.expires_at, before + 600)
        assert.isAtMost(session.expires_at, Math.floor(Date.now() / 1000) + 600)

        const custom = yield* Effect.promise(() =>
          client.beta.chatkit.sessions.create({
            user: "user_2",
            workflow: { id: "wf_sdk", version: "7", state_variables: { tier: "gold" }, tracing: { enabled: false } },
            expires_after: { anchor: "created_at", seconds: 60 },
            rate_limits: { max_requests_per_1_minute: 3 },
            chatkit_configuration: { file_upload: { enabled: true, max_files: 2 } }
          })
        )
        assert.deepStrictEqual(custom.workflow, {
          id: "wf_sdk",
          version: "7",
          state_variables: { tier: "gold" },
          tracing: { enabled: false }
        })
        assert.strictEqual(custom.max_requests_per_1_minute, 3)
        assert.deepStrictEqual(custom.chatkit_configuration.file_upload, {
          enabled: true,
          max_file_size: 512,
          max_files: 2
        })

        const cancelled = yield* Effect.promise(() => client.beta.chatkit.sessions.cancel(session.id))
        assert.deepStrictEqual(cancelled, { ...session, status: "cancelled" })
        assert.deepStrictEqual(yield* Effect.promise(() => client.beta.chatkit.sessions.cancel(session.id)), cancelled)
      })
    ))

  it.live("sessions: an invalid body is an OpenAI.BadRequestError with its param; an unknown id a NotFoundError", () =>
    withClient((client) =>
      Effect.gen(function*() {
        const invalid = yield* rejection(() =>
          client.beta.chatkit.sessions.create({
            user: "user_1",
            workflow: { id: "wf" },
            expires_after: { anchor: "created_at", seconds: 601 }
          })
        )
        assert.instanceOf(invalid, OpenAI.BadRequestError)
        if (invalid instanceof OpenAI.BadRequestError) {
          assert.strictEqual(invalid.param, "expires_after.seconds")
          assert.strictEqual(invalid.code, "integer_above_max_value")
          assert.strictEqual(invalid.type, "invalid_request_error")
        }
        const empty = yield* rejection(() => client.beta.chatkit.sessions.create({ user: "", workflow: { id: "wf" } }))
        assert.instanceOf(empty, OpenAI.BadRequestError)
        if (empty instanceof OpenAI.BadRequestError) assert.strictEqual(empty.param, "user")

        const missing = yield* rejection(() => client.beta.chatkit.sessions.cancel("cksess_unknown"))
        assert.instanceOf(missing, OpenAI.NotFoundError)
        if (missing instanceof OpenAI.NotFoundError) {
          assert.strictEqual(missing.message, "404 No session found with id 'cksess_unknown'.")
          assert.isNull(missing.param)
        }
      })
    ))
})
