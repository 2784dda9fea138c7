import { ChatKitError } from "@effect-chatkit/core"
import { ThreadsFakeServer } from "@effect-chatkit/testing"
import { assert, describe, it } from "@effect/vitest"
import { Array as Arr, Duration, Effect, Order } from "effect"
import OpenAI from "openai"

const apiKey = "sk-sdk-test"

const withClient = <A, E>(
  body: (client: OpenAI, server: ThreadsFakeServer.Server) => Effect.Effect<A, E>,
  maxRetries = 0
) =>
  Effect.flatMap(
    ThreadsFakeServer.ThreadsFakeServer,
    (server) => body(new OpenAI({ apiKey, baseURL: server.url, maxRetries }), server)
  ).pipe(Effect.provide(ThreadsFakeServer.layer({ seed: 11, apiKeys: [apiKey] })))

const collect = <A>(iterable: AsyncIterable<A>) =>
  Effect.promise(async () => {
    const out: Array<A> = []
    for await (const a of iterable) out.push(a)
    return out
  })

const rejection = <A>(promise: () => Promise<A>) =>
  Effect.flip(Effect.tryPromise({ try: promise, catch: (error) => error }))

describe("the official openai SDK against ThreadsFakeServer", () => {
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
          descending.filter((_, index) => threads[ascending.length - 1 - index]!.user === "u1")
        )
        const before = descending[30]!
        assert.deepStrictEqual(yield* ids({ limit: 6, before }), descending.slice(0, 30))
        assert.deepStrictEqual(
          yield* ids({ limit: 6, order: "asc", before: ascending[20]! }),
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
})
