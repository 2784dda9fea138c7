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

/** @internal */
export const makeSessionsFake = (seed: number, injector: Injector<SessionsFake.Operation>): SessionsFake.Fake => {
  const store = makeSessionStore(seed)
  const service = SessionsService.make({
    create: (params) =>
      Effect.clockWith((clock) =>
        injector.call("create", () => Either.right(store.create(params, clock.unsafeCurrentTimeMillis())))
      ),
    cancel: (sessionId) =>
      Effect.clockWith((clock) =>
        injector.call("cancel", () => store.cancel(sessionId, clock.unsafeCurrentTimeMillis()))
      )
  })
  const admin: SessionsFake.Admin = {
    failNext: injector.failNext,
    setLatency: injector.setLatency,
    snapshot: Effect.clockWith((clock) => Effect.sync(() => store.snapshot(clock.unsafeCurrentTimeMillis())))
  }
  return { service, admin }
}
