import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import * as ScheduleDecision from "effect/ScheduleDecision"
import * as Intervals from "effect/ScheduleIntervals"

/**
 * openai-node's backoff: 0.5 s · 2ⁿ, at most 8 s, times a jitter factor in [0.75, 1] drawn from Effect's
 * `Random` (so it is deterministic under a fixed or test `Random`).
 *
 * @internal
 */
export const defaultSchedule: Schedule.Schedule<unknown> = Schedule.exponential("500 millis").pipe(
  Schedule.union(Schedule.spaced("8 seconds")),
  Schedule.jitteredWith({ min: 0.75, max: 1 })
)

/**
 * The longest delay a server may ask for (`retry-after-ms` / `retry-after`) and be obeyed.
 *
 * @internal
 */
export const maxRequestedDelay = 60_000

/**
 * Whether a status is worth another attempt, as openai-node decides: `x-should-retry` when the server says
 * `true` or `false`, otherwise 408, 409, 429 and 5xx.
 *
 * @internal
 */
export const shouldRetry = (status: number, shouldRetryHeader: string | undefined): boolean => {
  if (shouldRetryHeader === "true") return true
  if (shouldRetryHeader === "false") return false
  return status === 408 || status === 409 || status === 429 || status >= 500
}

/**
 * A failed attempt: the error, whether another attempt may succeed, and the delay the server asked for (in
 * milliseconds), if any.
 *
 * @internal
 */
export interface Failure {
  readonly error: ChatKitError.RequestError
  readonly retryable: boolean
  readonly requestedDelay?: number | undefined
}

/**
 * How to retry: at most `maxRetries` more attempts, waiting as `schedule` says unless the server asked for a
 * delay in (0, 60 s].
 *
 * @internal
 */
export interface Policy {
  readonly maxRetries: number
  readonly schedule: Schedule.Schedule<unknown, ChatKitError.ChatKitError>
}

/**
 * Runs `attempt` (given the number of retries so far) until it succeeds, fails with an error not worth
 * retrying, uses up `maxRetries`, or the schedule ends. Every wait goes through `Clock`, so it is
 * deterministic under `TestClock`. The schedule is stepped once per retry with the error as input, even when
 * the server's delay wins, so its backoff keeps counting.
 *
 * @internal
 */
export const retrying = <A>(
  policy: Policy,
  attempt: (retries: number) => Effect.Effect<A, Failure>
): Effect.Effect<A, ChatKitError.RequestError> => {
  const loop = (retries: number, state: unknown): Effect.Effect<A, ChatKitError.RequestError> =>
    Effect.catchAll(attempt(retries), (failure) => {
      if (!failure.retryable || retries >= policy.maxRetries) return Effect.fail(failure.error)
      return Effect.flatMap(
        Clock.currentTimeMillis,
        (now) =>
          Effect.flatMap(policy.schedule.step(now, failure.error, state), ([next, , decision]) => {
            if (ScheduleDecision.isDone(decision)) return Effect.fail(failure.error)
            const requested = failure.requestedDelay
            const delay = requested !== undefined && requested > 0 && requested <= maxRequestedDelay
              ? requested
              : Math.max(0, Intervals.start(decision.intervals) - now)
            return Effect.zipRight(Effect.sleep(Duration.millis(delay)), loop(retries + 1, next))
          })
      )
    })
  return loop(0, policy.schedule.initial)
}
