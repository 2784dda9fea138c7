import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import type * as ListParams from "@effect-chatkit/core/ListParams"
import { ThreadsService } from "@effect-chatkit/core/ThreadsService"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Arbitraries from "../Arbitraries.js"
import { ThreadsFake } from "../ThreadsFake.js"
import { pick } from "./conformanceChecks.js"
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

/** An input at a creation time in whole seconds from a window of a few, so that ties are common. */
const tied = <A>(input: fc.Arbitrary<A>) =>
  fc.tuple(input, fc.integer({ min: 1_700_000_000, max: 1_700_000_004 })).map(([fields, createdAt]) => ({
    ...fields,
    createdAt
  }))

/**
 * The admin input of a new thread for one of `users`.
 *
 * @internal
 */
export const threadInput: fc.Arbitrary<ThreadsFake.ThreadInput> = tied(
  Arbitraries.threadInput({ user: fc.constantFrom(...users) })
)

/**
 * The admin input of a new item of any variant, values the API does not have today included, so that every
 * implementation is seen to keep them.
 *
 * @internal
 */
export const itemInput: fc.Arbitrary<ThreadsFake.ItemInput> = tied(Arbitraries.itemInput())

/**
 * One step of seeding a store. Thread indexes are taken modulo the number of live threads when the step
 * runs, so any generated sequence is valid.
 *
 * @internal
 */
export type SeedStep =
  | { readonly _tag: "CreateThread"; readonly input: ThreadsFake.ThreadInput }
  | { readonly _tag: "AddItem"; readonly thread: number; readonly input: ThreadsFake.ItemInput }
  | { readonly _tag: "DeleteThread"; readonly thread: number }

const createThread = fc.record({ _tag: fc.constant("CreateThread" as const), input: threadInput })

/**
 * The steps that seed a store: at least one thread first, then creations, items (mostly in the first few
 * threads, so that their listings take several pages) and, when `deletes` is set, deletions.
 *
 * @internal
 */
export const seedSteps = (options: {
  readonly maxSteps: number
  readonly deletes: boolean
}): fc.Arbitrary<ReadonlyArray<SeedStep>> =>
  fc.tuple(
    createThread,
    fc.array(
      fc.oneof(
        { arbitrary: createThread, weight: 4 },
        {
          arbitrary: fc.record({ _tag: fc.constant("AddItem" as const), thread: fc.nat({ max: 3 }), input: itemInput }),
          weight: 3
        },
        {
          arbitrary: fc.record({ _tag: fc.constant("DeleteThread" as const), thread: fc.nat() }),
          weight: options.deletes ? 1 : 0
        }
      ),
      { maxLength: options.maxSteps, size: "max" }
    )
  ).map(([first, rest]) => [first, ...rest])

/**
 * Runs the seeding steps through the admin handle and the service, recording each result in a fresh model
 * of a store that follows `beforeReading`.
 *
 * @internal
 */
export const applySeed = (
  steps: ReadonlyArray<SeedStep>,
  beforeReading: ThreadsFake.BeforeReading
): Effect.Effect<Model.Store, ChatKitError.ChatKitError, ThreadsService | ThreadsFake> =>
  Effect.gen(function*() {
    const admin = yield* ThreadsFake
    const service = yield* ThreadsService
    const store = Model.emptyStore(beforeReading)
    for (const step of steps) {
      if (step._tag === "CreateThread") {
        Model.addThread(store, yield* admin.createThread(step.input))
        continue
      }
      const threadId = pick(Model.liveThreads(store), step.thread)?.id
      if (threadId === undefined) continue
      if (step._tag === "AddItem") {
        store.items.get(threadId)?.push(yield* admin.addItem(threadId, step.input))
      } else {
        yield* service.delete(threadId)
        store.deleted.add(threadId)
      }
    }
    return store
  })
