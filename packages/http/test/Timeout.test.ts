import { assert, describe, it } from "@effect/vitest"
import { Deferred, Duration, Effect, Exit, FastCheck, Fiber, FiberRef, TestClock } from "effect"
import { timeoutFail } from "../src/internal/timeout.js"

const timedOut = "timed out" as const

const within = (millis: number) => <A, E>(self: Effect.Effect<A, E>) =>
  timeoutFail(self, { duration: Duration.millis(millis), onTimeout: () => timedOut })

const reference = (millis: number) => <A, E>(self: Effect.Effect<A, E>) =>
  Effect.timeoutFail(self, { duration: Duration.millis(millis), onTimeout: () => timedOut })

type Outcome = { readonly _tag: "succeed"; readonly value: number } | {
  readonly _tag: "fail"
  readonly error: string
} | { readonly _tag: "die" }

const outcome: FastCheck.Arbitrary<Outcome> = FastCheck.oneof(
  FastCheck.record({ _tag: FastCheck.constant("succeed" as const), value: FastCheck.integer() }),
  FastCheck.record({ _tag: FastCheck.constant("fail" as const), error: FastCheck.string() }),
  FastCheck.record({ _tag: FastCheck.constant("die" as const) })
)

const effectOf = (o: Outcome, async: boolean): Effect.Effect<number, string> => {
  const effect = o._tag === "succeed" ? Effect.succeed(o.value) : o._tag === "fail" ? Effect.fail(o.error) : Effect.die(
    "boom"
  )
  return async ? Effect.zipRight(Effect.yieldNow(), effect) : effect
}

describe("timeoutFail (live clock)", () => {
  it.live("an effect that ends in time ends as it would with Effect.timeoutFail", () =>
    Effect.promise(() =>
      FastCheck.assert(
        FastCheck.asyncProperty(outcome, FastCheck.boolean(), async (o, async) => {
          const actual = await Effect.runPromiseExit(within(60_000)(effectOf(o, async)))
          const expected = await Effect.runPromiseExit(reference(60_000)(effectOf(o, async)))
          assert.deepStrictEqual(actual, expected)
        }),
        { numRuns: 50 }
      )
    ))

  it.live("an effect past its deadline is interrupted, awaited, and the failure is onTimeout()", () =>
    Effect.gen(function*() {
      const interrupted = yield* Deferred.make<boolean>()
      const exit = yield* Effect.exit(
        within(5)(Effect.onInterrupt(Effect.never, () => Deferred.succeed(interrupted, true)))
      )
      assert.deepStrictEqual(exit, Exit.fail(timedOut))
      assert.isTrue(yield* Deferred.isDone(interrupted))
    }))

  it.live("interrupting the caller interrupts the effect", () =>
    Effect.gen(function*() {
      const started = yield* Deferred.make<boolean>()
      const interrupted = yield* Deferred.make<boolean>()
      const fiber = yield* Effect.fork(
        within(60_000)(
          Effect.zipRight(
            Deferred.succeed(started, true),
            Effect.onInterrupt(Effect.never, () => Deferred.succeed(interrupted, true))
          )
        )
      )
      yield* Deferred.await(started)
      yield* Fiber.interrupt(fiber)
      assert.isTrue(yield* Deferred.isDone(interrupted))
    }))

  it.live("a success keeps the fiber refs the effect set, as Effect.timeoutFail does", () =>
    Effect.gen(function*() {
      const ref = FiberRef.unsafeMake(0)
      yield* within(60_000)(Effect.zipRight(Effect.yieldNow(), FiberRef.set(ref, 7)))
      assert.strictEqual(yield* FiberRef.get(ref), 7)
    }))

  it.live("a deadline beyond what timers hold never fires", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(
        timeoutFail(Effect.zipRight(Effect.sleep("5 millis"), Effect.succeed(1)), {
          duration: Duration.days(30),
          onTimeout: () => timedOut
        })
      )
      assert.deepStrictEqual(exit, Exit.succeed(1))
    }))
})

describe("timeoutFail (test clock)", () => {
  it.effect("waits on the TestClock: nothing times out until the clock moves past the deadline", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(within(1000)(Effect.never))
      yield* TestClock.adjust("999 millis")
      assert.isTrue((yield* Fiber.poll(fiber))._tag === "None")
      yield* TestClock.adjust("1 millis")
      assert.deepStrictEqual(yield* Fiber.await(fiber), Exit.fail(timedOut))
    }))
})
