/**
 * What every fake's admin handle offers to make calls fail or slow down.
 *
 * @since 0.1.0
 */
import type { ChatKitError } from "@effect-chatkit/core/ChatKitError"
import type * as Duration from "effect/Duration"
import type * as Effect from "effect/Effect"

/**
 * Fault injection over the operations `Operation` of a fake.
 *
 * @since 0.1.0
 * @category models
 */
export interface FaultInjection<Operation extends string> {
  /**
   * The next `times` (default 1) calls, of `operation` only when given, fail with `error`; then the fake
   * recovers. Faults queue up in the order they were added. A `PaginationError` cannot be injected (streams
   * raise it from the pages they read, no one request does): it dies with an `IllegalArgumentException`.
   */
  readonly failNext: (options: {
    readonly error: ChatKitError
    readonly times?: number | undefined
    readonly operation?: Operation | undefined
  }) => Effect.Effect<void>
  /** Every later call first sleeps this long (`Effect.sleep`, so `TestClock` controls it). Default zero. */
  readonly setLatency: (latency: Duration.DurationInput) => Effect.Effect<void>
}
