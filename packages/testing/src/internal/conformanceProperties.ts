/**
 * The paging properties of the conformance suite, each written once for threads and for items: walks and
 * streams (while threads change), windows, `limit = 0`, cursors never issued; determinism; invalid parameters.
 *
 * @internal
 */
import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import type * as ListParams from "@effect-chatkit/core/ListParams"
import * as Thread from "@effect-chatkit/core/Thread"
import * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import { ThreadsService } from "@effect-chatkit/core/ThreadsService"
import { assert } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { createFixture, type StoreFixture } from "../Arbitraries.js"
import { ThreadsFake } from "../ThreadsFake.js"
import * as Gen from "./conformanceArbitraries.js"
import { assertFails, collect, pick, type Suite } from "./conformanceChecks.js"
import * as Listing from "./conformanceListing.js"
import * as Model from "./conformanceModel.js"

type Services = ThreadsService | ThreadsFake

const mutation = fc.record({
  deleteCursor: fc.boolean(),
  deletes: fc.array(fc.nat(), { maxLength: 3 }),
  creates: fc.array(Gen.threadInput, { maxLength: 3 })
})

type Mutation = typeof mutation extends fc.Arbitrary<infer A> ? A : never

/**
 * Applies the mutations one per call, in turn: deletes some live threads (and the cursor, when asked), then
 * creates others.
 */
const mutator = (store: Model.Store, mutations: ReadonlyArray<Mutation>) => {
  let next = 0
  return (cursor: string) =>
    Effect.gen(function*() {
      const service = yield* ThreadsService
      const admin = yield* ThreadsFake
      const mutation = mutations[next++]
      if (mutation === undefined) return
      const live = Model.liveThreads(store)
      const doomed = new Set(mutation.deletes.map((index) => pick(live, index)?.id))
      if (mutation.deleteCursor) doomed.add(cursor)
      for (const id of doomed) {
        if (!Model.isLive(store, id)) continue
        yield* service.delete(id)
        store.deleted.add(id)
      }
      for (const create of mutation.creates) Model.addThread(store, yield* admin.createThread(create))
    })
}

type Kind = "threads" | "items"

const seeded = (kind: Kind) => ({
  // lists of several pages: many threads (an item in some, for cursors of another list), or few threads with
  // many items, one of them live to list its items
  fixture: kind === "threads"
    ? Gen.storeFixture({ maxThreads: 60, maxItems: 1 })
    : Gen.storeFixture({ maxThreads: 3, maxItems: 40 }).filter(({ threads }) => threads.some((t) => !t.deleted)),
  order: Gen.order,
  user: Gen.userFilter
})

/** Seeds a fresh store with the fixture: its model, and the listing of `kind` (the items of the first live thread). */
const withListing = (kind: Kind, fixture: StoreFixture, beforeReading: ThreadsFake.BeforeReading) =>
  Effect.gen(function*() {
    const service = yield* ThreadsService
    const store = Model.storeOf(yield* createFixture(fixture), beforeReading)
    const listing = kind === "threads"
      ? Listing.threads(service, store)
      : Listing.items(service, store, Model.liveThreads(store)[0]?.id ?? assert.fail("the fixture keeps a thread"))
    return { listing, store }
  })

/**
 * The paging properties of one list (the threads, or the items of a live thread): page walks and full streams
 * give it whole and in order, every page the model's, and, for threads, while threads are deleted and created
 * between pages (and between the elements a stream gives) every thread present throughout once, in order;
 * windows; `limit = 0`; cursors never issued.
 *
 * @internal
 */
