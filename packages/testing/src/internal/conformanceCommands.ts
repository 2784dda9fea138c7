/**
 * The model-based run of the conformance suite: random sequences of creations, item additions, deletes,
 * retrieves, lists and streams (`fc.commands`), each answer checked against the model of the store.
 *
 * @internal
 */
import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import { ThreadsService } from "@effect-chatkit/core/ThreadsService"
import { assert } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Runtime from "effect/Runtime"
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

const list = command(
  "list",
  fc.record({
    items: fc.boolean(),
    thread,
    stream: fc.boolean(),
    limit: Gen.limitOrZero,
    order: Gen.order,
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
      return yield* Listing.verify(listing, Listing.paramsOf(listing, input), input.stream)
    })
)

/**
 * Sequences of operations (create thread, add item, delete thread, retrieve, list or stream threads and items
 * with cursors drawn from the model), on threads that exist, were deleted or were never issued. Creations are
 * drawn twice as often, so that stores grow.
 *
 * @internal
 */
export const arbitrary: fc.Arbitrary<Iterable<Command>> = fc.commands(
  [createThread, createThread, addItem, addItem, deleteThread, retrieve, list],
  { maxCommands: 60, size: "max" }
)

/**
 * Runs a sequence against the service in context, checking every answer against the model of an empty store
 * that follows `beforeReading`.
 *
 * @internal
 */
export const run = (
  sequence: Iterable<Command>,
  beforeReading: ThreadsFake.BeforeReading
): Effect.Effect<void, never, Services> =>
  Effect.flatMap(
    Effect.runtime<Services>(),
    (real) =>
      Effect.promise(() => fc.asyncModelRun(() => ({ model: Model.storeOf([], beforeReading), real }), sequence))
  )
