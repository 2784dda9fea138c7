/**
 * The model of the paging contract, shared by the conformance suite and the doctor: a sorted array of the
 * elements ever issued, the page any call should answer over it, and a plain model of a store.
 *
 * @internal
 */
import * as ListParams from "@effect-chatkit/core/ListParams"
import * as Page from "@effect-chatkit/core/Page"
import type { Thread } from "@effect-chatkit/core/Thread"
import type { ThreadItem } from "@effect-chatkit/core/ThreadItem"
import * as Either from "effect/Either"
import type { SeededThread } from "../Arbitraries.js"
import type { ThreadsFake } from "../ThreadsFake.js"

/**
 * What the model needs of an element of a list: its id and its creation time in whole seconds.
 *
 * @internal
 */
export interface Entry {
  readonly id: string
  readonly created_at: number
}

/**
 * The paging parameters the model understands (the `user` filter is a predicate, see `expectedPage`).
 *
 * @internal
 */
export interface Window {
  readonly limit?: number | undefined
  readonly order?: ListParams.Order | undefined
  readonly after?: string | undefined
  readonly before?: string | undefined
}

/**
 * The elements in list order: by `(created_at, insertion index)` ascending for `asc`, reversed for `desc`.
 * `entries` are given in insertion order, which breaks ties of `created_at`.
 *
 * @internal
 */
export const ordered = <A extends Entry>(
  entries: ReadonlyArray<A>,
  order: ListParams.Order
): ReadonlyArray<A> => {
  const ascending = [...entries].sort((a, b) => a.created_at - b.created_at)
  return order === "asc" ? ascending : ascending.reverse()
}

/**
 * The page the contract prescribes: the window is everything between the exclusive bounds `after` and
 * `before`, in list order, among the elements `include` keeps; the page is its first `limit` (its last `limit`
 * when `before` is given and `beforeReading` is `"next-to-cursor"`), `has_more` when the window holds more,
 * `first_id`/`last_id` of the data; `Left` names the cursor that was never issued.
 *
 * @internal
 */
export const expectedPage = <A extends Entry>(
  entries: ReadonlyArray<A>,
  params: Window,
  include: (entry: A) => boolean = () => true,
  beforeReading: ThreadsFake.BeforeReading = "far-end"
): Either.Either<Page.Page<A>, "after" | "before"> => {
  const list = ordered(entries, params.order ?? ListParams.defaultOrder)
  const position = (id: string | undefined) => id === undefined ? undefined : list.findIndex((entry) => entry.id === id)
  const after = position(params.after)
  const before = position(params.before)
  if (after === -1) return Either.left("after")
  if (before === -1) return Either.left("before")
  const from = after === undefined ? 0 : after + 1
  const window = list.slice(from, Math.max(from, before ?? list.length)).filter(include)
  const limit = params.limit ?? ListParams.defaultLimit
  const start = beforeReading === "next-to-cursor" && before !== undefined ? Math.max(0, window.length - limit) : 0
  return Either.right(Page.make(window.slice(start, start + limit), window.length > limit, (entry) => entry.id))
}

/**
 * A plain model of a store: every thread ever created in insertion order (deleted ones keep their place as
 * cursors), the ids of the deleted ones, each thread's items in insertion order, and the reading of `before`
 * it follows.
 *
 * @internal
 */
export interface Store {
  readonly threads: Array<Thread>
  readonly deleted: Set<string>
  readonly items: Map<string, Array<ThreadItem>>
  readonly beforeReading: ThreadsFake.BeforeReading
}

/**
 * The model of a store seeded with `Arbitraries.createFixture`.
 *
 * @internal
 */
export const storeOf = (
  seeded: ReadonlyArray<SeededThread>,
  beforeReading: ThreadsFake.BeforeReading
): Store => ({
  threads: seeded.map(({ thread }) => thread),
  deleted: new Set(seeded.filter(({ deleted }) => deleted).map(({ thread }) => thread.id)),
  items: new Map(seeded.map(({ items, thread }) => [thread.id, [...items]])),
  beforeReading
})

/**
 * Records a thread the implementation created.
 *
 * @internal
 */
export const addThread = (store: Store, thread: Thread): void => {
  store.threads.push(thread)
  store.items.set(thread.id, [])
}

/**
 * Whether the thread was created and not deleted.
 *
 * @internal
 */
export const isLive = (store: Store, threadId: string | undefined): threadId is string =>
  threadId !== undefined && store.items.has(threadId) && !store.deleted.has(threadId)

/**
 * The threads that exist (created and not deleted), in insertion order.
 *
 * @internal
 */
export const liveThreads = (store: Store): ReadonlyArray<Thread> =>
  store.threads.filter((thread) => !store.deleted.has(thread.id))
