/**
 * One whole fake: threads and sessions behind one fault queue and one latency.
 *
 * @internal
 */
import type * as SessionsService from "@effect-chatkit/core/SessionsService"
import type * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import type * as ChatKitFake from "../ChatKitFake.js"
import type { ThreadsFake } from "../ThreadsFake.js"
import { makeInjector } from "./faults.js"
import { makeSessionsFake } from "./sessionsFake.js"
import { makeThreadsFake } from "./threadsFake.js"

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
  const injector = makeInjector<ChatKitFake.Operation>()
  const threads = makeThreadsFake(seed, injector, options.beforeReading)
  const sessions = makeSessionsFake(seed, injector, options.maxSessions)
  return {
    fake: { threads: threads.fake, sessions: sessions.fake },
    threads: threads.operations,
    sessions: sessions.operations
  }
}
