import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import * as ListParams from "@effect-chatkit/core/ListParams"
import type * as Page from "@effect-chatkit/core/Page"
import type * as Thread from "@effect-chatkit/core/Thread"
import type * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import type * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import { assert } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import type * as Stream from "effect/Stream"
import { assertFails, collect, compact, pick } from "./conformanceChecks.js"
import * as Model from "./conformanceModel.js"

type Params = ListParams.ListThreadsParams

/**
 * One list of the service (the threads, or the items of one thread) next to what the model knows of it, so
 * that every paging check is written once for both.
 *
 * @internal
 */
export interface Listing<A extends Model.Entry> {
  readonly list: (params: Params) => Effect.Effect<Page.Page<A>, ChatKitError.ChatKitError>
  readonly stream: (params: Params) => Stream.Stream<A, ChatKitError.ChatKitError>
  /** Every element ever issued in this list, in insertion order, deleted ones included: the valid cursors. */
  readonly entries: ReadonlyArray<A>
  /** The elements the list shows for a `user` filter. */
  readonly include: (user: string | undefined) => (element: A) => boolean
  /** Ids this list never issued: one of its own kind, and ids issued in other lists when any were. */
  readonly strangers: ReadonlyArray<string>
  readonly beforeReading: Model.Store["beforeReading"]
}

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
  entries: store.threads,
  include: (user) => (thread) => !store.deleted.has(thread.id) && (user === undefined || thread.user === user),
  strangers: ["cthr_never_issued", ...[...store.items.values()].flat().slice(0, 1).map((item) => item.id)],
  beforeReading: store.beforeReading
})

const itemParams = ({ user: _, ...params }: Params): ListParams.ListItemsParams => params

/**
 * The items list of a thread; the `user` parameter is ignored.
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
  entries: store.items.get(threadId) ?? [],
  include: () => () => true,
  strangers: [
    "cthi_never_issued",
    threadId,
    ...[...store.items].flatMap(([id, items]) => id === threadId ? [] : items).slice(0, 1).map((item) => item.id)
  ],
  beforeReading: store.beforeReading
})

/**
 * A cursor: none (half the time), an index into the ids the list issued (mostly), or (negative) into its
 * strangers.
 *
 * @internal
 */
export const cursor: fc.Arbitrary<number | undefined> = fc.option(
  fc.oneof({ arbitrary: fc.nat(), weight: 4 }, { arbitrary: fc.integer({ min: -3, max: -1 }), weight: 1 }),
  { nil: undefined, freq: 2 }
)

/**
 * The id a `cursor` stands for in `listing`.
 *
 * @internal
 */
export const cursorOf = <A extends Model.Entry>(listing: Listing<A>, index: number | undefined): string | undefined =>
  index !== undefined && index < 0 ? pick(listing.strangers, -1 - index) : pick(listing.entries, index)?.id

/**
 * The list parameters of drawn input, its `cursor`s resolved in `listing`; what is undefined is left out.
 *
 * @internal
 */
export const paramsOf = <A extends Model.Entry>(
  listing: Listing<A>,
  input: {
    readonly limit: number | undefined
    readonly order: ListParams.Order | undefined
    readonly user: string | undefined
    readonly after: number | undefined
    readonly before: number | undefined
  }
) =>
  compact({
    limit: input.limit,
    order: input.order,
    user: input.user,
    after: cursorOf(listing, input.after),
    before: cursorOf(listing, input.before)
  })

/**
 * The page `list(params)` must give, or the cursor that was never issued.
 *
 * @internal
 */
export const page = <A extends Model.Entry>(listing: Listing<A>, params: Params) =>
  Model.expectedPage(listing.entries, params, listing.include(params.user), listing.beforeReading)

/**
 * What a full `stream(params)` must give: the model's pages from the first on, `after = last_id` of the one
 * before. That is the whole window, but for `before` read next to the cursor: then the page next to it.
 *
 * @internal
 */
