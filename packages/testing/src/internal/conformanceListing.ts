import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import * as ListParams from "@effect-chatkit/core/ListParams"
import type * as Page from "@effect-chatkit/core/Page"
import type * as Thread from "@effect-chatkit/core/Thread"
import type * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import type * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import { assert } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Stream from "effect/Stream"
import { assertFails, assertPage, collect } from "./conformanceChecks.js"
import * as Model from "./conformanceModel.js"

/**
 * One list of the service (the threads, or the items of one thread) next to what the model says of it, so
 * that each paging property is written once for both.
 *
 * @internal
 */
export interface Listing<A> {
  readonly list: (params: ListParams.ListThreadsParams) => Effect.Effect<Page.Page<A>, ChatKitError.ChatKitError>
  readonly stream: (params: ListParams.ListThreadsParams) => Stream.Stream<A, ChatKitError.ChatKitError>
  readonly page: (params: ListParams.ListThreadsParams) => Either.Either<Page.Page<A>, "after" | "before">
  readonly window: (params: ListParams.ListThreadsParams) => Either.Either<ReadonlyArray<A>, "after" | "before">
  readonly idOf: (element: A) => string | undefined
  /** Every id ever issued in this list, deleted ones included: the valid cursors. */
  readonly ids: ReadonlyArray<string>
}

/**
 * Drops the keys whose value is `undefined`, as parameters must not carry them.
 *
 * @internal
 */
export const compact = <A extends Record<string, unknown>>(
  params: A
): { readonly [K in keyof A]?: Exclude<A[K], undefined> } =>
  Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined)) as {
    readonly [K in keyof A]?: Exclude<A[K], undefined>
  }

/**
 * The element at `index` modulo the length, `undefined` when there is none or no index.
 *
 * @internal
 */
export const pick = <A>(elements: ReadonlyArray<A>, index: number | undefined): A | undefined =>
  index === undefined || elements.length === 0 ? undefined : elements[index % elements.length]

/**
 * The threads list.
 *
 * @internal
 */
export const threads = (
  service: ThreadsService.ThreadsService.Service,
  store: Model.Store
): Listing<Thread.Thread> => ({
  list: service.list,
  stream: service.stream,
  page: (params) => Model.threadsPage(store, params),
  window: (params) => Model.threadsWindow(store, params),
  idOf: (thread) => thread.id,
  ids: store.threads.map((thread) => thread.id)
})

const itemParams = ({ user: _, ...params }: ListParams.ListThreadsParams): ListParams.ListItemsParams => params

const unknownThread = (threadId: string): never => {
  throw new Error(`the model has no thread ${threadId}`)
}

/**
 * The items list of a thread that exists; the `user` parameter is ignored.
 *
 * @internal
 */
export const items = (
  service: ThreadsService.ThreadsService.Service,
  store: Model.Store,
  threadId: string
): Listing<ThreadItem.ThreadItem> => ({
  list: (params) => service.listItems(threadId, itemParams(params)),
  stream: (params) => service.streamItems(threadId, itemParams(params)),
  page: (params) => Model.itemsPage(store, threadId, itemParams(params)) ?? unknownThread(threadId),
  window: (params) => Model.itemsWindow(store, threadId, itemParams(params)) ?? unknownThread(threadId),
  idOf: (item) => item.id,
  ids: (store.items.get(threadId) ?? []).map((entry) => entry.id)
})

/**
 * Checks one `list(params)` against the model: the prescribed page, or a `NotFoundError` naming the cursor
 * the model never issued.
 *
 * @internal
 */
export const verifyPage = <A>(
  listing: Listing<A>,
  params: ListParams.ListThreadsParams
): Effect.Effect<void, ChatKitError.ChatKitError> => {
  const expected = listing.page(params)
  return Either.isLeft(expected)
    ? assertFails(listing.list(params), "NotFoundError", expected.left)
    : Effect.map(
      listing.list(params),
      (page) => assertPage(page, expected, params.limit ?? ListParams.defaultLimit, listing.idOf)
    )
}

/**
 * Checks a full `stream(params)` against the model's window, or a `NotFoundError` naming the cursor the
 * model never issued.
 *
 * @internal
 */
export const verifyStream = <A>(
  listing: Listing<A>,
  params: ListParams.ListThreadsParams
): Effect.Effect<void, ChatKitError.ChatKitError> => {
  const expected = listing.window(params)
  return Either.isLeft(expected)
    ? assertFails(collect(listing.stream(params)), "NotFoundError", expected.left)
    : Effect.map(collect(listing.stream(params)), (all) => assert.deepStrictEqual(all, expected.right, "the stream"))
}
