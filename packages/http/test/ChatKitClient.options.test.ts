import { ThreadsService } from "@effect-chatkit/core"
import { ChatKitClient } from "@effect-chatkit/http"
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import { ConfigError, ConfigProvider, Duration, Effect, FastCheck, Fiber, Layer, Option, TestClock } from "effect"
import { runs } from "../../../test/runs.js"
import { makeClient, makeServices } from "./utils/client.js"
import { threadPageJson } from "./utils/fixtures.js"
import { answer, hang, scripted } from "./utils/transport.js"

/** The error of building a client with `options`; asserts that it names `option` and that nothing was sent. */
const refused = (options: Partial<ChatKitClient.Options>, option: string) =>
  Effect.gen(function*() {
    const transport = scripted([answer(200, threadPageJson([], false))])
    const error = yield* Effect.flip(makeServices(transport, options))
    assert.strictEqual(error._op, "InvalidData")
    if (error._op === "InvalidData") assert.deepStrictEqual(error.path, [option])
    assert.include(error.message, option)
    assert.strictEqual(transport.seen.length, 0)
    return error
  })

const notCount = FastCheck.oneof(
  FastCheck.integer({ max: -1 }),
  FastCheck.double({ noNaN: true }).filter((n) => !Number.isSafeInteger(n)),
  FastCheck.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1)
)

describe("ChatKitClient options", () => {
  it.effect.prop(
    "maxRetries that is not a non-negative integer is a ConfigError naming it",
    [notCount],
    ([n]) => Effect.asVoid(refused({ maxRetries: n }, "maxRetries")),
    { fastCheck: { numRuns: runs(30) } }
  )

  it.effect("maxRetries -1, 1.5 and NaN are refused, as openai-node refuses them", () =>
    Effect.gen(function*() {
      for (const maxRetries of [-1, 1.5, Number.NaN]) yield* refused({ maxRetries }, "maxRetries")
    }))

  it.effect("a timeout that is not a positive duration is refused", () =>
    Effect.gen(function*() {
      const timeouts: ReadonlyArray<Duration.DurationInput> = [-1, Number.NaN, 0, "-5 seconds", [-1, 0]]
      for (const timeout of [...timeouts, "soon" as Duration.DurationInput]) {
        yield* refused({ timeout }, "timeout")
      }
    }))

  it.effect.prop(
    "maxResponseBytes that is not a positive integer is refused",
    {
      n: FastCheck.oneof(notCount, FastCheck.constant(0))
    },
    ({ n }) => Effect.asVoid(refused({ maxResponseBytes: n }, "maxResponseBytes")),
    {
      fastCheck: { numRuns: runs(30) }
    }
  )

  it.effect("a base URL with credentials, a query or a fragment is refused, and the message masks them", () =>
    Effect.gen(function*() {
      const cases = [
        "http://admin:s3cr3t@host.test/v1",
        "http://s3cr3t@host.test/v1",
        "https://host.test/v1?token=s3cr3t",
        "https://host.test/v1?",
        "https://host.test/v1#s3cr3t",
        "ftp://host.test/v1",
        "s3cr3t"
      ]
      for (const baseUrl of cases) {
        const error = yield* refused({ baseUrl }, "baseUrl")
        assert.notInclude(error.message, "s3cr3t", baseUrl)
      }
      const error = yield* refused({ baseUrl: "http://admin:s3cr3t@host.test/v1?key=s3cr3t" }, "baseUrl")
      assert.include(error.message, "http://***@host.test/v1?***")
    }))

  it.effect("valid options build a client that sends nothing until called", () =>
    Effect.gen(function*() {
      const transport = scripted([])
      yield* makeServices(transport, {
        baseUrl: "http://127.0.0.1:8080/v1/",
        maxRetries: 0,
        timeout: Number.POSITIVE_INFINITY,
        maxResponseBytes: 1
      })
      assert.strictEqual(transport.seen.length, 0)
    }))

  it.effect("an infinite timeout never times out an attempt", () =>
    Effect.gen(function*() {
      const service = yield* makeClient(scripted([hang]), { timeout: Duration.infinity, maxRetries: 0 })
      const fiber = yield* Effect.fork(service.retrieve("cthr_1"))
      yield* TestClock.adjust("3650 days")
      assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
      yield* Fiber.interrupt(fiber)
    }))

  it.effect("layerConfig refuses an OPENAI_BASE_URL with a query, masked, and treats a blank one as unset", () =>
    Effect.gen(function*() {
      const transport = scripted([answer(200, threadPageJson([], false))])
      const list = (env: ReadonlyArray<readonly [string, string]>) =>
        ThreadsService.list().pipe(
          Effect.provide(
            ChatKitClient.layerConfig().pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, transport.client)))
          ),
          Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["OPENAI_API_KEY", "k"], ...env])))
        )
      const error = yield* Effect.flip(list([["OPENAI_BASE_URL", "https://proxy.test/v1?api-key=s3cr3t"]]))
      assert.isTrue(ConfigError.isConfigError(error))
      assert.include(String(error), "baseUrl")
      assert.notInclude(String(error), "s3cr3t")
      yield* list([["OPENAI_BASE_URL", "  "]])
      assert.strictEqual(transport.seen[0]?.url.origin, new URL(ChatKitClient.defaultBaseUrl).origin)
    }))

  it.effect("baseUrlConfig is OPENAI_BASE_URL when set and not blank, else the default", () =>
    Effect.gen(function*() {
      const read = (env: ReadonlyArray<readonly [string, string]>) =>
        Effect.withConfigProvider(ChatKitClient.baseUrlConfig, ConfigProvider.fromMap(new Map(env)))
      assert.strictEqual(yield* read([]), "https://api.openai.com/v1")
      assert.strictEqual(yield* read([["OPENAI_BASE_URL", ""]]), ChatKitClient.defaultBaseUrl)
      assert.strictEqual(yield* read([["OPENAI_BASE_URL", " \t"]]), ChatKitClient.defaultBaseUrl)
      assert.strictEqual(yield* read([["OPENAI_BASE_URL", "http://x.test/v1"]]), "http://x.test/v1")
    }))
})
