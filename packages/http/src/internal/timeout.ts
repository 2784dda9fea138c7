import type * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"

// the clock every fiber has unless a test or the user provides another one
const liveClock: Clock.Clock = Effect.runSync(Effect.clock)

// the longest delay `setTimeout` keeps; the live clock never wakes a sleep longer than that
const maxTimerMillis = 2 ** 31 - 1

/**
 * `Effect.timeoutFail(self, { duration, onTimeout })`, for about half its cost on the live clock: `self` runs
 * in one child fiber and the deadline is a plain timer, where `Effect.timeoutFail` forks a second fiber to
 * sleep and races the two. Same outcome either way: `self`'s exit when it ends first (its fiber refs
 * inherited when it succeeds), else `self` interrupted (and awaited) and `onTimeout()` as the failure; an
 * interruption of the caller interrupts `self`. With any other clock (a `TestClock`), this is
 * `Effect.timeoutFail`, so that waits stay under that clock's control.
 *
 * @internal
 */
export const timeoutFail = <A, E, E2>(
  self: Effect.Effect<A, E>,
  options: { readonly duration: Duration.Duration; readonly onTimeout: () => E2 }
): Effect.Effect<A, E | E2> =>
  Effect.clockWith((clock) => {
    if (clock !== liveClock) return Effect.timeoutFail(self, options)
    const millis = Duration.toMillis(options.duration)
    return Effect.uninterruptibleMask((restore) =>
      Effect.flatMap(Effect.fork(restore(self)), (fiber) =>
        restore(Effect.async<A, E | E2>((resume) => {
          const observer = (exit: Exit.Exit<A, E>) => {
            if (timer !== undefined) clearTimeout(timer)
            resume(exit._tag === "Success" ? Effect.as(Fiber.inheritAll(fiber), exit.value) : exit)
          }
          const timer = millis <= maxTimerMillis
            ? setTimeout(() => {
              fiber.removeObserver(observer)
              resume(Effect.zipRight(Fiber.interrupt(fiber), Effect.fail(options.onTimeout())))
            }, millis)
            : undefined
          fiber.addObserver(observer)
          return Effect.suspend(() => {
            if (timer !== undefined) clearTimeout(timer)
            fiber.removeObserver(observer)
            return Fiber.interrupt(fiber)
          })
        })))
    )
  })
