/**
 * The sessions half of a fake: the `SessionsService` over one session store and its admin, with faults and
 * latency from an injector that other services of the same fake may share.
 *
 * @internal
 */
import * as SessionsService from "@effect-chatkit/core/SessionsService"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { SessionsFake } from "../SessionsFake.js"
import type { Injector } from "./faults.js"
import { makeSessionStore } from "./sessionStore.js"

/**
 * A sessions fake and its operations, which expect validated input.
 *
 * @internal
 */
export interface SessionsParts {
  readonly fake: SessionsFake.Fake
  readonly operations: SessionsService.SessionsService.Operations
}

/** @internal */
export const makeSessionsFake = (
  seed: number,
  injector: Injector<SessionsFake.Operation>,
  maxSessions?: number
): SessionsParts => {
  const store = makeSessionStore(seed, maxSessions)
  const operations: SessionsService.SessionsService.Operations = {
    create: (params) =>
      Effect.clockWith((clock) =>
        injector.call("create", () => Either.right(store.create(params, clock.unsafeCurrentTimeMillis())))
      ),
    cancel: (sessionId) =>
      Effect.clockWith((clock) =>
        injector.call("cancel", () => store.cancel(sessionId, clock.unsafeCurrentTimeMillis()))
      )
  }
  const admin: SessionsFake.Admin = {
    failNext: injector.failNext,
    setLatency: injector.setLatency,
    snapshot: Effect.clockWith((clock) => Effect.sync(() => store.snapshot(clock.unsafeCurrentTimeMillis())))
  }
  return { fake: { service: SessionsService.make(operations), admin }, operations }
}
