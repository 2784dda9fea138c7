import type { ChatKitError } from "@effect-chatkit/core/ChatKitError"

/**
 * A queue of injected failures. Each call of an operation takes the first queued fault that applies to it
 * (no `operation`, or the same one) and uses up one of its `times`.
 *
 * @internal
 */
export interface Faults<Operation extends string> {
  readonly add: (error: ChatKitError, times: number, operation: Operation | undefined) => void
  readonly take: (operation: Operation) => ChatKitError | undefined
}

interface Fault<Operation> {
  readonly error: ChatKitError
  readonly operation: Operation | undefined
  remaining: number
}

/** @internal */
export const makeFaults = <Operation extends string>(): Faults<Operation> => {
  const queue: Array<Fault<Operation>> = []
  return {
    add: (error, times, operation) => {
      queue.push({ error, operation, remaining: times })
    },
    take: (operation) => {
      const index = queue.findIndex((fault) => fault.operation === undefined || fault.operation === operation)
      if (index < 0) return undefined
      const fault = queue[index]!
      if (--fault.remaining === 0) queue.splice(index, 1)
      return fault.error
    }
  }
}
