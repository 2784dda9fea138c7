import { Page, ThreadsService } from "@effect-chatkit/core"
import { ChatKitClient } from "@effect-chatkit/http"
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import {
  Chunk,
  Config,
  ConfigError,
  ConfigProvider,
  Effect,
  Either,
  Fiber,
  Layer,
  Schema,
  Stream,
  TestClock
} from "effect"
import { readFileSync } from "node:fs"
import { userAgent } from "../src/internal/version.js"
import { makeClient } from "./utils/client.js"
import { apiKey, itemPageJson, threadJson, threadPageJson } from "./utils/fixtures.js"
import { refusedIds } from "./utils/ids.js"
import { recordingTracer } from "./utils/tracing.js"
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

  it("the User-Agent names the package version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
    assert.strictEqual(userAgent, `effect-chatkit/${pkg.version}`)
  })

  it.effect("pages holding values the API does not have today decode and keep them, unchanged on encoding", () =>
    Effect.gen(function*() {
      const identity = (id: string) => ({
        id,
        object: "chatkit.thread_item" as const,
        created_at: 1,
        thread_id: "cthr_1"
      })
      const audioClip = { ...identity("cthi_1"), type: "chatkit.audio_clip", seconds: 3 }
      const userMessage = {
        ...identity("cthi_2"),
        type: "chatkit.user_message",
        content: [{ type: "input_audio", format: "mp3" }]
      }
      const toolCall = {
        ...identity("cthi_3"),
        type: "chatkit.client_tool_call",
        status: "failed",
        call_id: "c",
        name: "n",
        arguments: "{}",
        output: null
      }
      const data = [audioClip, userMessage, toolCall]
      const itemPage = { object: "list", data, first_id: "cthi_1", last_id: "cthi_3", has_more: false }
      const threadPage = {
        object: "list",
        data: [{ ...threadJson("cthr_1"), status: { type: "archived", by: "admin" } }],
        first_id: "cthr_1",
        last_id: "cthr_1",
        has_more: false
      }
      const transport = scripted([answer(200, itemPage), answer(200, threadPage)])
      const service = yield* withClient(transport)
      const items = yield* service.listItems("cthr_1")
      assert.deepStrictEqual(items.data.map((item) => [item.id, item.type]), [
        ["cthi_1", "unknown"],
        ["cthi_2", "chatkit.user_message"],
        ["cthi_3", "chatkit.client_tool_call"]
      ])
      const encodedItems = Schema.encodeSync(Page.ThreadItemPage)(items)
      assert.deepStrictEqual(encodedItems.data, [
        audioClip,
        { ...userMessage, attachments: [], inference_options: null },
        toolCall
      ])
      const threads = yield* service.list()
      assert.deepStrictEqual<unknown>(Schema.encodeSync(Page.ThreadPage)(threads), threadPage)
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
      for (const id of refusedIds) {
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

describe("ChatKitClient.layerConfig", () => {
  const env = (entries: ReadonlyArray<readonly [string, string]>) =>
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(entries)))

  const listThrough = (
    layer: Layer.Layer<ThreadsService.ThreadsService, ConfigError.ConfigError, HttpClient.HttpClient>
  ) => {
    const transport = scripted([answer(200, threadPageJson([], false))])
    return ThreadsService.list().pipe(
      Effect.provide(layer.pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, transport.client)))),
      Effect.as(transport.seen)
    )
  }

  it.effect("reads OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID and OPENAI_PROJECT_ID (empty means unset)", () =>
    Effect.gen(function*() {
      const [seen] = yield* listThrough(ChatKitClient.layerConfig()).pipe(env([
        ["OPENAI_API_KEY", apiKey],
        ["OPENAI_BASE_URL", "https://proxy.test/openai/"],
        ["OPENAI_ORG_ID", "org_9"],
        ["OPENAI_PROJECT_ID", ""]
      ]))
      assert.strictEqual(seen!.url.href, "https://proxy.test/openai/chatkit/threads")
      assert.strictEqual(seen!.headers["authorization"], `Bearer ${apiKey}`)
      assert.strictEqual(seen!.headers["openai-organization"], "org_9")
      assert.isUndefined(seen!.headers["openai-project"])
    }))

  it.effect("defaults to api.openai.com, and fails with a ConfigError without a key", () =>
    Effect.gen(function*() {
      const [seen] = yield* listThrough(ChatKitClient.layerConfig()).pipe(env([["OPENAI_API_KEY", apiKey]]))
      assert.strictEqual(seen!.url.href, "https://api.openai.com/v1/chatkit/threads")
      const missing = yield* Effect.flip(listThrough(ChatKitClient.layerConfig()).pipe(env([])))
      assert.isTrue(ConfigError.isConfigError(missing))
    }))

  it.effect("each setting can come from another Config", () =>
    Effect.gen(function*() {
      const [seen] = yield* listThrough(ChatKitClient.layerConfig({
        apiKey: Config.redacted("MY_KEY"),
        baseUrl: Config.string("MY_URL"),
        project: Config.succeed("proj_2"),
        headers: { "x-team": "a" }
      })).pipe(env([["MY_KEY", "other-key"], ["MY_URL", "http://127.0.0.1:1/base"]]))
      assert.strictEqual(seen!.url.href, "http://127.0.0.1:1/base/chatkit/threads")
      assert.strictEqual(seen!.headers["authorization"], "Bearer other-key")
      assert.strictEqual(seen!.headers["openai-project"], "proj_2")
      assert.strictEqual(seen!.headers["x-team"], "a")
    }))
})

describe("ChatKitClient tracing", () => {
  it.effect("annotates the ThreadsService span with status, request id and retries, and no span holds the key", () =>
    Effect.gen(function*() {
      const { spans, tracer } = yield* recordingTracer
      const transport = scripted([answer(503), answer(200, threadJson("cthr_1"), { "x-request-id": "req_2" })])
      const service = yield* makeClient(transport)
      const fiber = yield* Effect.fork(service.retrieve("cthr_1").pipe(Effect.withTracer(tracer)))
      yield* TestClock.adjust("10 seconds")
      yield* Fiber.join(fiber)
      const span = spans.find((s) => s.name === "ThreadsService.retrieve")!
      assert.strictEqual(span.attributes.get("http.response.status_code"), 200)
      assert.strictEqual(span.attributes.get("chatkit.request_id"), "req_2")
      assert.strictEqual(span.attributes.get("chatkit.retries"), 1)
      assert.isAbove(spans.length, 2) // the platform's client spans too
      for (const s of spans) {
        for (const [name, value] of s.attributes) assert.notInclude(String(value), apiKey, name)
      }
    }))
})
