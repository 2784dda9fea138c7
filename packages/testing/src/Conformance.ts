/**
 * Conformance suites: for any `ThreadsService`, fast-check properties of the paging contract that the
 * in-memory fake, the fake server and the HTTP layer all keep, checked against a plain sorted-array model;
 * for any `SessionsService`, the session contract (defaults, constraints, cancel, expiry, determinism).
 *
 * This module registers vitest tests, so it can only be imported inside a vitest run; it is therefore not
 * part of the package's main entry (which stays importable anywhere) and is imported by its own path,
 * `@effect-chatkit/testing/Conformance`.
 *
 * @since 0.1.0
 */
import type { SessionsService } from "@effect-chatkit/core/SessionsService"
import type { ThreadsService } from "@effect-chatkit/core/ThreadsService"
import { describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FastCheck from "effect/FastCheck"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import type { Suite } from "./internal/conformanceChecks.js"
import * as Commands from "./internal/conformanceCommands.js"
import * as Properties from "./internal/conformanceProperties.js"
import * as Sessions from "./internal/conformanceSessions.js"
import { ThreadsFake } from "./ThreadsFake.js"

export {
  /**
   * The model's answer to a list call: `entries` are every element ever issued in the list, in insertion
   * order (deleted ones included, as their ids stay valid cursors); `include` (default: all) keeps the
   * ones the list shows (not deleted, of the `user` filtered on). Ordered by `(created_at, insertion index)`, reversed for
   * `desc`, bounded by the exclusive positional cursors `after`/`before`; `data` is the first `limit` (default
   * 20) of that window (its last `limit` when `before` is given and `beforeReading`, default `"far-end"`, is
   * `"next-to-cursor"`) and `has_more` tells whether the window holds more. `Left` names a cursor that is not
   * among `entries` (the implementation must answer a `NotFoundError` naming it).
   *
   * @since 0.1.0
   * @category model
   */
  expectedPage
} from "./internal/conformanceModel.js"

/**
 * What the model needs of an element: its `id` and `created_at`.
 *
 * @since 0.1.0
 * @category model
 */
export type { Entry, Window } from "./internal/conformanceModel.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * Runs of each property, 25 by default (enough for CI in seconds against the in-memory fake); fast-check's
   * global `numRuns` (`FastCheck.configureGlobal`) or the environment variable `CHATKIT_CONFORMANCE_RUNS`
   * raises it for deeper runs.
   */
  readonly numRuns?: number | undefined
  /**
   * The time limit of each property, all its runs together. Defaults to 60 seconds for every 25 runs (at least
   * 60 seconds), so that deeper runs get the time they need.
   */
  readonly timeout?: Duration.DurationInput | undefined
  /**
   * The reading of `before` the implementation follows (see `ThreadsFake.BeforeReading`): the model the
   * suite checks the pages of `suite` against. Defaults to `"far-end"`, the fake's default.
   */
  readonly beforeReading?: ThreadsFake.BeforeReading | undefined
}

/**
 * Runs of each property when `Options.numRuns` is not given.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultNumRuns = 25

const numRunsFromEnv = (): number => {
  const value = Number(globalThis.process?.env?.CHATKIT_CONFORMANCE_RUNS)
  return Number.isSafeInteger(value) ? value : 0
}

/**
 * One turn of the event loop. An in-memory implementation answers on microtasks only, so a long property would
 * otherwise keep vitest's worker from answering its runner's calls (which time out after a minute in deep runs).
 */
const eventLoopTurn: Effect.Effect<void> = Effect.promise(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))

/** The way to register properties and examples over services built afresh from `layer` for every run. */
const register = <R, E>(layer: Layer.Layer<R, E>, options: Options | undefined): Suite<R> => {
  const numRuns = Math.max(
    options?.numRuns ?? defaultNumRuns,
    numRunsFromEnv(),
    FastCheck.readConfigureGlobal().numRuns ?? 0
  )
  const timeout = Duration.toMillis(options?.timeout ?? Duration.seconds(60 * Math.max(1, numRuns / defaultNumRuns)))
  const provide = <A, E2>(effect: Effect.Effect<A, E2, R>) => Effect.provide(effect, layer)
  return {
    test: (title, arbitrary, run) =>
      it.live.prop(title, [arbitrary], ([input]) => Effect.zipLeft(run(input, provide), eventLoopTurn), {
        timeout,
        fastCheck: { numRuns }
      }),
    example: (title, run) => it.live(title, () => run(provide), timeout)
  }
}

