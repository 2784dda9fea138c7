import type { ChatKitError } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Array as Arr, Duration, Effect, Either, FastCheck, Fiber, Random, Schedule, TestClock } from "effect"
import { runs } from "../../../test/runs.js"
import { makeClient } from "./utils/client.js"
import { threadJson } from "./utils/fixtures.js"
import { answer, fail, hang, type Reply, scripted } from "./utils/transport.js"

/**
 * Retrieves a thread over the script with the given options and a fixed jitter draw, moving the test clock
 * far enough for every wait; returns the outcome and the delays between attempts.
 */
const run = (
  script: ReadonlyArray<Reply>,
  options: Parameters<typeof makeClient>[1] = {},
  random = 0
) =>
  Effect.gen(function*() {
    const transport = scripted(script)
    const service = yield* makeClient(transport, options)
    const fiber = yield* Effect.fork(
      Effect.either(service.retrieve("cthr_1")).pipe(Effect.withRandom(Random.fixed([random])))
    )
    yield* TestClock.adjust("1 hour")
    const result = yield* Fiber.join(fiber)
    const delays = Arr.zip(transport.seen, transport.seen.slice(1)).map(([previous, next]) => next.at - previous.at)
    return { result, delays, attempts: transport.seen.length }
  })

const ok = answer(200, threadJson("cthr_1"))

const failedWith = (result: Either.Either<unknown, ChatKitError.ChatKitError>) =>
  Either.isLeft(result) ? result.left._tag : "success"

