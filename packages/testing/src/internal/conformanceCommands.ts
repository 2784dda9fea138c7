import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import type * as ListParams from "@effect-chatkit/core/ListParams"
import { ThreadsService } from "@effect-chatkit/core/ThreadsService"
import { assert } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Runtime from "effect/Runtime"
import { createFixture } from "../Arbitraries.js"
import { ThreadsFake } from "../ThreadsFake.js"
import * as Gen from "./conformanceArbitraries.js"
import { assertFails, collect, pick } from "./conformanceChecks.js"
import * as Listing from "./conformanceListing.js"
import * as Model from "./conformanceModel.js"

type Services = ThreadsService | ThreadsFake

type Command = fc.AsyncCommand<Model.Store, Runtime.Runtime<Services>>

const command = <A>(
  name: string,
  arbitrary: fc.Arbitrary<A>,
  program: (input: A, store: Model.Store) => Effect.Effect<void, ChatKitError.ChatKitError, Services>
): fc.Arbitrary<Command> =>
  arbitrary.map((input) => ({
    check: () => true,
    run: (store, runtime) => Runtime.runPromise(runtime)(program(input, store)),
    toString: () => `${name}(${JSON.stringify(input)})`
  }))

/** A thread the model knows (deleted or not), or (for -1, or in an empty store) one never issued. */
const thread = fc.oneof({ arbitrary: fc.nat(), weight: 9 }, { arbitrary: fc.constant(-1), weight: 1 })

const threadId = (store: Model.Store, index: number) =>
  (index < 0 ? undefined : pick(store.threads, index)?.id) ?? "cthr_never_issued"

const createThread = command(
  "createThread",
  Gen.threadInput,
  (input, store) =>
    Effect.map(Effect.flatMap(ThreadsFake, (admin) => admin.createThread(input)), (created) => {
      assert.strictEqual(created.user, input.user)
      assert.strictEqual(created.created_at, input.createdAt)
      Model.addThread(store, created)
    })
)

const addItem = command(
  "addItem",
  fc.record({ thread, input: Gen.itemInput }),
  (input, store) =>
    Effect.gen(function*() {
      const id = threadId(store, input.thread)
      const added = Effect.flatMap(ThreadsFake, (admin) => admin.addItem(id, input.input))
      if (!Model.isLive(store, id)) return yield* assertFails(added, "NotFoundError")
      store.items.get(id)?.push(yield* added)
    })
)

const deleteThread = command("deleteThread", fc.record({ thread }), (input, store) =>
  Effect.gen(function*() {
    const service = yield* ThreadsService
    const id = threadId(store, input.thread)
    if (!Model.isLive(store, id)) return yield* assertFails(service.delete(id), "NotFoundError")
    assert.deepStrictEqual(yield* service.delete(id), { id, object: "chatkit.thread.deleted", deleted: true })
    store.deleted.add(id)
  }))

const retrieve = command("retrieve", fc.record({ thread }), (input, store) =>
  Effect.gen(function*() {
    const service = yield* ThreadsService
    const id = threadId(store, input.thread)
    const expected = store.threads.find((thread) => thread.id === id)
    if (!Model.isLive(store, id) || expected === undefined) {
      return yield* assertFails(service.retrieve(id), "NotFoundError")
    }
    assert.deepStrictEqual(yield* service.retrieve(id), expected)
  }))

/**
 * One page or a full stream of the threads or of a thread's items, any window: the model's answer, a
 * `NotFoundError` naming a cursor never issued in the list (or for the items of a thread that does not
 * exist), a `BadRequestError` naming `limit` for a stream of `limit = 0` (its empty pages would never end).
 */
const list = command(
  "list",
  fc.record({
    items: fc.boolean(),
    thread,
    stream: fc.boolean(),
    limit: fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: Gen.limit, weight: 3 }),
    order: fc.constantFrom<ListParams.Order>("asc", "desc"),
    user: Gen.userFilter,
    after: Listing.cursor,
    before: Listing.cursor
  }),
  (input, store) =>
    Effect.gen(function*() {
      const service = yield* ThreadsService
      const id = threadId(store, input.thread)
      if (input.items && !Model.isLive(store, id)) {
        return yield* assertFails(
          input.stream ? collect(service.streamItems(id)) : service.listItems(id),
          "NotFoundError"
        )
      }
      const listing = input.items ? Listing.items(service, store, id) : Listing.threads(service, store)
      const { limit, order, user } = input
      const params = {
        limit,
        order,
        user,
        after: Listing.cursorOf(listing, input.after),
        before: Listing.cursorOf(listing, input.before)
      }
      if (!input.stream) {
        const expected = listing.page(params)
        if (Either.isLeft(expected)) return yield* assertFails(listing.list(params), "NotFoundError", expected.left)
        return yield* Listing.listChecked(listing, params)
      }
      const all = collect(listing.stream(params))
      if (limit === 0) return yield* assertFails(all, "BadRequestError", "limit")
      // the model's pages from the first on: the whole window, but for `before` read next to the cursor, where
      // it is the page next to the cursor
      const expected = Effect.runSync(Effect.either(Listing.walk(listing, listing.page, params)))
      if (Either.isLeft(expected)) return yield* assertFails(all, "NotFoundError", expected.left)
      assert.deepStrictEqual(yield* all, expected.right, "the stream")
    })
)

/**
 * A store seeded from a fixture, then sequences of operations on it (create thread, add item, delete thread,
 * retrieve, list or stream threads and items in any window, with cursors drawn from the model), on threads
 * that exist, were deleted or were never issued. Creations are drawn twice as often, so that stores grow.
 *
 * @internal
 */
export const arbitrary = fc.record({
  fixture: Gen.storeFixture({ maxThreads: 30, maxItems: 10 }),
  commands: fc.commands([createThread, createThread, addItem, addItem, deleteThread, retrieve, list], {
    maxCommands: 60,
    size: "max"
  })
})

/**
 * Seeds the store under test with the fixture and runs the sequence against it, checking every answer against
 * the model of a store that follows `beforeReading`.
 *
 * @internal
 */
export const run = (
  input: typeof arbitrary extends fc.Arbitrary<infer A> ? A : never,
  beforeReading: ThreadsFake.BeforeReading
): Effect.Effect<void, ChatKitError.ChatKitError, Services> =>
  Effect.gen(function*() {
    const model = Model.storeOf(yield* createFixture(input.fixture), beforeReading)
    const real = yield* Effect.runtime<Services>()
    yield* Effect.promise(() => fc.asyncModelRun(() => ({ model, real }), input.commands))
  })
