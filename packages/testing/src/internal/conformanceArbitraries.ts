/**
 * The conformance suite's inputs beyond `Arbitraries`: its few users (some needing escapes in a query
 * string), page sizes, orders, and stores seeded in a narrow time window, so that filters select several
 * threads and `created_at` ties are common.
 *
 * @internal
 */
import type * as ListParams from "@effect-chatkit/core/ListParams"
import * as fc from "effect/FastCheck"
import * as Arbitraries from "../Arbitraries.js"
import type { ThreadsFake } from "../ThreadsFake.js"

/**
 * The users threads are created for: few, so that filters select several threads, and with characters that
 * must be escaped in a query string.
 */
const users: ReadonlyArray<string> = ["alice", "bob", "carol o'neil", "zoë & co/?#="]

/**
 * A `user` filter, absent half the time: one of the users, or one no thread has.
 *
 * @internal
 */
export const userFilter: fc.Arbitrary<string | undefined> = fc.option(fc.constantFrom(...users, "nobody"), {
  nil: undefined
})

/**
 * A page size from 1 to 100, mostly small so that listings take several pages.
 *
 * @internal
 */
export const limit: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 10 }), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 100 }), weight: 1 }
)

/**
 * A page size as `limit`, or 0 (an empty page that tells whether the window holds anything) a quarter of the time.
 *
 * @internal
 */
export const limitOrZero: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constant(0), weight: 1 },
  { arbitrary: limit, weight: 3 }
)

/**
 * @internal
 */
export const order: fc.Arbitrary<ListParams.Order> = fc.constantFrom("asc", "desc")

/** A creation time in whole seconds from a window of a few, so that ties are common. */
const createdAt = fc.integer({ min: 1_700_000_000, max: 1_700_000_004 })

const inWindow = <A>(input: fc.Arbitrary<A>) =>
  fc.tuple(input, createdAt).map(([fields, createdAt]) => ({ ...fields, createdAt }))

/**
 * The admin input of a new thread for one of the users, created in the window.
 *
 * @internal
 */
export const threadInput: fc.Arbitrary<ThreadsFake.ThreadInput> = inWindow(
  Arbitraries.threadInput({ user: fc.constantFrom(...users) })
)

/**
 * The admin input of a new item of any variant, values the API does not have today included, so that every
 * implementation is seen to keep them, created in the window.
 *
 * @internal
 */
export const itemInput: fc.Arbitrary<ThreadsFake.ItemInput> = inWindow(Arbitraries.itemInput())

/**
 * A store to seed (see `Arbitraries.storeFixture`): threads for the users, created in the window, their numbers
 * anywhere up to the bounds.
 *
 * @internal
 */
export const storeFixture = (options: Arbitraries.StoreOptions): fc.Arbitrary<Arbitraries.StoreFixture> =>
  Arbitraries.storeFixture({ ...options, user: fc.constantFrom(...users), createdAt, maxTimestamps: 5, size: "max" })
