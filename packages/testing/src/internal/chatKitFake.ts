/**
 * One whole fake (threads and sessions behind one fault queue and one latency) with the synchronous access
 * to its thread lists that the fake server's hot path uses.
 *
 * @internal
 */
import type * as ChatKitFake from "../ChatKitFake.js"
import type { ThreadsFake } from "../ThreadsFake.js"
import { makeInjector } from "./faults.js"
import { makeSessionsFake } from "./sessionsFake.js"
import type { ThreadsNow } from "./threadsFake.js"
import { makeThreadsFake } from "./threadsFake.js"

/**
 * A fake and its thread lists run at once.
 *
 * @internal
 */
export interface ChatKitParts {
  readonly fake: ChatKitFake.Fake
  readonly now: ThreadsNow
}

/** @internal */
export const makeChatKitFake = (seed: number, beforeReading?: ThreadsFake.BeforeReading): ChatKitParts => {
  const injector = makeInjector<ChatKitFake.Operation>()
  const threads = makeThreadsFake(seed, injector, beforeReading)
  return { fake: { threads: threads.fake, sessions: makeSessionsFake(seed, injector) }, now: threads.now }
}
