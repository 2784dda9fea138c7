/**
 * The mutable state of one fake: threads, items, their order indexes and the id generator. Everything here
 * is plain synchronous JavaScript; the public module wraps it in effects.
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
import type { Key } from "./orderedIndex.js"
import { OrderedIndex } from "./orderedIndex.js"

/** @internal */
export interface ThreadEntry extends Key {
  thread: Thread.Thread
  deleted: boolean
  items: OrderedIndex<ItemEntry> | undefined
}

/** @internal */
export interface ItemEntry extends Key {
  readonly item: ThreadItem.ThreadItem
  readonly threadId: string
  deleted: boolean
}

/** @internal */
export interface NewThread {
  readonly user: string
  readonly title: string | null
  readonly status: Thread.ThreadStatus
  readonly createdAt: number
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

const idOf = (element: { readonly id: string }) => element.id

const notFound = (message: string, param: string | null) =>
  new NotFoundError({ message, status: 404, type: "invalid_request_error", code: null, param })

/** @internal */
export const threadNotFound = (threadId: string): NotFoundError =>
  notFound(`No thread found with id '${threadId}'.`, null)

const cursorNotFound = (param: "after" | "before", id: string, threadId: string | undefined): NotFoundError =>
  notFound(
    threadId === undefined
      ? `Invalid '${param}': no thread found with id '${id}'.`
      : `Invalid '${param}': no item found with id '${id}' in thread '${threadId}'.`,
    param
  )

/** @internal */
export interface Store {
  readonly createThread: (input: NewThread) => Thread.Thread
  readonly addItem: (
    threadId: string,
    item: NewItem,
    createdAt: number
  ) => Either.Either<ThreadItem.ThreadItem, NotFoundError>
  readonly updateThread: (
    threadId: string,
    update: (thread: Thread.Thread) => Thread.Thread
  ) => Either.Either<Thread.Thread, NotFoundError>
  readonly retrieve: (threadId: string) => Either.Either<Thread.Thread, NotFoundError>
  readonly delete: (threadId: string) => Either.Either<Thread.ThreadDeleted, NotFoundError>
  readonly list: (params: ListParams.ListThreadsParams) => Either.Either<Page.Page<Thread.Thread>, NotFoundError>
  readonly listItems: (
    threadId: string,
    params: ListParams.ListItemsParams
  ) => Either.Either<Page.Page<ThreadItem.ThreadItem>, NotFoundError>
  readonly snapshot: () => {
    readonly threads: ReadonlyArray<Thread.Thread>
    readonly items: ReadonlyArray<ThreadItem.ThreadItem>
  }
}

/** @internal */
export const makeStore = (seed: number, beforeReading: ThreadsFake.BeforeReading = "far-end"): Store => {
  const ids = makeIdGenerator(seed)
  let seq = 0
  const threads = new Map<string, ThreadEntry>()
  const items = new Map<string, ItemEntry>()
  const all = new OrderedIndex<ThreadEntry>()
  const byUser = new Map<string, OrderedIndex<ThreadEntry>>()
  const noThreads = new OrderedIndex<ThreadEntry>()
  const noItems = new OrderedIndex<ItemEntry>()

  const threadTaken = (id: string) => threads.has(id)
  const itemTaken = (id: string) => items.has(id)

  const live = (threadId: string): Either.Either<ThreadEntry, NotFoundError> => {
    const entry = threads.get(threadId)
    return entry === undefined || entry.deleted ? Either.left(threadNotFound(threadId)) : Either.right(entry)
  }

  const createThread = (input: NewThread): Thread.Thread => {
    const thread: Thread.Thread = {
      id: ids.next("cthr_", threadTaken),
      object: "chatkit.thread",
      created_at: input.createdAt,
      title: input.title,
      status: input.status,
      user: input.user
    }
    const entry: ThreadEntry = { createdAt: input.createdAt, seq: seq++, thread, deleted: false, items: undefined }
    threads.set(thread.id, entry)
    all.insert(entry)
    let userIndex = byUser.get(input.user)
    if (userIndex === undefined) {
      userIndex = new OrderedIndex()
      byUser.set(input.user, userIndex)
    }
    userIndex.insert(entry)
    return thread
  }

  const addItem = (threadId: string, fields: NewItem, createdAt: number) =>
    Either.map(live(threadId), (thread) => {
      const id = ids.next("cthi_", itemTaken)
      const item = assign(fields, { id, created_at: createdAt, thread_id: threadId })
      const entry: ItemEntry = { createdAt, seq: seq++, item, threadId, deleted: false }
      items.set(id, entry)
      if (thread.items === undefined) thread.items = new OrderedIndex()
      thread.items.insert(entry)
      return item
    })

  const updateThread = (threadId: string, update: (thread: Thread.Thread) => Thread.Thread) =>
    Either.map(live(threadId), (entry) => {
      entry.thread = update(entry.thread)
      return entry.thread
    })

  const remove = (threadId: string) =>
    Either.map(live(threadId), (entry): Thread.ThreadDeleted => {
      entry.deleted = true
      all.remove(entry)
      const userIndex = byUser.get(entry.thread.user)
      userIndex?.remove(entry)
      if (userIndex?.size === 0) byUser.delete(entry.thread.user)
      if (entry.items !== undefined) {
        for (const item of entry.items.values()) item.deleted = true
        entry.items = undefined
      }
      return { id: threadId, object: "chatkit.thread.deleted", deleted: true }
    })

  const cursor = <E extends Key>(
    param: "after" | "before",
    id: string | undefined,
    lookup: (id: string) => E | undefined,
    threadId: string | undefined
  ): Either.Either<Key | undefined, NotFoundError> => {
    if (id === undefined) return Either.right(undefined)
    const entry = lookup(id)
    return entry === undefined ? Either.left(cursorNotFound(param, id, threadId)) : Either.right(entry)
  }

  const page = <E extends Key, A extends { readonly id: string }>(
    index: OrderedIndex<E>,
    params: ListParams.ListItemsParams,
    lookup: (id: string) => E | undefined,
    threadId: string | undefined,
    value: (entry: E) => A
  ): Either.Either<Page.Page<A>, NotFoundError> => {
    const after = cursor("after", params.after, lookup, threadId)
    if (Either.isLeft(after)) return Either.left(after.left)
    const before = cursor("before", params.before, lookup, threadId)
    if (Either.isLeft(before)) return Either.left(before.left)
    const slice = index.page({
      limit: params.limit ?? ListParams.defaultLimit,
      order: params.order ?? ListParams.defaultOrder,
      after: after.right,
      before: before.right,
      fromEnd: beforeReading === "next-to-cursor" && before.right !== undefined
    })
    return Either.right(Page.make(slice.data.map(value), slice.hasMore, idOf))
  }

  const threadValue = (entry: ThreadEntry) => entry.thread
  const itemValue = (entry: ItemEntry) => entry.item
  const lookupThread = (id: string) => threads.get(id)

  return {
    createThread,
    addItem,
    updateThread,
    retrieve: (id) => Either.map(live(id), threadValue),
    delete: remove,
    list: (params) =>
      page(
        params.user === undefined ? all : byUser.get(params.user) ?? noThreads,
        params,
        lookupThread,
        undefined,
        threadValue
      ),
    listItems: (id, params) =>
      Either.flatMap(live(id), (thread) =>
        page(
          thread.items ?? noItems,
          params,
          (cursorId) => {
            const item = items.get(cursorId)
            return item !== undefined && item.threadId === id ? item : undefined
          },
          id,
          itemValue
        )),
    snapshot: () => ({
      threads: Array.from(threads.values()).filter((entry) => !entry.deleted).map(threadValue),
      items: Array.from(items.values()).filter((entry) => !entry.deleted).map(itemValue)
    })
  }
}
