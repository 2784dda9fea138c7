/**
 * The faults and the latency of one fake, shared by every service of it.
 *
 * @internal
 */
import type { ChatKitError, RequestError } from "@effect-chatkit/core/ChatKitError"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { FaultInjection } from "../FaultInjection.js"
import { checkTimes, illegal } from "./input.js"

/**
 * Fault injection, and `call`, which runs an operation after the latency unless a queued fault applies to it.
 *
 * @internal
 */
export interface Injector<Operation extends string> extends FaultInjection<Operation> {
  readonly call: <A>(operation: Operation, run: () => Either.Either<A, RequestError>) => Effect.Effect<A, RequestError>
}

const injected = new WeakSet<ChatKitError>()

/**
 * Marks an error as an injected fault (see {@link isInjected}).
 *
 * @internal
 */
export const inject = <E extends RequestError>(error: E): E => {
  injected.add(error)
  return error
}

/**
 * Whether an error is an injected fault (queued with `failNext`, or a random fault of the fake server) rather
 * than the fake's own answer.
 *
 * @internal
 */
export const isInjected = (error: ChatKitError): boolean => injected.has(error)

/** @internal */
export const makeInjector = <Operation extends string>(): Injector<Operation> => {
  // in the order added; a call takes the first that applies to it (no `operation`, or its own)
  const queue: Array<{ readonly error: RequestError; readonly operation: Operation | undefined; times: number }> = []
  let latency = Duration.zero
  const respond = <A>(operation: Operation, run: () => Either.Either<A, RequestError>) => {
    const index = queue.findIndex((fault) => fault.operation === undefined || fault.operation === operation)
    const fault = queue[index]
    if (fault === undefined) return run()
    if (--fault.times === 0) queue.splice(index, 1)
    return Either.left(fault.error)
  }
  return {
    call: (operation, run) =>
      Effect.suspend(() =>
        Duration.isZero(latency)
          ? respond(operation, run)
          : Effect.zipRight(Effect.sleep(latency), Effect.suspend(() => respond(operation, run)))
      ),
    failNext: ({ error, operation, times = 1 }) =>
      // streams raise a PaginationError from the pages they read: no one request fails with it
      error._tag === "PaginationError"
        ? Effect.die(illegal("a PaginationError cannot be injected"))
        : Effect.flatMap(checkTimes(times), (times) =>
          Effect.sync(() => {
            queue.push({ error: inject(error), operation, times })
          })),
    setLatency: (input) =>
      Effect.sync(() => {
        latency = Duration.decode(input)
      })
  }
}
