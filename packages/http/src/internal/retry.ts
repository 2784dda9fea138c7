import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import * as Duration from "effect/Duration"
import * as Schedule from "effect/Schedule"

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

const obeyed = (requested: number | undefined): requested is number =>
  requested !== undefined && requested > 0 && requested <= maxRequestedDelay

/**
 * The retry policy, for `Effect.retry` over attempts failing with a `Failure`: `schedule` (given each failure's
 * error) sets the wait and may end retrying; at most `maxRetries` retries (`Schedule.recurs`); only failures
 * marked retryable are retried (`Schedule.whileInput`); a delay the server asked for in (0, 60 s] replaces the
 * schedule's (`Schedule.modifyDelay`), which still steps, so that its backoff keeps counting. Every wait goes
 * through `Clock`, so it is deterministic under `TestClock`.
 *
 * @internal
 */
export const policy = (
  maxRetries: number,
  schedule: Schedule.Schedule<unknown, ChatKitError.ChatKitError>
): Schedule.Schedule<unknown, Failure> =>
  schedule.pipe(
    Schedule.mapInput((failure: Failure) => failure.error),
    Schedule.intersect(Schedule.recurs(maxRetries)),
    Schedule.intersect(Schedule.identity<Failure>()),
    Schedule.modifyDelay(([, failure], delay) =>
      obeyed(failure.requestedDelay) ? Duration.millis(failure.requestedDelay) : delay
    ),
    Schedule.whileInput((failure: Failure) => failure.retryable)
  )