describe("ChatKitClient retries", () => {
  it.effect("503 twice then 200: three attempts after 0.5 s and 1 s of backoff (minus jitter)", () =>
    Effect.gen(function*() {
      const { attempts, delays, result } = yield* run([answer(503), answer(503), ok])
      assert.isTrue(Either.isRight(result))
      assert.strictEqual(attempts, 3)
      assert.deepStrictEqual(delays, [375, 750]) // jitter draw 0: factor 0.75
    }))

  it.effect("gives up after maxRetries (default 2) with the last error", () =>
    Effect.gen(function*() {
      const { attempts, result } = yield* run([answer(503, { error: { message: "down" } })])
      assert.strictEqual(attempts, 3)
      assert.strictEqual(failedWith(result), "InternalServerError")
    }))

  it.effect.prop("retries 408, 409, 429 and 5xx exactly maxRetries times", {
    status: FastCheck.oneof(FastCheck.constantFrom(408, 409, 429), FastCheck.integer({ min: 500, max: 599 })),
    maxRetries: FastCheck.integer({ min: 0, max: 4 })
  }, ({ maxRetries, status }) =>
    Effect.gen(function*() {
      const { attempts } = yield* run([answer(status)], { maxRetries })
      assert.strictEqual(attempts, maxRetries + 1)
    }), { fastCheck: { numRuns: runs(20) } })

  it.effect.prop("never retries other statuses", {
    status: FastCheck.integer({ min: 300, max: 499 }).filter((s) => ![408, 409, 429].includes(s))
  }, ({ status }) =>
    Effect.gen(function*() {
      const { attempts } = yield* run([answer(status), ok])
      assert.strictEqual(attempts, 1)
    }), { fastCheck: { numRuns: runs(20) } })

  it.effect("404 once: no retry", () =>
    Effect.gen(function*() {
      const { attempts, result } = yield* run([answer(404), ok])
      assert.strictEqual(attempts, 1)
      assert.strictEqual(failedWith(result), "NotFoundError")
    }))

  it.effect("x-should-retry: false on a 500 is not retried; x-should-retry: true on a 400 is", () =>
    Effect.gen(function*() {
      const noRetry = yield* run([answer(500, undefined, { "x-should-retry": "false" }), ok])
      assert.strictEqual(noRetry.attempts, 1)
      assert.strictEqual(failedWith(noRetry.result), "InternalServerError")
      const retry = yield* run([answer(400, undefined, { "x-should-retry": "true" }), ok])
      assert.strictEqual(retry.attempts, 2)
      assert.isTrue(Either.isRight(retry.result))
    }))

  it.effect("429 with retry-after-ms waits that long, and reports it on the error", () =>
    Effect.gen(function*() {
      const { attempts, delays, result } = yield* run([answer(429, undefined, { "retry-after-ms": "1234" })])
      assert.strictEqual(attempts, 3)
      assert.deepStrictEqual(delays, [1234, 1234])
      assert.isTrue(Either.isLeft(result) && result.left._tag === "RateLimitError")
      if (Either.isLeft(result) && result.left._tag === "RateLimitError") {
        assert.deepStrictEqual(result.left.retryAfter, Duration.millis(1234))
      }
    }))

  it.effect("retry-after-ms wins over retry-after", () =>
    Effect.gen(function*() {
      const { delays } = yield* run([answer(429, undefined, { "retry-after-ms": "100", "retry-after": "5" }), ok])
      assert.deepStrictEqual(delays, [100])
    }))

  it.effect("429 with retry-after in seconds", () =>
    Effect.gen(function*() {
      const { delays, result } = yield* run([answer(429, undefined, { "retry-after": "2" }), ok])
      assert.isTrue(Either.isRight(result))
      assert.deepStrictEqual(delays, [2000])
    }))

  it.effect("429 with retry-after as an HTTP date, relative to the Clock", () =>
    Effect.gen(function*() {
      // the test clock starts at the epoch
      const { delays } = yield* run([answer(429, undefined, { "retry-after": "Thu, 01 Jan 1970 00:00:03 GMT" }), ok])
      assert.deepStrictEqual(delays, [3000])
    }))

  it.effect("a requested delay of 0, above 60 s or unreadable falls back to the backoff", () =>
    Effect.gen(function*() {
      for (const headers of [{ "retry-after": "0" }, { "retry-after": "61" }, { "retry-after-ms": "x" }]) {
        const { delays } = yield* run([answer(503, undefined, headers), ok])
        assert.deepStrictEqual(delays, [375], JSON.stringify(headers))
      }
      const { delays } = yield* run([answer(503, undefined, { "retry-after": "60" }), ok])
      assert.deepStrictEqual(delays, [60_000])
    }))

  it.effect.prop("backoff is 0.5 s · 2ⁿ capped at 8 s, times a jitter factor in [0.75, 1]", {
    random: FastCheck.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })
  }, ({ random }) =>
    Effect.gen(function*() {
      const { delays } = yield* run([answer(500)], { maxRetries: 6 }, random)
      const bases = [500, 1000, 2000, 4000, 8000, 8000]
      assert.strictEqual(delays.length, bases.length)
      Arr.zip(delays, bases).forEach(([delay, base]) => {
        assert.isAtLeast(delay, base * 0.75 - 1)
        assert.isAtMost(delay, base)
      })
    }), { fastCheck: { numRuns: runs(10) } })

  it.effect("connection errors are retried and end as a ConnectionError", () =>
    Effect.gen(function*() {
      const refused = new Error("connect ECONNREFUSED 127.0.0.1:9")
      const { attempts, result } = yield* run([fail(refused)])
      assert.strictEqual(attempts, 3)
      assert.strictEqual(failedWith(result), "ConnectionError")
      assert.include(Either.isLeft(result) ? result.left.message : "", "ECONNREFUSED")
      const recovered = yield* run([fail(refused), ok])
      assert.isTrue(Either.isRight(recovered.result))
    }))

  it.effect("an attempt that takes longer than the timeout is a TimeoutError, and is retried", () =>
    Effect.gen(function*() {
      const { attempts, delays, result } = yield* run([hang], { timeout: "2 seconds", maxRetries: 1 })
      assert.strictEqual(attempts, 2)
      assert.deepStrictEqual(delays, [2000 + 375])
      assert.strictEqual(failedWith(result), "TimeoutError")
      const recovered = yield* run([hang, ok], { timeout: "2 seconds" })
      assert.isTrue(Either.isRight(recovered.result))
    }))

  it.effect("retrySchedule replaces the backoff, and ends retrying when it ends", () =>
    Effect.gen(function*() {
      const spaced = yield* run([answer(503)], { retrySchedule: Schedule.spaced("100 millis"), maxRetries: 3 })
      assert.deepStrictEqual(spaced.delays, [100, 100, 100])
      const once = yield* run([answer(503)], {
        retrySchedule: Schedule.spaced("100 millis").pipe(Schedule.intersect(Schedule.recurs(1))),
        maxRetries: 5
      })
      assert.strictEqual(once.attempts, 2)
      const onlyRateLimits = yield* run([answer(503)], {
        retrySchedule: Schedule.recurWhile((error: ChatKitError.ChatKitError) => error._tag === "RateLimitError")
      })
      assert.strictEqual(onlyRateLimits.attempts, 1)
    }))
})