export const paging = (suite: Suite<Services>, beforeReading: ThreadsFake.BeforeReading, kind: Kind): void => {
  suite.test(
    kind === "threads"
      ? "a page walk and a full stream give every thread present throughout once, in order, for any limit and order, also while threads are deleted and created"
      : "a page walk and a full stream give the whole list in order, for any limit and order",
    fc.record({
      ...seeded(kind),
      limit: Gen.limit,
      // for threads, half the runs mutate the store while paging
      mutations: kind === "threads"
        ? fc.oneof(fc.constant([]), fc.array(mutation, { minLength: 1, maxLength: 12, size: "max" }))
        : fc.constant([])
    }),
    ({ fixture, mutations, ...params }, provide) =>
      provide(Effect.gen(function*() {
        const { listing, store } = yield* withListing(kind, fixture, beforeReading)
        // every element present at the start and throughout is seen once, nothing twice, in list order;
        // without mutations, exactly the list
        const assertSeen = (atStart: ReadonlyArray<Model.Entry>, seen: ReadonlyArray<Model.Entry>) => {
          const ids = seen.map((element) => element.id)
          if (mutations.length === 0) return assert.deepStrictEqual(ids, atStart.map(({ id }) => id))
          assert.strictEqual(new Set(ids).size, ids.length, "nothing is seen twice")
          for (const { id } of atStart) {
            if (!store.deleted.has(id)) assert.include(ids, id, "an element present throughout is seen")
          }
          const position = new Map(Model.ordered(listing.entries, params.order).map(({ id }, index) => [id, index]))
          const positions = ids.map((id) => position.get(id) ?? -1)
          assert.deepStrictEqual(positions, [...positions].sort((a, b) => a - b), "the order is kept")
        }
        // the model's whole list at the start, as a page walk without mutations gives it
        const atStart = () => Effect.runSync(Listing.walk(listing, listing.page, params))
        const checked = (params: ListParams.ListThreadsParams) => Listing.listChecked(listing, params)
        assertSeen(atStart(), yield* Listing.walk(listing, checked, params, mutator(store, mutations)))
        // the same with `stream`, mutating after each element it gives (so also between its page fetches)
        const mutate = mutator(store, mutations)
        assertSeen(atStart(), yield* collect(Stream.tap(listing.stream(params), (element) => mutate(element.id))))
      }))
  )

  suite.test(
    "after and before are exclusive positional bounds, alone or together, also at deleted elements; limit = 0 tells whether the window holds anything; a cursor never issued in this list is a NotFoundError naming it",
    fc.record({ ...seeded(kind), limit: Gen.limitOrZero, after: Listing.cursor, before: Listing.cursor }),
    (input, provide) =>
      provide(Effect.gen(function*() {
        const { listing } = yield* withListing(kind, input.fixture, beforeReading)
        const params = Listing.paramsOf(listing, input)
        yield* Listing.verify(listing, params, false)
        yield* Listing.verify(listing, params, true)
      }))
  )
}

const encode = Schema.encodeSync(
  Schema.Tuple(Schema.Array(Thread.Thread), Schema.Array(Schema.Array(ThreadItem.ThreadItem)))
)

/**
 * Same calls, same answers: two stores built from the layer and seeded alike list byte-identical JSON.
 *
 * @internal
 */
export const determinism = (suite: Suite<Services>): void =>
  suite.test(
    "the same seeding calls on two fresh stores give identical listings, ids included",
    Gen.storeFixture({ maxThreads: 15, maxItems: 2 }),
    (fixture, provide) =>
      Effect.gen(function*() {
        const listing = provide(Effect.gen(function*() {
          const service = yield* ThreadsService
          const seeded = yield* createFixture(fixture)
          const threads = yield* collect(service.stream({ order: "asc", limit: 100 }))
          const items = yield* Effect.forEach(
            seeded.filter(({ deleted }) => !deleted),
            ({ thread }) => collect(service.streamItems(thread.id, { order: "asc", limit: 100 }))
          )
          return JSON.stringify(encode([threads, items]))
        }))
        assert.strictEqual(yield* listing, yield* listing)
      })
  )

const invalid: ReadonlyArray<readonly [param: string, value: unknown]> = [
  ["limit", -1],
  ["limit", 101],
  ["limit", 1.5],
  ["order", "up"],
  ["after", ""],
  ["before", ""],
  ["user", ""],
  ["user", "u".repeat(513)]
]

/**
 * Invalid parameters are `BadRequestError`s naming the parameter: every fixed case on every operation.
 *
 * @internal
 */
export const validation = (suite: Suite<Services>): void =>
  suite.example(
    "invalid parameters are BadRequestErrors naming the parameter",
    (provide) =>
      provide(Effect.gen(function*() {
        const service = yield* ThreadsService
        const { id } = yield* Effect.flatMap(
          ThreadsFake,
          (admin) => admin.createThread({ user: "alice", createdAt: 1 })
        )
        for (const [param, value] of invalid) {
          // deliberately ill-typed input, as an untyped caller could send it
          const params = { [param]: value } as ListParams.ListThreadsParams
          const failing: ReadonlyArray<Effect.Effect<unknown, ChatKitError.ChatKitError>> = [
            service.list(params),
            collect(service.stream(params)),
            service.listItems(id, params),
            collect(service.streamItems(id, params))
          ]
          for (const effect of failing) yield* assertFails(effect, "BadRequestError", param)
        }
        yield* assertFails(service.retrieve(""), "BadRequestError", "thread_id")
        yield* assertFails(service.listItems(""), "BadRequestError", "thread_id")
      }))
  )
