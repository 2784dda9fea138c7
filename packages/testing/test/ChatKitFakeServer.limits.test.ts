import type { ChatKitFakeServer } from "@effect-chatkit/testing"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Net from "node:net"
import { send, withServer } from "./utils/fakeServer.js"

/** The whole answer to raw bytes: status code, headers (lower-cased) and body. */
const sendRaw = (port: number, request: string) =>
  Effect.async<{ readonly status: number; readonly headers: string; readonly body: string }>((resume) => {
    const socket = Net.connect(port, "127.0.0.1", () => socket.end(request))
    const chunks: Array<Buffer> = []
    socket.on("data", (chunk) => chunks.push(chunk))
    socket.on("error", () => socket.destroy())
    socket.on("close", () => {
      const answer = Buffer.concat(chunks).toString("utf8")
      const split = answer.indexOf("\r\n\r\n")
      resume(Effect.succeed({
        status: Number(answer.split(" ")[1]),
        headers: answer.slice(0, split).toLowerCase(),
        body: answer.slice(split + 4)
      }))
    })
    return Effect.sync(() => socket.destroy())
  })

const portOf = (server: ChatKitFakeServer.Server) => Number(new URL(server.url).port)

const isOpenAiError = (body: unknown): boolean => {
  const error = (body as { readonly error?: Record<string, unknown> } | undefined)?.error
  return error !== undefined && typeof error.message === "string" && typeof error.type === "string" &&
    "param" in error && "code" in error
}

const session = (user: string) => JSON.stringify({ user, workflow: { id: "wf_1" } })

const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth)

