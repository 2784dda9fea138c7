import type { ChatKitError, RequestError } from "@effect-chatkit/core/ChatKitError"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { FaultInjection } from "../FaultInjection.js"
import { checkTimes, illegal } from "./input.js"

/**
 * A queue of injected failures. Each call of an operation takes the first queued fault that applies to it
 * (no `operation`, or the same one) and uses up one of its `times`.
 */
interface Faults<Operation extends string> {
  readonly add: (error: RequestError, times: number, operation: Operation | undefined) => void
  readonly take: (operation: Operation) => RequestError | undefined
}

interface Fault<Operation> {
  readonly error: RequestError
  readonly operation: Operation | undefined
  remaining: number
}

const makeFaults = <Operation extends string>(): Faults<Operation> => {
  const queue: Array<Fault<Operation>> = []
  return {
    add: (error, times, operation) => {
      queue.push({ error, operation, remaining: times })
    },
    take: (operation) => {
      const index = queue.findIndex((fault) => fault.operation === undefined || fault.operation === operation)
      const fault = queue[index]
      if (fault === undefined) return undefined
      if (--fault.remaining === 0) queue.splice(index, 1)
      return fault.error
    }
  }
}

/**
 * The faults and the latency of one fake, shared by every service of it: `call` runs an operation after the
 * latency, unless a queued fault applies to it.
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
  const faults = makeFaults<Operation>()
  let latency = Duration.zero
  const respond = <A>(operation: Operation, run: () => Either.Either<A, RequestError>) => {
    const fault = faults.take(operation)
    return fault === undefined ? run() : Either.left(fault)
  }
  return {
    call: (operation, run) =>
      Effect.suspend(() =>
        Duration.isZero(latency)
          ? respond(operation, run)
          : Effect.zipRight(Effect.sleep(latency), Effect.suspend(() => respond(operation, run)))
      ),
    failNext: ({ error, operation, times = 1 }) => {
      // streams raise a PaginationError from the pages they read: no one request fails with it
      if (error._tag === "PaginationError") return Effect.die(illegal("a PaginationError cannot be injected"))
      const invalid = checkTimes(times)
      return invalid !== undefined
        ? Effect.die(invalid)
        : Effect.sync(() => faults.add(inject(error), times, operation))
    },
    setLatency: (input) =>
      Effect.sync(() => {
        latency = Duration.decode(input)
      })
  }
}
