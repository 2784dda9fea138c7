import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { ChatKitError } from "../ChatKitError.js"
import { PaginationError } from "../ChatKitError.js"
import type { Page } from "../Page.js"

type Cursor = string | undefined

/**
 * Every element of every page, fetched one page at a time: the next page is requested with
 * `after = last_id` of the one before, until a page says `has_more: false`. An empty page that still has
 * more and a cursor is followed. A page with more but no cursor, or a cursor seen before (the listing
 * would loop), ends the stream with a `PaginationError` after the elements of that page.
 *
 * @internal
 */
export const paginate = <A>(
  start: Cursor,
  fetchPage: (after: Cursor) => Effect.Effect<Page<A>, ChatKitError>
): Stream.Stream<A, ChatKitError> =>
  Stream.suspend(() => {
    const seen = new Set<string>()
    if (start !== undefined) seen.add(start)
    const next = (page: Page<A>): Option.Option<Cursor | PaginationError> => {
      if (!page.has_more) return Option.none()
      const cursor = page.last_id
      if (cursor === null || cursor === "") {
        return Option.some(
          new PaginationError({
            reason: "MissingCursor",
            message: "The page says has_more but gives no last_id to continue from"
          })
        )
      }
      if (seen.has(cursor)) {
        return Option.some(
          new PaginationError({
            reason: "RepeatedCursor",
            cursor,
            message: `The cursor ${JSON.stringify(cursor)} came back a second time: paging would loop`
          })
        )
      }
      seen.add(cursor)
      return Option.some(cursor)
    }
    return Stream.paginateChunkEffect<Cursor | PaginationError, A, ChatKitError, never>(
      start,
      (state) =>
        state instanceof PaginationError
          ? Effect.fail(state)
          : Effect.map(fetchPage(state), (page) => [Chunk.unsafeFromArray(page.data), next(page)] as const)
    )
  })
