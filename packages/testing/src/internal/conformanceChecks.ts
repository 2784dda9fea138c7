import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import type * as Page from "@effect-chatkit/core/Page"
import { assert } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"

/**
 * Asserts what holds of any page whatever the store (`data.length <= limit`, `first_id`/`last_id` are the
 * ids of the first and last element, `has_more` comes with a cursor when `limit > 0`), then that the page is
 * the one the model prescribes.
 *
 * @internal
 */
export const assertPage = <A>(
  actual: Page.Page<A>,
  expected: Either.Either<Page.Page<A>, "after" | "before">,
  limit: number,
  idOf: (element: A) => string | undefined
): void => {
  assert.isAtMost(actual.data.length, limit, "data.length <= limit")
  assert.strictEqual(actual.first_id, actual.data.length > 0 ? idOf(actual.data[0]!) : null, "first_id")
  assert.strictEqual(
    actual.last_id,
    actual.data.length > 0 ? idOf(actual.data[actual.data.length - 1]!) : null,
    "last_id"
  )
  if (actual.has_more && limit > 0) assert.isNotNull(actual.last_id, "has_more comes with a last_id")
  if (Either.isLeft(expected)) {
    assert.fail(`expected NotFoundError naming '${expected.left}', got a page`)
  }
  assert.deepStrictEqual(actual, expected.right)
}

const statuses = { NotFoundError: 404, BadRequestError: 400 } as const

/**
 * Asserts that `effect` fails with the error tagged `tag`, naming `param` when one is given; an error that
 * came over HTTP must carry the status of its class (404, 400).
 *
 * @internal
 */
export const assertFails = <A, R>(
  effect: Effect.Effect<A, ChatKitError.ChatKitError, R>,
  tag: keyof typeof statuses,
  param?: string
): Effect.Effect<void, never, R> =>
  Effect.map(Effect.either(effect), (result) => {
    const expected = `${tag}${param === undefined ? "" : ` naming '${param}'`}`
    if (Either.isRight(result)) return assert.fail(`expected ${expected}, got a success`)
    const error = result.left
    if (error._tag !== tag) return assert.fail(`expected ${expected}, got ${error._tag}: ${error.message}`)
    if (param !== undefined) assert.strictEqual(error.param, param, `the param of ${expected}`)
    if (error.status !== undefined) assert.strictEqual(error.status, statuses[tag], `the status of ${expected}`)
  })

/**
 * Walks every page from `after`, `after = last_id` of each page, checking each with `check`; fails after
 * `maxPages` pages, so a listing that never ends is reported instead of hanging.
 *
 * @internal
 */
export const walkPages = <A, R>(
  start: string | undefined,
  maxPages: number,
  fetch: (after: string | undefined) => Effect.Effect<Page.Page<A>, ChatKitError.ChatKitError, R>
): Effect.Effect<ReadonlyArray<Page.Page<A>>, ChatKitError.ChatKitError, R> =>
  Effect.gen(function*() {
    const pages: Array<Page.Page<A>> = []
    let after = start
    while (true) {
      const page = yield* fetch(after)
      pages.push(page)
      if (!page.has_more) return pages
      assert.isAtMost(pages.length, maxPages, "the listing ends")
      after = page.last_id ?? assert.fail("has_more without last_id")
    }
  })

/**
 * @internal
 */
export const collect = <A, E, R>(stream: Stream.Stream<A, E, R>): Effect.Effect<ReadonlyArray<A>, E, R> =>
  Effect.map(Stream.runCollect(stream), Chunk.toReadonlyArray)
