/**
 * The whole in-memory fake: a `ThreadsFake` and a `SessionsFake` behind one fault queue and one latency, as
 * one ChatKit API key sees them.
 *
 * @since 0.1.0
 */
import * as SessionsService from "@effect-chatkit/core/SessionsService"
import * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { makeChatKitFake } from "./internal/chatKitFake.js"
import { SessionsFake } from "./SessionsFake.js"
import { ThreadsFake } from "./ThreadsFake.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * Seed of the ids (a 32-bit integer). Threads and items draw ids as `ThreadsFake.make({ seed })` does,
   * sessions as `SessionsFake.make({ seed })` does. Default `0`.
   */
  readonly seed?: number | undefined
  /** Which page a thread or item list with `before` answers, as in `ThreadsFake`. Default `"far-end"`. */
  readonly beforeReading?: ThreadsFake.BeforeReading | undefined
}

/**
 * Any operation of the fake.
 *
 * @since 0.1.0
 * @category models
 */
export type Operation = ThreadsFake.Operation | SessionsFake.Operation

/**
 * The two halves of one fake.
 *
 * @since 0.1.0
 * @category models
 */
export interface Fake {
  readonly threads: ThreadsFake.Fake
  readonly sessions: SessionsFake.Fake
}

/**
 * A fresh fake: threads with the semantics of `ThreadsFake.make`, sessions with those of
 * `SessionsFake.make`. The two admins share one fault queue and one latency: a fault queued through
 * either one without an `operation` fails the next call of any operation, threads or sessions, and
 * `setLatency` through either one delays every call.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options?: Options): Effect.Effect<Fake> =>
  Effect.sync(() => makeChatKitFake(options?.seed ?? 0, { beforeReading: options?.beforeReading }).fake)

/**
 * The services of one fake as a context: both services and both admins.
 *
 * @since 0.1.0
 * @category constructors
 */
export const context = (
  fake: Fake
): Context.Context<ThreadsService.ThreadsService | ThreadsFake | SessionsService.SessionsService | SessionsFake> =>
  Context.make(ThreadsService.ThreadsService, fake.threads.service).pipe(
    Context.add(ThreadsFake, fake.threads.admin),
    Context.add(SessionsService.SessionsService, fake.sessions.service),
    Context.add(SessionsFake, fake.sessions.admin)
  )

/**
 * A fresh fake as a layer: `ThreadsService` and `SessionsService` with their `ThreadsFake` and `SessionsFake`
 * admins — what `ChatKitClient.layer` of `@effect-chatkit/http` provides, plus the admins.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options?: Options
): Layer.Layer<ThreadsService.ThreadsService | ThreadsFake | SessionsService.SessionsService | SessionsFake> =>
  Layer.effectContext(Effect.map(make(options), context))
