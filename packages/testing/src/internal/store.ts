/**
 * The threads and items of one fake: the entries by id, their ordered indexes and the id generator. Plain
 * synchronous JavaScript; the fake wraps it in effects.
 *
 * @internal
 */
import { NotFoundError } from "@effect-chatkit/core/ChatKitError"
import * as ListParams from "@effect-chatkit/core/ListParams"
import * as Page from "@effect-chatkit/core/Page"
import type * as Thread from "@effect-chatkit/core/Thread"
import type * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import * as Either from "effect/Either"
import type { ThreadsFake } from "../ThreadsFake.js"
import { makeIdGenerator } from "./ids.js"
import { assign, type UnknownItemRaw } from "./itemFields.js"
import * as OrderedIndex from "./orderedIndex.js"

interface ThreadEntry extends OrderedIndex.Key {
  thread: Thread.Thread
  deleted: boolean
  items: Array<ItemEntry> | undefined
}

interface ItemEntry extends OrderedIndex.Key {
  readonly item: ThreadItem.ThreadItem
  readonly thread: ThreadEntry
}

/**
 * The fields of a new item of each variant, without `id`, `object`, `created_at` and `thread_id`, which the
 * store assigns; of an unknown variant, its JSON object (the store adds those fields to it).
 *
 * @internal
 */
export type NewItem<V extends ThreadItem.ThreadItem = ThreadItem.ThreadItem> = V extends ThreadItem.UnknownItem
  ? { readonly type: "unknown"; readonly raw: UnknownItemRaw }
  : V extends ThreadItem.ThreadItem ? Omit<V, "id" | "object" | "created_at" | "thread_id">
  : never

type Cursor = "after" | "before"

/**
 * OpenAI's 404 of an unknown id.
 *
 * @internal
 */
export const notFound = (message: string, param: Cursor | null): NotFoundError =>
  new NotFoundError({ message, status: 404, type: "invalid_request_error", code: null, param })

const activeStatus: Thread.ActiveStatus = { type: "active" }

const idOf = (element: { readonly id: string }) => element.id
const threadOf = (entry: ThreadEntry) => entry.thread
const itemOf = (entry: ItemEntry) => entry.item

/**
 * The store of one fake. A new thread without `createdAt` takes `nowSeconds`, the `Clock` time.
 *
 * @internal
 */
export const makeStore = (seed: number, beforeReading: ThreadsFake.BeforeReading = "far-end") => {
  const ids = makeIdGenerator(seed)
  let seq = 0
  const threads = new Map<string, ThreadEntry>()
  const items = new Map<string, ItemEntry>()
  const all: Array<ThreadEntry> = []
  const byUser = new Map<string, Array<ThreadEntry>>()

  const live = (threadId: string): Either.Either<ThreadEntry, NotFoundError> => {
    const entry = threads.get(threadId)
    return entry === undefined || entry.deleted
      ? Either.left(notFound(`No thread found with id '${threadId}'.`, null))
      : Either.right(entry)
  }

  const userThreads = (user: string): Array<ThreadEntry> => {
    const entries = byUser.get(user)
    if (entries !== undefined) return entries
    const first: Array<ThreadEntry> = []
    byUser.set(user, first)
    return first
  }

  const page = <E extends OrderedIndex.Key, A extends { readonly id: string }>(
    entries: ReadonlyArray<E>,
    params: ListParams.ListItemsParams,
    cursor: (param: Cursor, id: string) => Either.Either<OrderedIndex.Key, NotFoundError>,
    value: (entry: E) => A
  ): Either.Either<Page.Page<A>, NotFoundError> => {
    const key = (param: Cursor) => {
      const id = params[param]
      return id === undefined ? Either.right(undefined) : cursor(param, id)
    }
    return Either.map(Either.all([key("after"), key("before")]), ([after, before]) => {
      const slice = OrderedIndex.page(entries, {
        limit: params.limit ?? ListParams.defaultLimit,
        order: params.order ?? ListParams.defaultOrder,
        after,
        before,
        fromEnd: beforeReading === "next-to-cursor" && before !== undefined
      })
      return Page.make(slice.data.map(value), slice.hasMore, idOf)
    })
  }

  const threadCursor = (param: Cursor, id: string) =>
    Either.fromNullable(threads.get(id), () => notFound(`Invalid '${param}': no thread found with id '${id}'.`, param))

  return {
    createThread: (input: ThreadsFake.ThreadInput, nowSeconds: number): Thread.Thread => {
      const createdAt = input.createdAt ?? nowSeconds
      const thread: Thread.Thread = {
        id: ids.next("cthr_", (id) => threads.has(id)),
        object: "chatkit.thread",
        created_at: createdAt,
        title: input.title ?? null,
        status: input.status ?? activeStatus,
        user: input.user
      }
      const entry: ThreadEntry = { createdAt, seq: seq++, thread, deleted: false, items: undefined }
      threads.set(thread.id, entry)
      OrderedIndex.insert(all, entry)
      OrderedIndex.insert(userThreads(input.user), entry)
      return thread
    },
    addItem: (threadId: string, fields: NewItem, createdAt: number) =>
      Either.map(live(threadId), (thread) => {
        const id = ids.next("cthi_", (taken) => items.has(taken))
        const item = assign(fields, { id, created_at: createdAt, thread_id: threadId })
        const entry: ItemEntry = { createdAt, seq: seq++, item, thread }
        items.set(id, entry)
        thread.items ??= []
        OrderedIndex.insert(thread.items, entry)
        return item
      }),
    updateThread: (threadId: string, update: (thread: Thread.Thread) => Thread.Thread) =>
      Either.map(live(threadId), (entry) => {
        entry.thread = update(entry.thread)
        return entry.thread
      }),
    retrieve: (threadId: string) => Either.map(live(threadId), threadOf),
    delete: (threadId: string) =>
      Either.map(live(threadId), (entry): Thread.ThreadDeleted => {
        entry.deleted = true
        OrderedIndex.remove(all, entry)
        OrderedIndex.remove(userThreads(entry.thread.user), entry)
        return { id: threadId, object: "chatkit.thread.deleted", deleted: true }
      }),
    list: (params: ListParams.ListThreadsParams) =>
      page(params.user === undefined ? all : byUser.get(params.user) ?? [], params, threadCursor, threadOf),
    listItems: (threadId: string, params: ListParams.ListItemsParams) =>
      Either.flatMap(live(threadId), (thread) =>
        page(thread.items ?? [], params, (param, id) => {
          const cursor = items.get(id)
          return cursor?.thread === thread
            ? Either.right(cursor)
            : Either.left(notFound(`Invalid '${param}': no item found with id '${id}' in thread '${threadId}'.`, param))
        }, itemOf)),
    snapshot: () => ({
      threads: Array.from(threads.values()).filter((entry) => !entry.deleted).map(threadOf),
      items: Array.from(items.values()).filter((entry) => !entry.thread.deleted).map(itemOf)
    })
  }
}
