import { ChatKitClient } from "@effect-chatkit/http"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, layer } from "@effect/vitest"
import { Chunk, Effect, Either, FastCheck, Layer, Redacted, Schedule, Stream, TestServices } from "effect"
import { inspect } from "node:util"
import { runs } from "../../../test/runs.js"
import { apiKey, itemPageJson, threadJson, threadPageJson } from "./utils/fixtures.js"
import { anyId, segments, wellFormed } from "./utils/ids.js"
import { json, TestServer } from "./utils/server.js"

const client = (options: Partial<ChatKitClient.Options> = {}) =>
  Effect.flatMap(TestServer, (server) =>
    ChatKitClient.make({
      apiKey: Redacted.make(apiKey),
      baseUrl: server.url,
      retrySchedule: Schedule.spaced("1 millis"),
      ...options
    })).pipe(Effect.map((services) => services.threads))

const suite = (name: string, httpClient: Layer.Layer<HttpClient.HttpClient>) =>
  layer(Layer.merge(TestServer.layer, httpClient))(`ChatKitClient over a socket (${name})`, (it) => {
    it.effect.prop(
      "any id reaches the server as exactly one path segment that decodes back to it",
      [anyId],
      ([id]) =>
        Effect.gen(function*() {
          const server = yield* TestServer
          const received = yield* server.handle((request) => {
            const decoded = decodeURIComponent(segments(request.target)[3] ?? "")
            return request.target.endsWith("/items")
              ? json(200, itemPageJson(decoded, [], false))
              : request.method === "DELETE"
              ? json(200, { id: decoded, object: "chatkit.thread.deleted", deleted: true })
              : json(200, threadJson(decoded))
          })
          const service = yield* client()
          assert.strictEqual((yield* service.retrieve(id)).id, id)
          assert.strictEqual((yield* service.delete(id)).id, id)
          yield* service.listItems(id)
          assert.deepStrictEqual(received.map((r) => r.method), ["GET", "DELETE", "GET"])
          for (const request of received) {
            const [v1, chatkit, threads, segment, ...rest] = segments(request.target)
            assert.deepStrictEqual([v1, chatkit, threads], ["v1", "chatkit", "threads"])
            assert.strictEqual(decodeURIComponent(segment!), id)
            assert.deepStrictEqual(rest, request.target.endsWith("/items") ? ["items"] : [])
          }
        }),
      { fastCheck: { numRuns: runs(60) } }
    )

    it.effect.prop("list params reach the server as given, and only those", {
      limit: FastCheck.option(FastCheck.integer({ min: 0, max: 100 }), { nil: undefined }),
      order: FastCheck.option(FastCheck.constantFrom("asc" as const, "desc" as const), { nil: undefined }),
      after: FastCheck.option(FastCheck.string({ unit: "binary", minLength: 1 }).filter(wellFormed), {
        nil: undefined
      }),
      before: FastCheck.option(FastCheck.string({ minLength: 1 }), { nil: undefined }),
      user: FastCheck.option(FastCheck.string({ unit: "grapheme", minLength: 1, maxLength: 50 }), { nil: undefined })
    }, (params) =>
      Effect.gen(function*() {
        const server = yield* TestServer
        const received = yield* server.handle(() => json(200, threadPageJson([], false)))
        const service = yield* client()
        yield* service.list(params)
        const [request] = received
        assert.isDefined(request)
        const query = new URLSearchParams(request.target.split("?")[1] ?? "")
        const expected = Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])
        assert.deepStrictEqual([...query], expected)
      }), { fastCheck: { numRuns: runs(50) } })

    it.effect("sends the official SDK's headers, the organization and project only when set", () =>
      Effect.gen(function*() {
        const server = yield* TestServer
        const received = yield* server.handle(() => json(200, threadPageJson([], false)))
        yield* Effect.flatMap(client(), (service) => service.list())
        yield* Effect.flatMap(
          client({ organization: "org_1", project: "proj_1", headers: { "x-extra": "1" } }),
          (service) => service.list()
        )
        const [plain, scoped] = received
        for (const request of [plain!, scoped!]) {
          assert.strictEqual(request.headers["authorization"], `Bearer ${apiKey}`)
          assert.strictEqual(request.headers["openai-beta"], "chatkit_beta=v1")
          assert.strictEqual(request.headers["accept"], "application/json")
          assert.strictEqual(request.headers["user-agent"], "effect-chatkit/0.1.0")
        }
        assert.isUndefined(plain!.headers["openai-organization"])
        assert.isUndefined(plain!.headers["openai-project"])
        assert.strictEqual(scoped!.headers["openai-organization"], "org_1")
        assert.strictEqual(scoped!.headers["openai-project"], "proj_1")
        assert.strictEqual(scoped!.headers["x-extra"], "1")
      }))

    it.effect("streams through several pages", () =>
      Effect.gen(function*() {
        const server = yield* TestServer
        const ids = Array.from({ length: 25 }, (_, i) => `cthr_${String(i).padStart(2, "0")}`)
        const received = yield* server.handle((request) => {
          const query = new URLSearchParams(request.target.split("?")[1] ?? "")
          const after = query.get("after")
          const start = after === null ? 0 : ids.indexOf(after) + 1
          const limit = Number(query.get("limit"))
          return json(200, threadPageJson(ids.slice(start, start + limit), start + limit < ids.length))
        })
        const service = yield* client()
        const threads = yield* Stream.runCollect(service.stream({ limit: 10 }))
        assert.deepStrictEqual(Chunk.toReadonlyArray(threads).map((t) => t.id), ids)
        assert.strictEqual(received.length, 3)
      }))

    // real time below: retry waits and timeouts run on the live clock
    it.effect("retries a 503 then succeeds; a non-JSON 404 is not retried", () =>
      TestServices.provideLive(Effect.gen(function*() {
        const server = yield* TestServer
        let calls = 0
        yield* server.handle(() =>
          ++calls === 1 ? { status: 503, headers: { "retry-after-ms": "5" } } : json(200, threadJson("cthr_1"))
        )
        const service = yield* client()
        assert.strictEqual((yield* service.retrieve("cthr_1")).id, "cthr_1")
        assert.strictEqual(calls, 2)
        const received = yield* server.handle(() => ({ status: 404, body: "no such thing", headers: {} }))
        const error = yield* Effect.flip(service.retrieve("cthr_1"))
        assert.strictEqual(error._tag, "NotFoundError")
        assert.strictEqual(error.message, "404 no such thing")
        assert.strictEqual(received.length, 1)
      })))

    it.effect("a server that does not answer in time: TimeoutError after every attempt", () =>
      TestServices.provideLive(Effect.gen(function*() {
        const server = yield* TestServer
        const received = yield* server.handle(() => undefined)
        const service = yield* client({ timeout: "50 millis", maxRetries: 1 })
        const error = yield* Effect.flip(service.list())
        assert.strictEqual(error._tag, "TimeoutError")
        assert.strictEqual(received.length, 2)
      })))

    it.effect("a refused connection is a ConnectionError without the key", () =>
      TestServices.provideLive(Effect.gen(function*() {
        // port 9 (discard): nothing listens there on loopback
        const service = yield* client({ baseUrl: "http://127.0.0.1:9/v1" })
        const error = yield* Effect.flip(service.list())
        assert.strictEqual(error._tag, "ConnectionError")
        for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 10 })]) {
          assert.notInclude(text, apiKey)
        }
      })))

    it.effect("a 2xx body that is not JSON is a ResponseDecodeError", () =>
      Effect.gen(function*() {
        const server = yield* TestServer
        yield* server.handle(() => ({ status: 200, body: "<html>", headers: { "x-request-id": "req_9" } }))
        const result = yield* Effect.either(Effect.flatMap(client(), (service) => service.list()))
        assert.isTrue(Either.isLeft(result) && result.left._tag === "ResponseDecodeError")
      }))
  })

describe("ChatKitClient over real sockets", () => {
  suite("undici", NodeHttpClient.layerUndici)
  suite("fetch", FetchHttpClient.layer)
})
