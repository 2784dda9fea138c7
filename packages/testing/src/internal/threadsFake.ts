/**
 * The threads half of a fake: the `ThreadsService` over one store and the admin that seeds it, with faults
 * and latency from an injector that other services of the same fake may share.
 *
 * @internal
 */
import type * as Thread from "@effect-chatkit/core/Thread"
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
 * A threads fake and its operations, which expect validated input (the fake server validates with `Wire`).
 *
 * @internal
 */
export interface ThreadsParts {
  readonly fake: ThreadsFake.Fake
  readonly operations: ThreadsService.ThreadsService.Operations
}

/** @internal */
export const makeThreadsFake = (
  seed: number,
  injector: Injector<ThreadsFake.Operation>,
  beforeReading?: ThreadsFake.BeforeReading
): ThreadsParts => {
  const store = makeStore(seed, beforeReading)

  const operations: ThreadsService.ThreadsService.Operations = {
    list: (params) => injector.call("list", () => store.list(params)),
    retrieve: (threadId) => injector.call("retrieve", () => store.retrieve(threadId)),
    delete: (threadId) => injector.call("delete", () => store.delete(threadId)),
    listItems: (threadId, params) => injector.call("listItems", () => store.listItems(threadId, params))
  }

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

  return { fake: { service: ThreadsService.make(operations), admin }, operations }
}
