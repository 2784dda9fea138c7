/**
 * A deterministic in-memory `ThreadsService` with an admin handle to seed it and inject faults.
 *
 * @since 0.1.0
 */
import type { NotFoundError } from "@effect-chatkit/core/ChatKitError"
import type * as Thread from "@effect-chatkit/core/Thread"
import type * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { FaultInjection } from "./FaultInjection.js"
import { makeChatKitFake } from "./internal/chatKitFake.js"
import type { NewItem } from "./internal/store.js"

/**
 * The admin handle of the fake in context, provided by {@link layer} next to the `ThreadsService`.
 *
 * @since 0.1.0
 * @category tags
 */
export class ThreadsFake extends Context.Tag("@effect-chatkit/testing/ThreadsFake")<ThreadsFake, ThreadsFake.Admin>() {}

/**
 * @since 0.1.0
 */
export declare namespace ThreadsFake {
  /**
   * @since 0.1.0
   * @category models
   */
  export interface Options {
    /** Seed of the id generator (a 32-bit integer; other numbers are truncated to one). Default `0`. */
    readonly seed?: number | undefined
    /** Which page a list with `before` answers. Default `"far-end"`. */
    readonly beforeReading?: BeforeReading | undefined
  }

  /**
   * Which page a list with `before` answers, a point OpenAI's documentation does not settle (`chatkit doctor`
   * tells which one an account follows):
   *
   * - `"far-end"`: the first `limit` of the window, counted from the start of the list (`order: "desc"`,
   *   `before` = the 15th thread, `limit: 2` gives the two newest threads);
   * - `"next-to-cursor"`: the last `limit` of the window, the ones right before the cursor (the "previous
   *   page" of OpenAI's older list endpoints: the 13th and 14th threads), still in the requested order.
   *
   * `has_more` tells in both readings whether the window holds more than `data`.
   *
   * @since 0.1.0
   * @category models
   */
  export type BeforeReading = "far-end" | "next-to-cursor"

  /**
   * A new item: its fields without `id`, `object`, `thread_id` and `created_at` (which the store assigns), and
   * optionally `createdAt` in whole Unix seconds (default: now). An item of a type the library does not know
   * is `{ type: "unknown", raw }`, `raw` its JSON object, to which the store adds the assigned fields.
   *
   * @since 0.1.0
   * @category models
   */
  export type ItemInput<V extends ThreadItem.ThreadItem = ThreadItem.ThreadItem> = NewItem<V> & {
    readonly createdAt?: number | undefined
  }

  /**
   * A new thread. `title` defaults to `null`, `status` to `{ type: "active" }`, `createdAt` (whole Unix
   * seconds) to now.
   *
   * @since 0.1.0
   * @category models
   */
  export interface ThreadInput {
    readonly user: string
    readonly title?: string | null | undefined
    readonly status?: Thread.ThreadStatus | undefined
    readonly createdAt?: number | undefined
  }

  /**
   * The operations a fault can be restricted to.
   *
   * @since 0.1.0
   * @category models
   */
  export type Operation = "list" | "retrieve" | "delete" | "listItems"

