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
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
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
  expectedPage,
  /**
   * Everything a full stream must give: the whole window `expectedPage` takes its pages from.
   *
   * @since 0.1.0
   * @category model
   */
  expectedWindow,
  /**
   * Elements in list order: by `(created_at, insertion index)` ascending, reversed for `desc`.
   *
   * @since 0.1.0
   * @category model
   */
  ordered
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
   * Runs of each property. Defaults to the environment variable `CHATKIT_CONFORMANCE_RUNS` when it is set,
   * else 25, enough for CI in seconds against the in-memory fake.
   */
  readonly numRuns?: number | undefined
  /** The time limit of each property, all its runs together. Defaults to 60 seconds. */
  readonly timeout?: Duration.DurationInput | undefined
}

/**
 * Runs of each property when neither `Options.numRuns` nor `CHATKIT_CONFORMANCE_RUNS` is given.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultNumRuns = 25

const numRunsFromEnv = (): number | undefined => {
  const value = Number(globalThis.process?.env?.CHATKIT_CONFORMANCE_RUNS)
  return Number.isSafeInteger(value) && value > 0 ? value : undefined
}

const resolve = (options: Options | undefined) => ({
  numRuns: options?.numRuns ?? numRunsFromEnv() ?? defaultNumRuns,
  timeout: Duration.toMillis(options?.timeout ?? Duration.seconds(60))
})

/**
 * Registers the conformance suite as `@effect/vitest` tests under `describe(name)`: one fast-check property
 * per invariant of the paging contract, for threads and for items — full streams and page walks for every
 * limit and order, each page's `first_id`/`last_id`/`has_more`, `after`/`before` windows (also at deleted
 * elements), the `user` filter, `limit = 0`, deletes and creations while paging, never-issued cursors,
 * 404s after delete, determinism, parameter validation, and a model-based run of random operation
 * sequences (`fc.commands`).
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
  const { numRuns, timeout } = resolve(options)
  const provide: Properties.Provide = (effect) => Effect.provide(effect, layer)
  const test: Properties.Test = (title, arbitrary, run) =>
    it.live.prop(title, [arbitrary], ([input]) => run(input, provide), { timeout, fastCheck: { numRuns } })
  const example: Properties.Example = (title, run) => it.live(title, () => run(provide), timeout)
  describe(name, () => {
    describe("threads", () => {
      Properties.paging("threads", test)
      Properties.threads(test)
    })
    describe("items", () => Properties.paging("items", test))
    Properties.determinism(test)
    Properties.validation(example)
    test(
      "random operation sequences agree with a sorted-array model",
      Commands.arbitrary,
      (sequence, provide) => provide(Commands.run(sequence))
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
  const { numRuns, timeout } = resolve(options)
  const provide: Sessions.Provide = (effect) => Effect.provide(effect, layer)
  const test: Sessions.Test = (title, arbitrary, run) =>
    it.live.prop(title, [arbitrary], ([input]) => run(input, provide), { timeout, fastCheck: { numRuns } })
  describe(name, () => {
    Sessions.create(test)
    Sessions.validation(test)
    Sessions.cancel(test)
    Sessions.determinism(test)
    Sessions.expiry((title, run) => it.live(title, () => run(provide), timeout))
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
