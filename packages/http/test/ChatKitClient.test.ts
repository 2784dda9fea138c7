import type { ChatKitClient } from "@effect-chatkit/http"
import { assert, describe, it } from "@effect/vitest"
import { Chunk, Effect, Either, Stream } from "effect"
import { makeClient } from "./utils/client.js"
import { apiKey, itemPageJson, threadJson, threadPageJson } from "./utils/fixtures.js"
import { answer, scripted } from "./utils/transport.js"

const withClient = (transport: ReturnType<typeof scripted>, options: Partial<ChatKitClient.Options> = {}) =>
  makeClient(transport, { maxRetries: 0, ...options })

describe("ChatKitClient requests", () => {
  it.effect("list sends GET /chatkit/threads with the SDK's headers and only the params that are set", () =>
    Effect.gen(function*() {
      const transport = scripted([answer(200, threadPageJson(["cthr_1"], false))])
      const service = yield* withClient(transport, { baseUrl: "https://example.test/v1/" })
      const page = yield* service.list({ limit: 5, order: "asc", user: "u 1&x" })
      assert.deepStrictEqual(page.data.map((t) => t.id), ["cthr_1"])
      const [seen] = transport.seen
      assert.strictEqual(seen!.method, "GET")
      assert.strictEqual(seen!.url.origin + seen!.url.pathname, "https://example.test/v1/chatkit/threads")
      assert.deepStrictEqual([...seen!.url.searchParams], [["limit", "5"], ["order", "asc"], ["user", "u 1&x"]])
      assert.strictEqual(seen!.headers["authorization"], `Bearer ${apiKey}`)
      assert.strictEqual(seen!.headers["openai-beta"], "chatkit_beta=v1")
      assert.strictEqual(seen!.headers["accept"], "application/json")
      assert.strictEqual(seen!.headers["user-agent"], "effect-chatkit/0.1.0")
      assert.isUndefined(seen!.headers["openai-organization"])
      assert.isUndefined(seen!.headers["openai-project"])
    }))

  it.effect("retrieve, delete and listItems use the thread id as one path segment", () =>
    Effect.gen(function*() {
      const transport = scripted([
        answer(200, threadJson("a/b")),
        answer(200, { id: "a/b", object: "chatkit.thread.deleted", deleted: true }),
        answer(200, itemPageJson("a/b", ["cthi_1"], false))
      ])
      const service = yield* withClient(transport, { organization: "org_1", project: "proj_1" })
      yield* service.retrieve("a/b")
      yield* service.delete("a/b")
      const items = yield* service.listItems("a/b", { after: "cthi_0", before: "cthi_9" })
      assert.strictEqual(items.last_id, "cthi_1")
      assert.deepStrictEqual(
        transport.seen.map((s) => `${s.method} ${s.url.pathname}${s.url.search}`),
        [
          "GET /v1/chatkit/threads/a%2Fb",
          "DELETE /v1/chatkit/threads/a%2Fb",
          "GET /v1/chatkit/threads/a%2Fb/items?after=cthi_0&before=cthi_9"
        ]
      )
      for (const seen of transport.seen) {
        assert.strictEqual(seen.headers["openai-organization"], "org_1")
        assert.strictEqual(seen.headers["openai-project"], "proj_1")
      }
    }))

  it.effect("refuses ids that no URL can carry as a segment, before sending anything", () =>
    Effect.gen(function*() {
      const transport = scripted([answer(200, threadJson("x"))])
      const service = yield* withClient(transport)
      for (const id of [".", "..", "", "\uD800"]) {
        const result = yield* Effect.either(service.retrieve(id))
        assert.isTrue(Either.isLeft(result) && result.left._tag === "BadRequestError", id)
      }
      assert.strictEqual(transport.seen.length, 0)
    }))

  it.effect("stream pages through the threads with after = last_id, keeping the other params", () =>
    Effect.gen(function*() {
      const transport = scripted([
        answer(200, threadPageJson(["a", "b"], true)),
        answer(200, { object: "list", data: [], first_id: null, last_id: "x", has_more: true }),
        answer(200, threadPageJson(["c"], false))
      ])
      const service = yield* withClient(transport)
      const threads = yield* Stream.runCollect(service.stream({ limit: 2, user: "u" }))
      assert.deepStrictEqual(Chunk.toReadonlyArray(threads).map((t) => t.id), ["a", "b", "c"])
      assert.deepStrictEqual(transport.seen.map((s) => s.url.search), [
        "?limit=2&user=u",
        "?limit=2&after=b&user=u",
        "?limit=2&after=x&user=u"
      ])
    }))
})