  /**
   * What tests use to seed the store and inject faults. Invalid input (a negative or fractional `createdAt`,
   * a non-string `user`, an item that does not match its variant, `times` that is not a positive integer) is
   * a test bug and dies with an `IllegalArgumentException`.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Admin extends FaultInjection<Operation> {
    /** Creates a thread with a fresh id and the next insertion counter. */
    readonly createThread: (input: ThreadInput) => Effect.Effect<Thread.Thread>
    /** Adds an item to a live thread; `NotFoundError` when the thread is unknown or deleted. */
    readonly addItem: (threadId: string, item: ItemInput) => Effect.Effect<ThreadItem.ThreadItem, NotFoundError>
    /** Replaces the status of a live thread. */
    readonly setStatus: (threadId: string, status: Thread.ThreadStatus) => Effect.Effect<Thread.Thread, NotFoundError>
    /** Replaces the title of a live thread. */
    readonly setTitle: (threadId: string, title: string | null) => Effect.Effect<Thread.Thread, NotFoundError>
    /** The live threads and the items of live threads, each in insertion order. */
    readonly snapshot: Effect.Effect<{
      readonly threads: ReadonlyArray<Thread.Thread>
      readonly items: ReadonlyArray<ThreadItem.ThreadItem>
    }>
  }

  /**
   * One fake: its service and its admin, sharing one store.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Fake {
    readonly service: ThreadsService.ThreadsService.Service
    readonly admin: Admin
  }
}

/**
 * A fresh fake with its own empty store. Its semantics are the fake's contract, which the fake HTTP server
 * and the conformance suite share:
 *
 * - **Order.** Every thread and item gets `seq`, a store-wide insertion counter. Lists are ordered by
 *   `(created_at, seq)`: ascending for `order: "asc"`, descending for `"desc"` (the default). `created_at`
 *   is whole seconds, so ties are common and `seq` breaks them.
 * - **Filter, then window.** Threads are filtered by `user` (exact match) when given; items belong to one
 *   thread. `after` and `before` are exclusive positional bounds in that ordered list: the window is what
 *   comes after `after` and before `before` in the requested order. `data` is the first `limit` (default 20)
 *   of the window, `has_more` tells whether the window holds more, `first_id`/`last_id` are the ids of the
 *   first and last of `data` (`null` when empty). `limit: 0` gives empty `data` and `has_more` = the window
 *   is not empty. With `beforeReading: "next-to-cursor"`, a list with `before` takes the last `limit` of the
 *   window instead (see {@link ThreadsFake.BeforeReading}).
 * - **Cursors.** A thread cursor is the id of any thread ever created in this store, also one of another
 *   user (when filtering by `user`) or one deleted since: its place is its `(created_at, seq)` key, so
 *   paging goes on while others delete. An item cursor is the id of any item ever added to that same thread.
 *   Any other id fails with `NotFoundError` (status 404, type `invalid_request_error`, `param` `"after"` or
 *   `"before"`).
 * - **Missing threads.** `retrieve`, `delete` and `listItems` of an unknown or deleted thread fail with
 *   `NotFoundError` (404, `param` null, message `No thread found with id '…'.`). `delete` removes the thread
 *   and its items and answers `{ id, object: "chatkit.thread.deleted", deleted: true }`.
 * - **Validation.** Parameters are validated by `ThreadsService.make` (`BadRequestError` naming the
 *   `param`) before the fake sees them; such calls take no fault and sleep no latency.
 * - **Determinism.** Ids are `cthr_`/`cthi_` followed by 24 hex digits from a PRNG seeded by `seed`;
 *   `created_at` defaults to the `Clock` time in whole seconds, so `TestClock` drives it. The same seed and
 *   the same calls give byte-identical results.
 * - **Faults and latency.** Each call of an operation first sleeps the latency, then takes the first queued
 *   fault that applies to it and fails with its error, or else runs.
 * - **Cost.** Threads are kept in sorted arrays (all threads, and one per user; items, one per thread) with
 *   deleted entries removed, so a page costs O(log n + limit) whatever the store holds. Creating in time
 *   order is O(1); an insertion out of order or a delete moves the later entries of its arrays.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options?: ThreadsFake.Options): Effect.Effect<ThreadsFake.Fake> =>
  Effect.sync(() => makeChatKitFake(options?.seed ?? 0, { beforeReading: options?.beforeReading }).fake.threads)

/**
 * A fresh fake as a layer: the `ThreadsService` and its `ThreadsFake` admin, sharing one store. For the
 * `SessionsService` as well, use `ChatKitFake.layer`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options?: ThreadsFake.Options): Layer.Layer<ThreadsService.ThreadsService | ThreadsFake> =>
  Layer.effectContext(
    Effect.map(
      make(options),
      ({ admin, service }) => Context.make(ThreadsService.ThreadsService, service).pipe(Context.add(ThreadsFake, admin))
    )
  )
