/**
 * What the doctor may call: only the reading operations of a `ThreadsService` (list, list items, retrieve),
 * each counted against a request budget. An error that is an answer to compare becomes `Refused`, naming the
 * call; an error that means the service cannot be examined at all (the key is refused, the service cannot
 * be reached or keeps failing after the client's retries) stays as it is and stops the run.
 *
 * @internal
 */
import type { ChatKitError } from "@effect-chatkit/core/ChatKitError"
import type * as ListParams from "@effect-chatkit/core/ListParams"
import type * as Page from "@effect-chatkit/core/Page"
import type * as Thread from "@effect-chatkit/core/Thread"
import type * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import type * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Ref from "effect/Ref"
import * as Text from "./doctorText.js"

/**
 * The request budget is spent: the check that needed one more request is skipped.
 *
 * @internal
 */
export class BudgetSpent extends Data.TaggedError("BudgetSpent")<{ readonly maxRequests: number }> {}

/**
 * The service answered a call with an error that the doctor compares like any other answer.
 *
 * @internal
 */
export class Refused extends Data.TaggedError("Refused")<{
  readonly request: string
  readonly error: ChatKitError
}> {}

/**
 * Why a call gave no answer: a fatal `ChatKitError`, an error answer, or the budget.
 *
 * @internal
 */
export type Failure = ChatKitError | Refused | BudgetSpent

/**
 * The read-only operations of the service under examination, each one request of the budget.
 *
 * @internal
 */
export interface Source {
  readonly list: (params: ListParams.ListThreadsParams) => Effect.Effect<Page.Page<Thread.Thread>, Failure>
  readonly listItems: (
    threadId: string,
    params: ListParams.ListItemsParams
  ) => Effect.Effect<Page.Page<ThreadItem.ThreadItem>, Failure>
  readonly retrieve: (threadId: string) => Effect.Effect<Thread.Thread, Failure>
  readonly requests: Effect.Effect<number>
}

const fatalTags: ReadonlySet<string> = new Set([
  "AuthenticationError",
  "PermissionDeniedError",
  "RateLimitError",
  "InternalServerError",
  "ConnectionError",
  "TimeoutError"
])

/** @internal */
export const make = (service: ThreadsService.ThreadsService.Service, maxRequests: number): Effect.Effect<Source> =>
  Effect.map(Ref.make(0), (count) => {
    const spend = <A>(request: () => string, call: () => Effect.Effect<A, ChatKitError>): Effect.Effect<A, Failure> =>
      Effect.flatMap(
        Ref.modify(count, (spent) => spent < maxRequests ? [true, spent + 1] : [false, spent]),
        (granted): Effect.Effect<A, Failure> =>
          granted
            ? Effect.mapError(
              Effect.suspend(call),
              (error) => fatalTags.has(error._tag) ? error : new Refused({ request: request(), error })
            )
            : Effect.fail(new BudgetSpent({ maxRequests }))
      )
    return {
      list: (params) => spend(() => Text.request("list", params), () => service.list(params)),
      listItems: (threadId, params) =>
        spend(() => Text.request("listItems", params, threadId), () => service.listItems(threadId, params)),
      retrieve: (threadId) => spend(() => Text.request("retrieve", {}, threadId), () => service.retrieve(threadId)),
      requests: Ref.get(count)
    }
  })
