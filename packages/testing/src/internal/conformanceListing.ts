/**
 * One list of the service under test (the threads, or the items of a thread) beside the model's answers for
 * it, so that each paging check (a page, a walk of pages, a full stream) is written once for both.
 *
 * @internal
 */
import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import type * as ListParams from "@effect-chatkit/core/ListParams"
import type * as Page from "@effect-chatkit/core/Page"
import type * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import { assert } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import type * as Stream from "effect/Stream"
import { assertFails, collect, pick } from "./conformanceChecks.js"
import * as Model from "./conformanceModel.js"

type Params = ListParams.ListThreadsParams

/**
 * One list of the service (the threads, or the items of one thread) next to the model's answers for it, so
 * that every paging check is written once for both.
 *
 * @internal
 */
export interface Listing {
  readonly list: (params: Params) => Effect.Effect<Page.Page<Model.Entry>, ChatKitError.ChatKitError>
  readonly stream: (params: Params) => Stream.Stream<Model.Entry, ChatKitError.ChatKitError>
  /** Every element ever issued in this list, in insertion order, deleted ones included: the valid cursors. */
  readonly entries: ReadonlyArray<Model.Entry>
  /** Ids this list never issued: one of its own kind, and ids issued in other lists when any were. */
  readonly strangers: ReadonlyArray<string>
  /** The model's page for `params` (`Model.expectedPage`), or the cursor never issued. */
  readonly page: (params: Params) => Either.Either<Page.Page<Model.Entry>, "after" | "before">
}

/**
 * The threads list.
 *
 * @internal
 */
export const threads = (service: ThreadsService.ThreadsService.Service, store: Model.Store): Listing => ({
  list: service.list,
  stream: service.stream,
  entries: store.threads,
  strangers: ["cthr_never_issued", ...[...store.items.values()].flat().slice(0, 1).map((item) => item.id)],
  page: (params) =>
    Model.expectedPage(
      store.threads,
      params,
      (thread) => !store.deleted.has(thread.id) && (params.user === undefined || thread.user === params.user),
      store.beforeReading
    )
})

/**
 * The items list of a thread; the `user` parameter is ignored.
 *
 * @internal
 */
export const items = (
  service: ThreadsService.ThreadsService.Service,
  store: Model.Store,
  threadId: string
): Listing => {
  const entries = store.items.get(threadId) ?? []
  return {
    list: ({ user: _, ...params }) => service.listItems(threadId, params),
    stream: ({ user: _, ...params }) => service.streamItems(threadId, params),
    entries,
    strangers: [
      "cthi_never_issued",
      threadId,
      ...[...store.items].flatMap(([id, items]) => id === threadId ? [] : items).slice(0, 1).map((item) => item.id)
    ],
    page: (params) => Model.expectedPage(entries, params, undefined, store.beforeReading)
  }
}

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

const cursorOf = (listing: Listing, index: number | undefined): string | undefined =>
  index !== undefined && index < 0 ? pick(listing.strangers, -1 - index) : pick(listing.entries, index)?.id

/**
 * The list parameters of drawn input, its `cursor`s resolved in `listing`.
 *
 * @internal
 */
export const paramsOf = (
  listing: Listing,
  input: Omit<Params, "after" | "before"> & { readonly after: number | undefined; readonly before: number | undefined }
): Params => ({
  limit: input.limit,
  order: input.order,
  user: input.user,
  after: cursorOf(listing, input.after),
  before: cursorOf(listing, input.before)
})

/**
 * Lists one page and asserts that it is the model's.
 *
 * @internal
 */
export const listChecked = (
  listing: Listing,
  params: Params
): Effect.Effect<Page.Page<Model.Entry>, ChatKitError.ChatKitError> =>
  Effect.tap(listing.list(params), (actual) => assert.deepStrictEqual(actual, Either.getOrThrow(listing.page(params))))

/**
 * Walks every page of `list` (the service's, or the model's), `after = last_id` of the one before, running
 * `between` before each page but the first; fails when there are more pages than elements, so a listing that
 * never ends is reported instead of hanging.
 *
 * @internal
 */
export const walk = <E, R>(
  listing: Listing,
  list: (params: Params) => Effect.Effect<Page.Page<Model.Entry>, E, R>,
  params: Params,
  between: (cursor: string) => Effect.Effect<void, E, R> = () => Effect.void
): Effect.Effect<ReadonlyArray<Model.Entry>, E, R> =>
  Effect.gen(function*() {
    let page = yield* list(params)
    const pages = [page]
    while (page.has_more) {
      assert.isBelow(pages.length, listing.entries.length, "the listing ends")
      const after = page.last_id ?? assert.fail("has_more without last_id")
      yield* between(after)
      page = yield* list({ ...params, after })
      pages.push(page)
    }
    return pages.flatMap((page) => page.data)
  })

/**
 * Checks one `list(params)`, or a full `stream(params)`, against the model: its answer, a `NotFoundError`
 * naming a cursor never issued in the list, a `BadRequestError` naming `limit` for a stream of `limit = 0` (its
 * empty pages would never end).
 *
 * @internal
 */
export const verify = (
  listing: Listing,
  params: Params,
  stream: boolean
): Effect.Effect<void, ChatKitError.ChatKitError> => {
  if (!stream) {
    const expected = listing.page(params)
    return Either.isLeft(expected)
      ? assertFails(listing.list(params), "NotFoundError", expected.left)
      : Effect.asVoid(listChecked(listing, params))
  }
  const all = collect(listing.stream(params))
  if (params.limit === 0) return assertFails(all, "BadRequestError", "limit")
  // the model's pages from the first on: the whole window, but for `before` read next to the cursor, where it
  // is the page next to the cursor
  const expected = Effect.runSync(Effect.either(walk(listing, listing.page, params)))
  return Either.isLeft(expected)
    ? assertFails(all, "NotFoundError", expected.left)
    : Effect.map(all, (actual) => assert.deepStrictEqual(actual, expected.right, "the stream"))
}
