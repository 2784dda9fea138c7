import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import type * as ListParams from "@effect-chatkit/core/ListParams"
import * as Thread from "@effect-chatkit/core/Thread"
import * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import { ThreadsService } from "@effect-chatkit/core/ThreadsService"
import { assert } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import type { StoreFixture } from "../Arbitraries.js"
import { ThreadsFake } from "../ThreadsFake.js"
import * as Gen from "./conformanceArbitraries.js"
import type { Example, Test } from "./conformanceChecks.js"
import { assertFails, collect, compact, pick } from "./conformanceChecks.js"
import * as Listing from "./conformanceListing.js"
import * as Model from "./conformanceModel.js"

/**
 * What the suite's properties need: the services under test, the way to register them, and the reading of
 * `before` the implementation follows.
 *
 * @internal
 */
export interface Suite {
  readonly test: Test<ThreadsService | ThreadsFake>
  readonly example: Example<ThreadsService | ThreadsFake>
  readonly beforeReading: ThreadsFake.BeforeReading
}

/**
 * The lists the paging properties run on.
 *
 * @internal
 */
export type Kind = "threads" | "items"

const seeded = (kind: Kind) => ({
  // lists of several pages: many threads (an item in some, for cursors of another list), or few threads with
  // many items, one of them live to list its items
  fixture: kind === "threads"
    ? Gen.storeFixture({ maxThreads: 60, maxItems: 1 })
    : Gen.storeFixture({ maxThreads: 3, maxItems: 40 }).filter((fixture) =>
      fixture.threads.some((thread) => !thread.deleted)
    ),
  /** Which thread's items to list (modulo the live threads); ignored for threads. */
  thread: fc.nat({ max: 3 }),
  order: Gen.order,
  user: kind === "threads" ? fc.option(Gen.userFilter, { nil: undefined }) : fc.constant(undefined)
})

/**
 * Seeds a fresh store and hands the chosen listing to `body`, typed for threads or items alike.
 */
const withListing = <R>(
  suite: Suite,
  kind: Kind,
  input: { readonly fixture: StoreFixture; readonly thread: number },
  body: <A extends Model.Entry>(listing: Listing.Listing<A>, store: Model.Store) => Effect.Effect<void, unknown, R>
) =>
  Effect.gen(function*() {
    const service = yield* ThreadsService
    const store = yield* Gen.createModelled(input.fixture, suite.beforeReading)
    if (kind === "threads") return yield* body(Listing.threads(service, store), store)
    const thread = pick(Model.liveThreads(store), input.thread) ?? assert.fail("the fixture keeps a thread")
    return yield* body(Listing.items(service, store, thread.id), store)
  })

const mutation = fc.record({
  deleteCursor: fc.boolean(),
  deletes: fc.array(fc.nat(), { maxLength: 3 }),
  creates: fc.array(
    Gen.threadInWindow,
    { maxLength: 3 }
  )
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

/**
 * The paging properties of one list: page walks and full streams, while threads are deleted and created;
 * windows; `limit = 0`; cursors never issued.
 *
 * @internal
 */
export const paging = (suite: Suite, kind: Kind): void => {
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
    (input, provide) =>
      provide(withListing(suite, kind, input, (listing, store) =>
        Effect.gen(function*() {
          const params = compact({ limit: input.limit, order: input.order, user: input.user })
          // every element present at the start and throughout is seen once, nothing twice, in list order;
          // without mutations, exactly the list
          const assertSeen = (atStart: ReadonlyArray<Model.Entry>, seen: ReadonlyArray<Model.Entry>) => {
            const ids = seen.map((element) => element.id)
            if (input.mutations.length === 0) return assert.deepStrictEqual(ids, atStart.map(({ id }) => id))
            assert.strictEqual(new Set(ids).size, ids.length, "nothing is seen twice")
            for (const { id } of atStart) {
              if (!store.deleted.has(id)) assert.include(ids, id, "an element present throughout is seen")
            }
            const position = new Map(Model.ordered(listing.entries, input.order).map(({ id }, index) => [id, index]))
            const positions = ids.map((id) => position.get(id) ?? -1)
            assert.deepStrictEqual(positions, [...positions].sort((a, b) => a - b), "the order is kept")
          }

          const walkStart = Either.getOrThrow(Listing.streamed(listing, params))
          const pages = yield* Listing.walkPages(
            listing,
            params,
            listing.entries.length + 40,
            mutator(store, input.mutations)
          )
          assertSeen(walkStart, pages.flatMap((page) => page.data))
          if (input.mutations.length === 0) {
            assert.strictEqual(pages.length, Math.max(1, Math.ceil(walkStart.length / input.limit)), "pages")
          }

          // the same with `stream`, mutating after each element it gives (so also between its page fetches)
          const streamStart = Either.getOrThrow(Listing.streamed(listing, params))
          const mutate = mutator(store, input.mutations)
          assertSeen(streamStart, yield* collect(Stream.tap(listing.stream(params), (element) => mutate(element.id))))
        })))
  )

  suite.test(
    "after and before are exclusive positional bounds, alone or together, also at deleted elements; limit = 0 tells whether the window holds anything; a cursor never issued in this list is a NotFoundError naming it",
    fc.record({
      ...seeded(kind),
      limit: fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: Gen.limit, weight: 3 }),
      after: Listing.cursor,
      before: Listing.cursor
    }),
    (input, provide) =>
      provide(withListing(suite, kind, input, (listing) => {
        const params = Listing.paramsOf(listing, input)
        return Effect.zipRight(Listing.verifyPage(listing, params), Listing.verifyStream(listing, params))
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
export const determinism = (suite: Suite): void =>
  suite.test(
    "the same seeding calls on two fresh stores give identical listings, ids included",
    Gen.storeFixture({ maxThreads: 15, maxItems: 2 }),
    (fixture, provide) =>
      Effect.gen(function*() {
        const listing = provide(Effect.gen(function*() {
          const service = yield* ThreadsService
          const store = yield* Gen.createModelled(fixture, suite.beforeReading)
          const threads = yield* collect(service.stream({ order: "asc", limit: 100 }))
          const items = yield* Effect.forEach(
            Model.liveThreads(store),
            (thread) => collect(service.streamItems(thread.id, { order: "asc", limit: 100 }))
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
export const validation = (suite: Suite): void =>
  suite.example(
    "invalid parameters are BadRequestErrors naming the parameter",
    (provide) =>
      provide(Effect.gen(function*() {
        const service = yield* ThreadsService
        const store = yield* Gen.createModelled(
          { threads: [{ input: { user: "alice", createdAt: 1 }, items: [], deleted: false }] },
          suite.beforeReading
        )
        const threadId = store.threads[0]?.id ?? assert.fail("the seeded thread")
        for (const [param, value] of invalid) {
          // deliberately ill-typed input, as an untyped caller could send it
          const params = { [param]: value } as ListParams.ListThreadsParams
          const failing: ReadonlyArray<Effect.Effect<unknown, ChatKitError.ChatKitError>> = [
            service.list(params),
            collect(service.stream(params)),
            service.listItems(threadId, params),
            collect(service.streamItems(threadId, params))
          ]
          for (const effect of failing) yield* assertFails(effect, "BadRequestError", param)
        }
        yield* assertFails(service.retrieve(""), "BadRequestError", "thread_id")
        yield* assertFails(service.listItems(""), "BadRequestError", "thread_id")
      }))
  )