/**
 * Registers the conformance suite as `@effect/vitest` tests under `describe(name)`: fast-check properties of
 * the paging contract, each written once for threads and for items, checking every page (its `limit`,
 * `first_id`/`last_id`/`has_more`) and every full stream against a plain sorted-array model:
 *
 * - page walks and full streams give the whole list in order for any limit, order and `user` filter, and,
 *   while threads are deleted and created between pages, every thread present throughout exactly once;
 * - `after`/`before` windows, alone or together, also at deleted elements; `limit = 0` (an empty page that
 *   tells whether the window holds anything; a `BadRequestError` for a stream); a cursor never issued in the
 *   list (also one issued in the other collection) is a `NotFoundError` naming it;
 * - the same seeding calls on two fresh stores give identical listings; invalid parameters are
 *   `BadRequestError`s naming them;
 * - random operation sequences (`fc.commands`: create, add item, delete, retrieve, list and stream in any
 *   window, on threads that exist, were deleted or were never issued, so 404s included) agree with the model.
 *
 * The model reads `before` as `Options.beforeReading` says (`"far-end"` by default, as the fake does).
 *
 * `layer` is built afresh for every run (twice for the determinism property), so each run starts from an
 * empty store, and must give the same ids for the same calls every time it is built (use a fixed seed).
 * Runs use the live clock, so a layer may hold a real HTTP server and client; every seeded thread and item
 * is given an explicit `createdAt`, so no property depends on the time.
 *
 * The suite seeds stores only through the admin handle's `createThread` and `addItem` (and deletes through
 * the service), so an implementation of your own needs just those two to be tested.
 *
 * @example
 * ```ts
 * // test/MyThreads.test.ts: one call registers the whole suite
 * import * as Conformance from "@effect-chatkit/testing/Conformance"
 * import { MyThreads } from "../src/MyThreads.js"
 *
 * // `MyThreads.testLayer`: a Layer providing your `ThreadsService` together with a `ThreadsFake` admin
 * // handle that seeds the same empty store, with a fixed seed for ids
 * Conformance.suite("MyThreads", MyThreads.testLayer, { numRuns: 50 })
 * ```
 *
 * @example
 * ```ts
 * // the in-memory fake itself
 * import { ThreadsFake } from "@effect-chatkit/testing"
 * import * as Conformance from "@effect-chatkit/testing/Conformance"
 *
 * Conformance.suite("ThreadsFake", ThreadsFake.layer({ seed: 1 }))
 * ```
 *
 * @since 0.1.0
 * @category suites
 */
export const suite = <E>(
  name: string,
  layer: Layer.Layer<ThreadsService | ThreadsFake, E>,
  options?: Options
): void => {
  const suite = register(layer, options)
  const beforeReading = options?.beforeReading ?? "far-end"
  describe(name, () => {
    describe("threads", () => Properties.paging(suite, beforeReading, "threads"))
    describe("items", () => Properties.paging(suite, beforeReading, "items"))
    Properties.determinism(suite)
    Properties.validation(suite)
    suite.test(
      "random operation sequences agree with a sorted-array model",
      Commands.arbitrary,
      (sequence, provide) => provide(Commands.run(sequence, beforeReading))
    )
  })
}

/**
 * Registers the conformance suite of a `SessionsService` as `@effect/vitest` tests under `describe(name)`:
 *
 * - valid parameters (every optional field sometimes, each value anywhere in its range) give an `active`
 *   `chatkit.session` of the user and workflow, with `version`/`state_variables` `null` when not given,
 *   tracing on by default, 10 requests per minute by default (under `rate_limits` too), the
 *   `chatkit_configuration` given merged over `SessionParams.defaultChatKitConfiguration`, `expires_at` the
 *   creation second plus `expires_after.seconds` (600 by default), and an id and a client secret never seen
 *   before;
 * - every constraint broken (types, bounds, lengths, counts, anchors, unknown keys at any depth) is a
 *   `BadRequestError` naming its dotted `param`; an empty session id one naming `session_id`;
 * - cancel turns a session `cancelled` and changes nothing else, cancelling again answers the same session,
 *   and an id never issued is a `NotFoundError` (404 over HTTP);
 * - the same calls on two services built from `layer` give the same JSON, ids and client secrets included
 *   (`expires_at` aside, as the two runs may fall in different seconds);
 * - one example on the live clock (about two seconds): a one-second session is active until `expires_at`
 *   and `expired` from then on, and cancelling an expired session answers it unchanged.
 *
 * `layer` is built afresh for every run, and must give the same ids and secrets for the same calls every
 * time it is built (use a fixed seed). Runs use the live clock, so a layer may hold a real HTTP server and
 * client. The suite needs nothing but the `SessionsService`: sessions are created through the API.
 *
 * @example
 * ```ts
 * import { SessionsFake } from "@effect-chatkit/testing"
 * import * as Conformance from "@effect-chatkit/testing/Conformance"
 *
 * Conformance.sessionsSuite("SessionsFake", SessionsFake.layer({ seed: 1 }))
 * ```
 *
 * @since 0.1.0
 * @category suites
 */
export const sessionsSuite = <E>(name: string, layer: Layer.Layer<SessionsService, E>, options?: Options): void => {
  const suite = register(layer, options)
  describe(name, () => {
    Sessions.lifecycle(suite)
    Sessions.validation(suite)
    Sessions.expiry(suite)
  })
}

/**
 * The layer `suite` needs for a `ThreadsService` reached over HTTP, without plumbing of your own: `server`
 * starts the server under test (in the layer's scope, afresh for every run) and gives its base URL with the
 * admin handle of the store behind it; `client` builds the service for that URL, e.g.
 * `(baseUrl) => ChatKitClient.layer({ apiKey, baseUrl, maxRetries: 0 })`.
 *
 * @since 0.1.0
 * @category layers
 */
export const overHttp = <E1, R1, E2, R2>(
  server: Effect.Effect<{ readonly url: string; readonly admin: ThreadsFake.Admin }, E1, R1>,
  client: (url: string) => Layer.Layer<ThreadsService, E2, R2>
): Layer.Layer<ThreadsService | ThreadsFake, E1 | E2, Exclude<R1, Scope.Scope> | R2> =>
  Layer.unwrapScoped(
    Effect.map(server, ({ admin, url }) => Layer.merge(client(url), Layer.succeed(ThreadsFake, admin)))
  )
