/**
 * Proves the fake against a real account: examines any `ThreadsService` (the live API through
 * `@effect-chatkit/http`, or another implementation) with read-only calls and compares every answer with what
 * the fake would answer for the same data, as the conformance model computes it. `chatkit doctor` is this
 * module on the command line.
 *
 * ```ts
 * import * as ChatKitClient from "@effect-chatkit/http/ChatKitClient"
 * import { Doctor } from "@effect-chatkit/testing"
 * import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
 * import { Console, Effect, Layer } from "effect"
 *
 * const program = Doctor.run({ maxRequests: 300 }).pipe(
 *   Effect.flatMap((report) => Console.log(Doctor.text(report))),
 *   Effect.provide(ChatKitClient.layerConfig().pipe(Layer.provide(NodeHttpClient.layerUndici)))
 * )
 * ```
 *
 * @since 0.1.0
 */
import type { ChatKitError } from "@effect-chatkit/core/ChatKitError"
import * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import * as Effect from "effect/Effect"
import * as internal from "./internal/doctor.js"
import * as Text from "./internal/doctorText.js"
import type { ThreadsFake } from "./ThreadsFake.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The page size of the full traversals, 1 to 100. Default {@link defaultPageSize}. */
  readonly pageSize?: number | undefined
  /** The most calls the doctor makes (the client's own retries aside), at least 1. Default {@link defaultMaxRequests}. */
  readonly maxRequests?: number | undefined
  /** The reading of `before` the fake is compared in (`ThreadsFake.Options.beforeReading`). Default `"far-end"`. */
  readonly beforeReading?: ThreadsFake.BeforeReading | undefined
  /** How many threads have their items examined, at least 0. Default {@link defaultSampleThreads}. */
  readonly sampleThreads?: number | undefined
}

/**
 * @since 0.1.0
 * @category constants
 */
export const defaultPageSize: number = internal.defaultPageSize

/**
 * @since 0.1.0
 * @category constants
 */
export const defaultMaxRequests: number = internal.defaultMaxRequests

/**
 * @since 0.1.0
 * @category constants
 */
export const defaultSampleThreads: number = internal.defaultSampleThreads

/**
 * The service answered as the fake would; `note` says more where there is a choice (the reading of `before`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Agrees {
  readonly outcome: "agrees"
  readonly note: string | null
}

/**
 * The service answered otherwise: `expected` is the fake's answer (with the call it answers), `saw` the
 * service's.
 *
 * @since 0.1.0
 * @category models
 */
export interface Differs {
  readonly outcome: "differs"
  readonly expected: string
  readonly saw: string
}

/**
 * The check could not be made: too little data, the request budget spent, or a check it needs failed.
 *
 * @since 0.1.0
 * @category models
 */
export interface Skipped {
  readonly outcome: "skipped"
  readonly reason: string
}

/**
 * @since 0.1.0
 * @category models
 */
export type Outcome = Agrees | Differs | Skipped

/**
 * One check: a stable `name` (`threads.after`, `items.before`, …), what it checks, and its outcome. Every
 * string is safe to print: text from the API is quoted with its control characters escaped.
 *
 * @since 0.1.0
 * @category models
 */
export type Check = Outcome & {
  readonly name: string
  readonly description: string
}

/**
 * Every check in a fixed order, the count of each outcome, and the calls made.
 *
 * @since 0.1.0
 * @category models
 */
export interface Report {
  readonly checks: ReadonlyArray<Check>
  readonly agrees: number
  readonly differs: number
  readonly skipped: number
  readonly requests: number
  readonly maxRequests: number
  readonly beforeReading: ThreadsFake.BeforeReading
}

/**
 * Examines a service with only `list`, `listItems` and `retrieve` calls (never `delete`), whatever data it
 * holds, and compares each answer with the fake's for the same data:
 *
 * - `*.traversal.desc` / `*.traversal.asc`: a full traversal with pages of `pageSize` (`after` = the last
 *   id) ends, has no duplicates and is ordered by `created_at`; `*.reverse`: `asc` is `desc` reversed, ties
 *   included; `*.pages`: every page of both (`data`, `first_id`, `last_id`, `has_more`);
 * - `*.end`: a page that ends exactly at the end says `has_more: false`; `*.after`: the page after a cursor
 *   continues the traversal; `*.before`: which page a `before` window answers, the far end or the page next
 *   to the cursor, next to the fake's reading; `*.limit-0`; `*.unknown-cursor`: a 404 naming `after` or
 *   `before`;
 * - `threads.user`: the traversal filtered by the most frequent user is the full one filtered;
 *   `threads.retrieve`: retrieving listed ids gives the listed threads;
 * - `items.*`: the same for the items of `sampleThreads` threads spread over the list.
 *
 * The threads are taken in the order the newest-first traversal gave them (ties as the service broke them),
 * and everything else is compared with the conformance model over that data. Objects are compared whole
 * (deep equality of the decoded values), so a thread created or deleted while the doctor runs shows as a
 * difference: run it while the account is quiet. A check is skipped where the data is too thin ("needs at least 5
 * threads"), where the budget is spent, or where a traversal of its list did not end or was answered with an
 * error ("needs both full traversals"). Fails only when the service cannot be examined: the key is refused
 * (401, 403), or the service cannot be reached or keeps failing after the client's retries (connection
 * errors, timeouts, 429, 5xx). Options out of range die with an `IllegalArgumentException` naming the first.
 *
 * @since 0.1.0
 * @category running
 */
export const examine: (
  service: ThreadsService.ThreadsService.Service,
  options?: Options
) => Effect.Effect<Report, ChatKitError> = internal.examine

/**
 * {@link examine} with the `ThreadsService` in context, e.g. `Doctor.run().pipe(Effect.provide(layer))`.
 *
 * @since 0.1.0
 * @category running
 */
export const run = (options?: Options): Effect.Effect<Report, ChatKitError, ThreadsService.ThreadsService> =>
  Effect.flatMap(ThreadsService.ThreadsService, (service) => examine(service, options))

/**
 * The report as text: one line per check (`threads.after: agrees`, `threads.before: differs: expected …;
 * saw …`, `items.end: skipped: …`) and a summary line, each ending in a newline.
 *
 * @since 0.1.0
 * @category formatting
 */
export const text: (report: Report) => string = Text.text
