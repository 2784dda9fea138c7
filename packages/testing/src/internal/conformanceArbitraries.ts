import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import type * as ListParams from "@effect-chatkit/core/ListParams"
import type { ThreadsService } from "@effect-chatkit/core/ThreadsService"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Arbitraries from "../Arbitraries.js"
import type { ThreadsFake } from "../ThreadsFake.js"
import * as Model from "./conformanceModel.js"

/**
 * The users threads are created for: few, so that filters select several threads, and with characters that
 * must be escaped in a query string.
 *
 * @internal
 */
export const users: ReadonlyArray<string> = ["alice", "bob", "carol o'neil", "zoë & co/?#="]

/**
 * A `user` filter: one of `users`, or one no thread has.
 *
 * @internal
 */
export const userFilter: fc.Arbitrary<string> = fc.constantFrom(...users, "nobody")

/**
 * @internal
 */
export const order: fc.Arbitrary<ListParams.Order> = fc.constantFrom("asc", "desc")

/**
 * A page size from 1 to 100, mostly small so that listings take several pages.
 *
 * @internal
 */
export const limit: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 10 }), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 100 }), weight: 1 }
)

/** A creation time in whole seconds from a window of a few, so that ties are common. */
const windowTime = fc.integer({ min: 1_700_000_000, max: 1_700_000_004 })

const inWindow = <A>(input: fc.Arbitrary<A>) =>
  fc.tuple(input, windowTime).map(([fields, createdAt]) => ({ ...fields, createdAt }))

/**
 * The admin input of a new thread for one of `users`, created in the window.
 *
 * @internal
 */
export const threadInWindow: fc.Arbitrary<ThreadsFake.ThreadInput> = inWindow(
  Arbitraries.threadInput({ user: fc.constantFrom(...users) })
)

/**
 * The admin input of a new item of any variant, values the API does not have today included, so that every
 * implementation is seen to keep them, created in the window.
 *
 * @internal
 */
export const itemInWindow: fc.Arbitrary<ThreadsFake.ItemInput> = inWindow(Arbitraries.itemInput())

/**
 * A store to seed (see `Arbitraries.storeFixture`): threads for `users`, created in the window, their
 * numbers anywhere up to the bounds.
 *
 * @internal
 */
export const storeFixture = (options: Arbitraries.StoreOptions): fc.Arbitrary<Arbitraries.StoreFixture> =>
  Arbitraries.storeFixture({
    ...options,
    user: fc.constantFrom(...users),
    createdAt: windowTime,
    maxTimestamps: 5,
    size: "max"
  })

/**
 * Creates the fixture through the admin handle and the service (`Arbitraries.createFixture`), and gives the
 * model of the store created, following `beforeReading`.
 *
 * @internal
 */
export const createModelled = (
  fixture: Arbitraries.StoreFixture,
  beforeReading: ThreadsFake.BeforeReading
): Effect.Effect<Model.Store, ChatKitError.ChatKitError, ThreadsService | ThreadsFake> =>
  Effect.map(Arbitraries.createFixture(fixture), (seeded) => {
    const store = Model.emptyStore(beforeReading)
    for (const { deleted, items, thread } of seeded) {
      Model.addThread(store, thread)
      store.items.get(thread.id)?.push(...items)
      if (deleted) store.deleted.add(thread.id)
    }
    return store
  })
