/**
 * The built-in fake: threads seeded with the demo data, sessions with ids and secrets of their own each run.
 * Loaded only by the commands that use it.
 *
 * @internal
 */
import type * as SessionsService from "@effect-chatkit/core/SessionsService"
import type * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import * as SessionsFake from "@effect-chatkit/testing/SessionsFake"
import * as ThreadsFake from "@effect-chatkit/testing/ThreadsFake"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Random from "effect/Random"
import * as DemoData from "../DemoData.js"

/**
 * The threads of the demo data (the ids of `ThreadsFake` seed 0, the same in every run, so that an id printed
 * by one command can be given to the next), and sessions whose seed is drawn from Effect's `Random`, so that
 * two runs never print the same session id and client secret.
 *
 * @internal
 */
export const layer: Layer.Layer<ThreadsService.ThreadsService | SessionsService.SessionsService> = Layer.mergeAll(
  Layer.effectDiscard(Effect.flatMap(ThreadsFake.ThreadsFake, DemoData.seed)).pipe(
    Layer.provideMerge(ThreadsFake.layer())
  ),
  Layer.unwrapEffect(Effect.map(Random.nextIntBetween(0, 2 ** 31), (seed) => SessionsFake.layer({ seed })))
)