export const streamed = <A extends Model.Entry>(
  listing: Listing<A>,
  params: Params
): Either.Either<ReadonlyArray<A>, "after" | "before"> =>
  Either.map(page(listing, params), (first) => {
    const all = [...first.data]
    for (let next = first; next.has_more && next.last_id !== null;) {
      next = Either.getOrThrow(page(listing, { ...params, after: next.last_id }))
      all.push(...next.data)
    }
    return all
  })

/**
 * Lists one page and asserts what holds of any page (`data.length <= limit`, `first_id`/`last_id` are the
 * ids of its first and last element, `has_more` comes with a cursor), then that it is the model's page.
 */
const listChecked = <A extends Model.Entry>(
  listing: Listing<A>,
  params: Params
): Effect.Effect<Page.Page<A>, ChatKitError.ChatKitError> =>
  Effect.tap(listing.list(params), (actual) => {
    const limit = params.limit ?? ListParams.defaultLimit
    assert.isAtMost(actual.data.length, limit, "data.length <= limit")
    assert.strictEqual(actual.first_id, actual.data.at(0)?.id ?? null, "first_id")
    assert.strictEqual(actual.last_id, actual.data.at(-1)?.id ?? null, "last_id")
    if (actual.has_more && limit > 0) assert.isNotNull(actual.last_id, "has_more comes with a last_id")
    const expected = page(listing, params)
    if (Either.isLeft(expected)) return assert.fail(`expected NotFoundError naming '${expected.left}', got a page`)
    assert.deepStrictEqual(actual, expected.right)
  })

/**
 * Checks one `list(params)` against the model: its page, or a `NotFoundError` naming the cursor never issued.
 *
 * @internal
 */
export const verifyPage = <A extends Model.Entry>(
  listing: Listing<A>,
  params: Params
): Effect.Effect<void, ChatKitError.ChatKitError> =>
  Either.match(page(listing, params), {
    onLeft: (param) => assertFails(listing.list(params), "NotFoundError", param),
    onRight: () => Effect.asVoid(listChecked(listing, params))
  })

/**
 * Checks a full `stream(params)` against the model (`streamed`): a `BadRequestError` naming `limit` for
 * `limit = 0` (a stream of empty pages never ends), a `NotFoundError` naming a cursor never issued.
 *
 * @internal
 */
export const verifyStream = <A extends Model.Entry>(
  listing: Listing<A>,
  params: Params
): Effect.Effect<void, ChatKitError.ChatKitError> => {
  const all = collect(listing.stream(params))
  return params.limit === 0
    ? assertFails(all, "BadRequestError", "limit")
    : Either.match(streamed(listing, params), {
      onLeft: (param) => assertFails(all, "NotFoundError", param),
      onRight: (expected) => Effect.map(all, (actual) => assert.deepStrictEqual(actual, expected, "the stream"))
    })
}

/**
 * Walks every page, `after = last_id` of the one before, running `between` before each page but the first
 * and checking each page against the model as it is then; fails after `maxPages` pages, so a listing that
 * never ends is reported instead of hanging.
 *
 * @internal
 */
export const walkPages = <A extends Model.Entry, R>(
  listing: Listing<A>,
  params: Params,
  maxPages: number,
  between: (cursor: string) => Effect.Effect<void, ChatKitError.ChatKitError, R>
): Effect.Effect<ReadonlyArray<Page.Page<A>>, ChatKitError.ChatKitError, R> =>
  Effect.gen(function*() {
    let page = yield* listChecked(listing, params)
    const pages = [page]
    while (page.has_more) {
      assert.isBelow(pages.length, maxPages, "the listing ends")
      const after = page.last_id ?? assert.fail("has_more without last_id")
      yield* between(after)
      page = yield* listChecked(listing, { ...params, after })
      pages.push(page)
    }
    return pages
  })