describe("ChatKitFakeServer limits", () => {
  it.live("a body over maxBodyBytes is a 413 in OpenAI's shape, and the server goes on", () =>
    withServer({ maxBodyBytes: 1024, admin: true }, (server) =>
      Effect.gen(function*() {
        const big = session("u".repeat(2048))
        for (const url of [`${server.url}/chatkit/sessions`, `${server.origin}/_admin/threads`]) {
          const reply = yield* send(url, { method: "POST", body: big })
          assert.strictEqual(reply.status, 413)
          assert.isTrue(isOpenAiError(reply.body))
          assert.isNotNull(reply.headers.get("x-request-id"))
        }
        // a body that says nothing of its length is cut at the limit too
        const chunked = yield* sendRaw(
          portOf(server),
          "POST /v1/chatkit/sessions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\n" +
            "OpenAI-Beta: chatkit_beta=v1\r\nTransfer-Encoding: chunked\r\n\r\n" +
            `800\r\n${"x".repeat(0x800)}\r\n0\r\n\r\n`
        )
        assert.strictEqual(chunked.status, 413)
        assert.isTrue(isOpenAiError(JSON.parse(chunked.body)))
        const ok = yield* send(`${server.url}/chatkit/sessions`, { method: "POST", body: session("u") })
        assert.strictEqual(ok.status, 200)
      })))

  it.live("a body nested deeper than maxBodyDepth is a 400, on the API and the admin routes", () =>
    withServer({ admin: true }, (server) =>
      Effect.gen(function*() {
        const depths = [65, 5_000, 100_000]
        for (const depth of depths) {
          for (const url of [`${server.url}/chatkit/sessions`, `${server.origin}/_admin/faults`]) {
            const reply = yield* send(url, { method: "POST", body: `{"a":${deep(depth)}}` })
            assert.strictEqual(reply.status, 400)
            assert.isTrue(isOpenAiError(reply.body))
          }
        }
        // brackets inside strings do not count
        const reply = yield* send(`${server.url}/chatkit/sessions`, {
          method: "POST",
          body: session("[".repeat(200))
        })
        assert.strictEqual(reply.status, 200)
      })))

  it.live("what Node's parser refuses is answered in OpenAI's shape with a request id", () =>
    withServer({}, (server) =>
      Effect.gen(function*() {
        const cases: ReadonlyArray<readonly [string, number]> = [
          [`GET /v1/chatkit/threads HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`, 431],
          [
            "POST /v1/chatkit/sessions HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n" +
            "0\r\n\r\n",
            400
          ],
          ["GET /v1/chatkit/threads HTTP/1.1 extra\r\n\r\n", 400],
          ["\x00\x01\x02 garbage\r\n\r\n", 400]
        ]
        for (const [request, status] of cases) {
          const answer = yield* sendRaw(portOf(server), request)
          assert.strictEqual(answer.status, status)
          assert.match(answer.headers, /\r\nx-request-id: req_\d+/)
          assert.match(answer.headers, /\r\ncontent-type: application\/json/)
          assert.isTrue(isOpenAiError(JSON.parse(answer.body)))
        }
      })))

  it.live("admin values out of range are 400s naming the field", () =>
    withServer({ admin: true }, (server) =>
      Effect.gen(function*() {
        const post = (path: string, body: unknown) =>
          send(`${server.origin}/_admin${path}`, { method: "POST", body: JSON.stringify(body) })
        const refused: ReadonlyArray<readonly [string, unknown, string]> = [
          ["/latency", { ms: 1e308 }, "ms"],
          ["/latency", { ms: -1 }, "ms"],
          ["/latency", { ms: 60_001 }, "ms"],
          ["/faults", { status: 429, retry_after_ms: 1e308 }, "retry_after_ms"],
          ["/faults", { status: 500, times: 1e9 }, "times"],
          ["/threads", { user: "u".repeat(513) }, "user"],
          ["/threads", { user: "" }, "user"]
        ]
        for (const [path, body, param] of refused) {
          const reply = yield* post(path, body)
          assert.strictEqual(reply.status, 400, JSON.stringify(body))
          assert.strictEqual((reply.body as { error: { param: string } }).error.param, param)
        }
        assert.strictEqual((yield* post("/latency", { ms: 0 })).status, 200)
        assert.strictEqual((yield* send(`${server.url}/chatkit/threads`)).status, 200)
      })))

  it.live("with any key, at most maxStores keys keep a store of their own; the least recently used goes", () =>
    withServer({ maxStores: 2 }, (server) =>
      Effect.gen(function*() {
        const titles = (key: string) =>
          Effect.map(
            send(`${server.url}/chatkit/threads`, { key }),
            (reply) => (reply.body as { data: ReadonlyArray<{ title: string }> }).data.map((thread) => thread.title)
          )
        for (const key of ["sk-a", "sk-b"]) {
          yield* (yield* server.admin(key)).createThread({ user: "u", title: key })
        }
        assert.deepStrictEqual(yield* titles("sk-a"), ["sk-a"]) // sk-a is now the most recently used
        // reads of a key without a store make none
        assert.deepStrictEqual(yield* titles("sk-reader"), [])
        assert.deepStrictEqual(yield* titles("sk-b"), ["sk-b"])
        yield* (yield* server.admin("sk-c")).createThread({ user: "u", title: "sk-c" })
        assert.deepStrictEqual(yield* titles("sk-a"), []) // the least recently used store was dropped
        assert.deepStrictEqual(yield* titles("sk-b"), ["sk-b"])
        assert.deepStrictEqual(yield* titles("sk-c"), ["sk-c"])
      })))

  it.live("a key keeps at most maxSessionsPerKey sessions: expired ones go first, then the oldest", () =>
    withServer({ maxSessionsPerKey: 2 }, (server) =>
      Effect.gen(function*() {
        const create = (body: unknown) =>
          Effect.map(
            send(`${server.url}/chatkit/sessions`, { method: "POST", body: JSON.stringify(body) }),
            (reply) => (reply.body as { id: string }).id
          )
        const cancel = (id: string) =>
          Effect.map(send(`${server.url}/chatkit/sessions/${id}/cancel`, { method: "POST" }), (reply) => reply.status)
        const expired = yield* create({
          user: "u",
          workflow: { id: "w" },
          expires_after: { anchor: "created_at", seconds: 1 }
        })
        const first = yield* create({ user: "u", workflow: { id: "w" } })
        yield* Effect.sleep("1100 millis")
        const second = yield* create({ user: "u", workflow: { id: "w" } })
        assert.deepStrictEqual([yield* cancel(expired), yield* cancel(first), yield* cancel(second)], [404, 200, 200])
        const third = yield* create({ user: "u", workflow: { id: "w" } })
        assert.deepStrictEqual([yield* cancel(first), yield* cancel(second), yield* cancel(third)], [404, 200, 200])
      })))

  it.live("faults follow faultSeed, which defaults to seed; each request is logged with its fault", () =>
    Effect.gen(function*() {
      const run = (options: ChatKitFakeServer.Options) => {
        const entries: Array<ChatKitFakeServer.RequestLog> = []
        return withServer({
          faultRate: 0.5,
          ...options,
          log: (entry) => Effect.sync(() => entries.push(entry))
        }, (server) =>
          Effect.forEach(
            Array.from({ length: 30 }),
            () => Effect.orElseSucceed(send(`${server.url}/chatkit/threads?limit=1`), () => undefined),
            { discard: true }
          )).pipe(Effect.as(entries))
      }
      const bySeed = yield* run({ seed: 7 })
      const byFaultSeed = yield* run({ seed: 1, faultSeed: 7 })
      const other = yield* run({ seed: 8 })
      const outcomes = (entries: ReadonlyArray<ChatKitFakeServer.RequestLog>) =>
        entries.map((entry) => `${entry.status} ${entry.fault ?? "-"}`)
      assert.deepStrictEqual(outcomes(byFaultSeed), outcomes(bySeed))
      assert.notDeepEqual(outcomes(other), outcomes(bySeed))
      for (const entry of bySeed) {
        assert.strictEqual(entry.method, "GET")
        assert.strictEqual(entry.path, "/v1/chatkit/threads")
        assert.isAtLeast(entry.millis, 0)
        assert.strictEqual(entry.fault === undefined, entry.status === 200)
      }
      assert.sameMembers([...new Set(bySeed.map((entry) => entry.fault ?? "-"))], [
        "-",
        "RateLimitError",
        "InternalServerError",
        "ConnectionError"
      ])
    }))
})
