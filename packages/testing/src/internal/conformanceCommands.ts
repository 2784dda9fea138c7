import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import { ThreadsService } from "@effect-chatkit/core/ThreadsService"
import { assert } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Runtime from "effect/Runtime"
import { ThreadsFake } from "../ThreadsFake.js"
import * as Arbitraries from "./conformanceArbitraries.js"
import { assertFails } from "./conformanceChecks.js"
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

/** A thread the model knows, deleted or not; `undefined` when there is none. */
const anyThread = (store: Model.Store, index: number) => Listing.pick(store.threads, index)

const missing = "cthr_never_issued"

const cursor = fc.option(fc.oneof({ arbitrary: fc.nat(), weight: 9 }, { arbitrary: fc.constant(-1), weight: 1 }), {
  nil: undefined
})

/** A cursor drawn from the ids the model issued, or (for -1) one it never issued. */
const cursorOf = (ids: ReadonlyArray<string>, index: number | undefined) =>
  index === -1 ? "cthx_never_issued" : Listing.pick(ids, index)

const listParams = {
  limit: fc.integer({ min: 0, max: 100 }),
  order: Arbitraries.order,
  after: cursor,
  before: cursor
}

const createThread = command(
  "createThread",
  fc.record({ user: fc.constantFrom(...Arbitraries.users), createdAt: Arbitraries.tiedCreatedAt }),
  (input, store) =>
    Effect.map(Effect.flatMap(ThreadsFake, (admin) => admin.createThread(input)), (thread) => {
      assert.strictEqual(thread.user, input.user)
      assert.strictEqual(thread.created_at, input.createdAt)
      Model.addThread(store, thread)
    })
)

const addItem = command(
  "addItem",
  fc.record({ thread: fc.nat(), createdAt: Arbitraries.tiedCreatedAt }),
  (input, store) =>
    Effect.gen(function*() {
      const admin = yield* ThreadsFake
      const thread = anyThread(store, input.thread)
      const added = admin.addItem(thread?.id ?? missing, Arbitraries.sampleItem(input.createdAt))
      if (thread === undefined || store.deleted.has(thread.id)) return yield* assertFails(added, "NotFoundError")
      Model.addItem(store, thread.id, yield* added)
    })
)

/** Creations are listed twice, so that they are drawn more often and stores grow. */
const commands: ReadonlyArray<fc.Arbitrary<Command>> = [
  createThread,
  createThread,
  addItem,
  addItem,
  command("deleteThread", fc.record({ thread: fc.nat() }), (input, store) =>
    Effect.gen(function*() {
      const service = yield* ThreadsService
      const thread = anyThread(store, input.thread)
      if (thread === undefined || store.deleted.has(thread.id)) {
        return yield* assertFails(service.delete(thread?.id ?? missing), "NotFoundError")
      }
      const deleted = yield* service.delete(thread.id)
      assert.deepStrictEqual(deleted, { id: thread.id, object: "chatkit.thread.deleted", deleted: true })
      Model.deleteThread(store, thread.id)
    })),
  command("retrieve", fc.record({ thread: fc.nat() }), (input, store) =>
    Effect.gen(function*() {
      const service = yield* ThreadsService
      const thread = anyThread(store, input.thread)
      if (thread === undefined || store.deleted.has(thread.id)) {
        return yield* assertFails(service.retrieve(thread?.id ?? missing), "NotFoundError")
      }
      assert.deepStrictEqual(yield* service.retrieve(thread.id), thread)
    })),
  command(
    "list",
    fc.record({ ...listParams, user: fc.option(Arbitraries.userFilter, { nil: undefined }), stream: fc.boolean() }),
    (input, store) =>
      Effect.flatMap(ThreadsService, (service) => {
        const listing = Listing.threads(service, store)
        const params = Listing.compact({
          limit: input.stream ? Math.max(1, input.limit) : input.limit,
          order: input.order,
          user: input.user,
          after: cursorOf(listing.ids, input.after),
          before: cursorOf(listing.ids, input.before)
        })
        return input.stream ? Listing.verifyStream(listing, params) : Listing.verifyPage(listing, params)
      })
  ),
  command(
    "listItems",
    fc.record({ ...listParams, thread: fc.nat(), stream: fc.boolean() }),
    (input, store) =>
      Effect.flatMap(ThreadsService, (service) => {
        const thread = anyThread(store, input.thread)
        if (thread === undefined || store.deleted.has(thread.id)) {
          return assertFails(service.listItems(thread?.id ?? missing), "NotFoundError")
        }
        const listing = Listing.items(service, store, thread.id)
        const params = Listing.compact({
          limit: input.stream ? Math.max(1, input.limit) : input.limit,
          order: input.order,
          after: cursorOf(listing.ids, input.after),
          before: cursorOf(listing.ids, input.before)
        })
        return input.stream ? Listing.verifyStream(listing, params) : Listing.verifyPage(listing, params)
      })
  )
]

/**
 * Sequences of operations (create thread, add item, delete thread, list or stream threads and items with
 * cursors drawn from the model, retrieve).
 *
 * @internal
 */
export const arbitrary: fc.Arbitrary<Iterable<Command>> = fc.commands([...commands], { maxCommands: 60, size: "max" })

/**
 * Runs a sequence against the service in context, checking every answer against a fresh model.
 *
 * @internal
 */
export const run = (sequence: Iterable<Command>): Effect.Effect<void, never, Services> =>
  Effect.flatMap(
    Effect.runtime<Services>(),
    (runtime) => Effect.promise(() => fc.asyncModelRun(() => ({ model: Model.emptyStore(), real: runtime }), sequence))
  )
