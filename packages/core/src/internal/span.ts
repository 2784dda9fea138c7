import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"

/**
 * The span of one service call. No stack trace is captured: it would cost more than a call to the
 * in-memory fake, and the span name already says where the call came from.
 *
 * @internal
 */
export const withSpan =
  (name: string, attributes: Record<string, unknown> = {}) =>
  <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.withSpan(self, name, { attributes, captureStackTrace: false })

/**
 * The span of one streaming call, without a stack trace.
 *
 * @internal
 */
export const withStreamSpan =
  (name: string, attributes: Record<string, unknown> = {}) =>
  <A, E, R>(self: Stream.Stream<A, E, R>): Stream.Stream<A, E, R> =>
    Stream.withSpan(self, name, { attributes, captureStackTrace: false })
