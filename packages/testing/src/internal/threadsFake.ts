/**
 * The threads half of a fake: the `ThreadsService` over one store and the admin that seeds it, with faults
 * and latency from an injector that other services of the same fake may share.
 *
 * @internal
 */
import type { ChatKitError } from "@effect-chatkit/core/ChatKitError"
import type * as ListParams from "@effect-chatkit/core/ListParams"
import type * as Page from "@effect-chatkit/core/Page"
import type * as Thread from "@effect-chatkit/core/Thread"
import type * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import type * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { ThreadsFake } from "../ThreadsFake.js"
import type { Injector } from "./faults.js"
import { checkCreatedAt, checkItemFields, checkStatus, checkTitle, checkUser } from "./input.js"
import { makeStore } from "./store.js"

const activeStatus: Thread.ActiveStatus = { type: "active" }

/**
 * The `Clock` time in whole Unix seconds.
 *
 * @internal
 */
export const nowSeconds = (clock: Clock.Clock): number => Math.floor(clock.unsafeCurrentTimeMillis() / 1000)

/**
 * The two lists of a fake run at once, for the fake server's hot path: the same store, faults and results as
 * the service's operations, without validation (the caller passes valid params and a non-empty id) and
 * without a span. `undefined` when a latency is set: the caller then goes through the service.
 *
 * @internal
 */
export interface ThreadsNow {
  readonly list: (
    params: ListParams.ListThreadsParams
  ) => Either.Either<Page.Page<Thread.Thread>, ChatKitError> | undefined
  readonly listItems: (
    threadId: string,
    params: ListParams.ListItemsParams
  ) => Either.Either<Page.Page<ThreadItem.ThreadItem>, ChatKitError> | undefined
}

/**
 * A threads fake and the synchronous access to its lists.
 *
 * @internal
 */
export interface ThreadsParts {
  readonly fake: ThreadsFake.Fake
  readonly now: ThreadsNow
}

/** @internal */
export const makeThreadsFake = (
  seed: number,
  injector: Injector<ThreadsFake.Operation>,
  beforeReading?: ThreadsFake.BeforeReading
): ThreadsParts => {
  const store = makeStore(seed, beforeReading)

  const now: ThreadsNow = {
    list: (params) => injector.callNow("list", () => store.list(params)),
    listItems: (threadId, params) => injector.callNow("listItems", () => store.listItems(threadId, params))
  }

  const service = ThreadsService.make({
    list: (params) => injector.call("list", () => store.list(params)),
    retrieve: (threadId) => injector.call("retrieve", () => store.retrieve(threadId)),
    delete: (threadId) => injector.call("delete", () => store.delete(threadId)),
    listItems: (threadId, params) => injector.call("listItems", () => store.listItems(threadId, params))
  })

  const admin: ThreadsFake.Admin = {
    createThread: (input) =>
      Effect.clockWith((clock) => {
        const invalid = checkUser(input.user) ?? checkTitle(input.title) ?? checkStatus(input.status) ??
          checkCreatedAt(input.createdAt)
        return invalid !== undefined ? Effect.die(invalid) : Effect.sync(() =>
          store.createThread({
            user: input.user,
            title: input.title ?? null,
            status: input.status ?? activeStatus,
            createdAt: input.createdAt ?? nowSeconds(clock)
          })
        )
      }),
    addItem: (threadId, input) =>
      Effect.clockWith((clock) => {
        const { createdAt, ...fields } = input
        const invalid = checkCreatedAt(createdAt)
        if (invalid !== undefined) return Effect.die(invalid)
        return Either.match(checkItemFields(fields), {
          onLeft: Effect.die,
          onRight: (valid) => Effect.suspend(() => store.addItem(threadId, valid, createdAt ?? nowSeconds(clock)))
        })
      }),
    setStatus: (threadId, status) => {
      const invalid = checkStatus(status)
      return invalid !== undefined
        ? Effect.die(invalid)
        : Effect.suspend(() => store.updateThread(threadId, (thread) => ({ ...thread, status })))
    },
    setTitle: (threadId, title) => {
      const invalid = checkTitle(title)
      return invalid !== undefined
        ? Effect.die(invalid)
        : Effect.suspend(() => store.updateThread(threadId, (thread) => ({ ...thread, title })))
    },
    failNext: injector.failNext,
    setLatency: injector.setLatency,
    snapshot: Effect.sync(store.snapshot)
  }

  return { fake: { service, admin }, now }
}
