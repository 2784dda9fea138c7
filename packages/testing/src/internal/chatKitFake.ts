/**
 * One whole fake: the `ThreadsService` and the `SessionsService` over their stores, and their admins, behind
 * one fault queue and one latency.
 *
 * @internal
 */
import * as SessionsService from "@effect-chatkit/core/SessionsService"
import * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as ChatKitFake from "../ChatKitFake.js"
import type { SessionsFake } from "../SessionsFake.js"
import type { ThreadsFake } from "../ThreadsFake.js"
import { makeInjector } from "./faults.js"
import { checkCreatedAt, checkItemFields, checkStatus, checkThreadInput, checkTitle } from "./input.js"
import { makeSessionStore } from "./sessionStore.js"
import { makeStore } from "./store.js"

/**
 * A fake and its operations, which expect validated input (the fake server validates with `Wire`).
 *
 * @internal
 */
export interface ChatKitParts {
  readonly fake: ChatKitFake.Fake
  readonly threads: ThreadsService.ThreadsService.Operations
  readonly sessions: SessionsService.SessionsService.Operations
}

const nowSeconds = (clock: Clock.Clock) => Math.floor(clock.unsafeCurrentTimeMillis() / 1000)

/**
 * A fake; `maxSessions` bounds the sessions it keeps (see `makeSessionStore`), `beforeReading` says which
 * page a list with `before` answers.
 *
 * @internal
 */
export const makeChatKitFake = (
  seed: number,
  options: {
    readonly maxSessions?: number | undefined
    readonly beforeReading?: ThreadsFake.BeforeReading | undefined
  } = {}
): ChatKitParts => {
  const { call, failNext, setLatency } = makeInjector<ChatKitFake.Operation>()
  const store = makeStore(seed, options.beforeReading)
  const sessionStore = makeSessionStore(seed, options.maxSessions)

  const threads: ThreadsService.ThreadsService.Operations = {
    list: (params) => call("list", () => store.list(params)),
    retrieve: (threadId) => call("retrieve", () => store.retrieve(threadId)),
    delete: (threadId) => call("delete", () => store.delete(threadId)),
    listItems: (threadId, params) => call("listItems", () => store.listItems(threadId, params))
  }
  const sessions: SessionsService.SessionsService.Operations = {
    create: (params) =>
      Effect.clockWith((clock) =>
        call("create", () => Either.right(sessionStore.create(params, clock.unsafeCurrentTimeMillis())))
      ),
    cancel: (sessionId) =>
      Effect.clockWith((clock) => call("cancel", () => sessionStore.cancel(sessionId, clock.unsafeCurrentTimeMillis())))
  }

  const threadsAdmin: ThreadsFake.Admin = {
    createThread: (input) =>
      Effect.clockWith((clock) =>
        Effect.map(checkThreadInput(input), (valid) => store.createThread(valid, nowSeconds(clock)))
      ),
    addItem: (threadId, { createdAt, ...fields }) =>
      Effect.clockWith((clock) =>
        Effect.flatMap(
          Effect.zip(checkItemFields(fields), checkCreatedAt(createdAt)),
          ([valid, at]) => store.addItem(threadId, valid, at ?? nowSeconds(clock))
        )
      ),
    setStatus: (threadId, status) =>
      Effect.flatMap(
        checkStatus(status),
        (valid) => store.updateThread(threadId, (thread) => ({ ...thread, status: valid }))
      ),
    setTitle: (threadId, title) =>
      Effect.flatMap(
        checkTitle(title),
        (valid) => store.updateThread(threadId, (thread) => ({ ...thread, title: valid }))
      ),
    failNext,
    setLatency,
    snapshot: Effect.sync(store.snapshot)
  }
  const sessionsAdmin: SessionsFake.Admin = {
    failNext,
    setLatency,
    snapshot: Effect.map(Clock.currentTimeMillis, sessionStore.snapshot)
  }

  return {
    fake: {
      threads: { service: ThreadsService.make(threads), admin: threadsAdmin },
      sessions: { service: SessionsService.make(sessions), admin: sessionsAdmin }
    },
    threads,
    sessions
  }
}
