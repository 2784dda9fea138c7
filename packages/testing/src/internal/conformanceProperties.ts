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
import { ThreadsFake } from "../ThreadsFake.js"
import * as Arbitraries from "./conformanceArbitraries.js"
import { assertFails, assertPage, collect, walkPages } from "./conformanceChecks.js"
import * as Listing from "./conformanceListing.js"
import * as Model from "./conformanceModel.js"

/**
 * Runs a program against a store built afresh from the layer under test.
 *
 * @internal
 */
export type Provide = <A, E>(effect: Effect.Effect<A, E, ThreadsService | ThreadsFake>) => Effect.Effect<A, unknown>

/**
 * Registers one property: `run` gets each generated input and the way to reach a fresh store.
 *
 * @internal
 */
export type Test = <A>(
  name: string,
  arbitrary: fc.Arbitrary<A>,
  run: (input: A, provide: Provide) => Effect.Effect<void, unknown>
) => void

/**
 * The lists the paging properties run on.
 *
 * @internal
 */
export type Kind = "threads" | "items"

interface Seeded {
  readonly steps: ReadonlyArray<Arbitraries.SeedStep>
  /** Which thread's items to list (modulo the live threads); ignored for threads. */
  readonly thread: number
}

const seeded = (kind: Kind, maxSteps: number) => ({
  steps: Arbitraries.seedSteps({ maxSteps, deletes: kind === "threads" }),
  thread: fc.nat({ max: 3 })
})

const userOf = (kind: Kind) =>
  kind === "threads" ? fc.option(Arbitraries.userFilter, { nil: undefined }) : fc.constant(undefined)

/**
 * Seeds a fresh store and hands the chosen listing to `body`, typed for threads or items alike.
 */
const withListing = (
  kind: Kind,
  input: Seeded,
  body: <A>(listing: Listing.Listing<A>, store: Model.Store) => Effect.Effect<void, unknown>
) =>
  Effect.gen(function*() {
    const service = yield* ThreadsService
    const store = yield* Arbitraries.applySeed(input.steps)
    if (kind === "threads") return yield* body(Listing.threads(service, store), store)
    const live = Model.liveThreads(store)
    return yield* body(Listing.items(service, store, live[input.thread % live.length]!.id), store)
  })

const pageCount = (size: number, limit: number) => Math.max(1, Math.ceil(size / limit))

/**
 * The paging properties of one list (§5.1–5.4 of the contract).
 *
 * @internal
 */
export const paging = (kind: Kind, test: Test): void => {
  test(
    "a full stream and a page walk give the whole list in order, for any limit and order",
    fc.record({ ...seeded(kind, 150), limit: Arbitraries.limit, order: Arbitraries.order, user: userOf(kind) }),
    (input, provide) =>
      provide(withListing(kind, input, (listing) =>
        Effect.gen(function*() {
          const params = Listing.compact({ limit: input.limit, order: input.order, user: input.user })
          const expected = Either.getOrThrow(listing.window(params))
          const pages = yield* walkPages(undefined, expected.length + 1, (after) => {
            const pageParams = Listing.compact({ ...params, after })
            return Effect.tap(
              listing.list(pageParams),
              (page) => assertPage(page, listing.page(pageParams), input.limit, listing.idOf)
            )
          })
          assert.deepStrictEqual(pages.flatMap((page) => page.data), expected, "the pages")
          assert.strictEqual(pages.length, pageCount(expected.length, input.limit), "the number of pages")
          yield* Listing.verifyStream(listing, params)
        })))
  )

  test(
    "after and before are exclusive positional bounds, alone or together, also at deleted elements",
    fc.record({
      ...seeded(kind, 120),
      limit: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 100 })),
      order: Arbitraries.order,
      user: userOf(kind),
      after: fc.option(fc.nat(), { nil: undefined }),
      before: fc.option(fc.nat(), { nil: undefined })
    }),
    (input, provide) =>
      provide(withListing(kind, input, (listing) =>
        Effect.gen(function*() {
          const params = Listing.compact({
            limit: input.limit,
            order: input.order,
            user: input.user,
            after: Listing.pick(listing.ids, input.after),
            before: Listing.pick(listing.ids, input.before)
          })
          yield* Listing.verifyPage(listing, params)
          if (input.limit > 0) yield* Listing.verifyStream(listing, params)
        })))
  )

  test(
    "limit = 0 gives an empty page that tells whether the window holds anything",
    fc.record({
      ...seeded(kind, 60),
      order: Arbitraries.order,
      user: userOf(kind),
      after: fc.option(fc.nat(), { nil: undefined })
    }),
    (input, provide) =>
      provide(withListing(kind, input, (listing) =>
        Effect.gen(function*() {
          const after = Listing.pick(listing.ids, input.after)
          const params = Listing.compact({ limit: 0, order: input.order, user: input.user, after })
          const page = yield* listing.list(params)
          assert.deepStrictEqual(page.data, [])
          assert.isNull(page.first_id)
          assert.isNull(page.last_id)
          assert.strictEqual(page.has_more, Either.getOrThrow(listing.window(params)).length > 0, "has_more")
          yield* assertFails(collect(listing.stream(params)), "BadRequestError", "limit")
        })))
  )

  test(
    "a cursor never issued in this list is a NotFoundError naming it",
    fc.record({
      ...seeded(kind, 40),
      param: fc.constantFrom("after" as const, "before" as const),
      suffix: fc.stringMatching(/^[0-9a-f]{1,24}$/),
      order: Arbitraries.order
    }),
    (input, provide) =>
      provide(withListing(kind, input, (listing, store) =>
        Effect.gen(function*() {
          const never = `${kind === "threads" ? "cthr" : "cthi"}_never_${input.suffix}`
          // an id issued in the other collection: an item's for threads, a thread's for items
          const foreign = kind === "threads"
            ? [...store.items.values()].flat()[0]?.id
            : store.threads[0]!.id
          for (const id of foreign === undefined ? [never] : [never, foreign]) {
            const params = { order: input.order, [input.param]: id }
            yield* assertFails(listing.list(params), "NotFoundError", input.param)
            yield* assertFails(collect(listing.stream(params)), "NotFoundError", input.param)
          }
        })))
  )
}

/**
 * The properties of threads only: the `user` filter, paging while others delete and create, 404s.
 *
 * @internal
 */
export const threads = (test: Test): void => {
  test(
    "the user filter gives exactly that user's threads, in order",
    fc.record({
      steps: Arbitraries.seedSteps({ maxSteps: 120, deletes: true }),
      user: Arbitraries.userFilter,
      limit: Arbitraries.limit,
      order: Arbitraries.order
    }),
    (input, provide) =>
      provide(Effect.gen(function*() {
        const service = yield* ThreadsService
        const store = yield* Arbitraries.applySeed(input.steps)
        const params = { user: input.user, limit: input.limit, order: input.order }
        const streamed = yield* collect(service.stream(params))
        for (const thread of streamed) assert.strictEqual(thread.user, input.user, "the user of a listed thread")
        const expected = Model.liveThreads(store).filter((thread) => thread.user === input.user)
        assert.sameMembers(streamed.map((thread) => thread.id), expected.map((thread) => thread.id))
        assert.deepStrictEqual(streamed, Model.ordered(expected, input.order))
      }))
  )

  test(
    "paging while threads are deleted and created sees every thread present throughout exactly once, in order",
    fc.record({
      steps: Arbitraries.seedSteps({ maxSteps: 100, deletes: true }),
      limit: fc.integer({ min: 1, max: 15 }),
      order: Arbitraries.order,
      user: fc.option(Arbitraries.userFilter, { nil: undefined }),
      mutations: fc.array(
        fc.record({
          deleteCursor: fc.boolean(),
          deletes: fc.array(fc.nat(), { maxLength: 3 }),
          creates: fc.array(
            fc.record({ user: fc.constantFrom(...Arbitraries.users), createdAt: Arbitraries.tiedCreatedAt }),
            {
              maxLength: 3
            }
          )
        }),
        { maxLength: 12, size: "max" }
      )
    }),
    (input, provide) =>
      provide(Effect.gen(function*() {
        const service = yield* ThreadsService
        const admin = yield* ThreadsFake
        const store = yield* Arbitraries.applySeed(input.steps)
        const params = Listing.compact({ limit: input.limit, order: input.order, user: input.user })
        const listing = Listing.threads(service, store)
        type Mutation = (typeof input.mutations)[number]
        // deletes some live threads (and the cursor, when asked) and creates others
        const mutate = (mutation: Mutation | undefined, cursor: string | undefined) =>
          Effect.gen(function*() {
            if (mutation === undefined) return
            const live = Model.liveThreads(store)
            const doomed = new Set(mutation.deletes.map((index) => Listing.pick(live, index)?.id))
            if (mutation.deleteCursor) doomed.add(cursor)
            for (const id of doomed) {
              if (id === undefined || store.deleted.has(id)) continue
              yield* service.delete(id)
              Model.deleteThread(store, id)
            }
            for (const create of mutation.creates) Model.addThread(store, yield* admin.createThread(create))
          })
        // every thread listed at the start and never deleted is seen once, nothing twice, in list order
        const assertSeen = (atStart: ReadonlyArray<Thread.Thread>, seen: ReadonlyArray<string>) => {
          assert.strictEqual(new Set(seen).size, seen.length, "no thread is seen twice")
          for (const { id } of atStart) {
            if (!store.deleted.has(id)) assert.include(seen, id, "a thread present throughout is seen")
          }
          const position = new Map(Model.ordered(store.threads, input.order).map((thread, index) => [thread.id, index]))
          const positions = seen.map((id) => position.get(id)!)
          assert.deepStrictEqual(positions, [...positions].sort((a, b) => a - b), "the order is kept")
        }

        // page by page with `list`, mutating between pages, each page as the model says at that moment
        const atStart = Either.getOrThrow(listing.window(params))
        let round = 0
        const pages = yield* walkPages(undefined, store.threads.length + 40, (after) =>
          Effect.gen(function*() {
            yield* mutate(after === undefined ? undefined : input.mutations[round++], after)
            const pageParams = Listing.compact({ ...params, after })
            const page = yield* service.list(pageParams)
            assertPage(page, listing.page(pageParams), input.limit, listing.idOf)
            return page
          }))
        assertSeen(atStart, pages.flatMap((page) => page.data.map((thread) => thread.id)))

        // the same with `stream`, mutating after each element it gives (so also between its page fetches)
        const streamStart = Either.getOrThrow(listing.window(params))
        let element = 0
        const streamed = yield* collect(
          Stream.tap(service.stream(params), (thread) => mutate(input.mutations[element++], thread.id))
        )
        assertSeen(streamStart, streamed.map((thread) => thread.id))
      }))
  )

  test(
    "retrieve, delete and listItems of a deleted or never issued thread are NotFoundErrors",
    fc.record({ steps: Arbitraries.seedSteps({ maxSteps: 20, deletes: true }), thread: fc.nat() }),
    (input, provide) =>
      provide(Effect.gen(function*() {
        const service = yield* ThreadsService
        const store = yield* Arbitraries.applySeed(input.steps)
        for (const thread of Model.liveThreads(store).slice(0, 5)) {
          assert.deepStrictEqual(yield* service.retrieve(thread.id), thread, "a live thread is retrieved")
        }
        const live = Model.liveThreads(store)
        const target = live[input.thread % Math.max(1, live.length)]
        if (target !== undefined) {
          assert.deepStrictEqual(yield* service.delete(target.id), {
            id: target.id,
            object: "chatkit.thread.deleted",
            deleted: true
          })
          Model.deleteThread(store, target.id)
        }
        for (const id of [...[...store.deleted].slice(-3), "cthr_never_issued"]) {
          yield* assertFails(service.retrieve(id), "NotFoundError")
          yield* assertFails(service.delete(id), "NotFoundError")
          yield* assertFails(service.listItems(id), "NotFoundError")
          yield* assertFails(collect(service.streamItems(id)), "NotFoundError")
        }
        const streamed = yield* collect(service.stream({ limit: 100 }))
        assert.deepStrictEqual(streamed, Model.ordered(Model.liveThreads(store), "desc"), "deleted threads are gone")
      }))
  )
}

const encodeThreads = Schema.encodeSync(Schema.Array(Thread.Thread))
const encodeItems = Schema.encodeSync(Schema.Array(ThreadItem.ThreadItem))

/**
 * Same calls, same answers: two stores built from the layer and seeded alike list byte-identical JSON.
 *
 * @internal
 */
export const determinism = (test: Test): void =>
  test(
    "the same seeding calls on two fresh stores give identical listings, ids included",
    Arbitraries.seedSteps({ maxSteps: 60, deletes: true }),
    (steps, provide) =>
      Effect.gen(function*() {
        const listing = provide(Effect.gen(function*() {
          const service = yield* ThreadsService
          const store = yield* Arbitraries.applySeed(steps)
          const threads = yield* collect(service.stream({ order: "asc", limit: 100 }))
          const items = yield* Effect.forEach(store.threads, (thread) =>
            store.deleted.has(thread.id)
              ? Effect.succeed([])
              : collect(service.streamItems(thread.id, { order: "asc", limit: 100 })))
          return JSON.stringify([encodeThreads(threads), items.map((list) => encodeItems(list))])
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

const operations = ["list", "stream", "listItems", "streamItems"] as const

/**
 * Registers one example: `run` gets the way to reach a fresh service.
 *
 * @internal
 */
export type Example = (name: string, run: (provide: Provide) => Effect.Effect<void, unknown>) => void

/**
 * Invalid parameters are `BadRequestError`s naming the parameter: every fixed case on every operation.
 *
 * @internal
 */
export const validation = (example: Example): void =>
  example(
    "invalid parameters are BadRequestErrors naming the parameter",
    (provide) =>
      provide(Effect.gen(function*() {
        const service = yield* ThreadsService
        const store = yield* Arbitraries.applySeed([{ _tag: "CreateThread", user: "alice", title: null, createdAt: 1 }])
        const threadId = store.threads[0]!.id
        for (const [param, value] of invalid) {
          // deliberately ill-typed input, as an untyped caller could send it
          const params = { [param]: value } as ListParams.ListThreadsParams
          const failing: Record<(typeof operations)[number], Effect.Effect<unknown, ChatKitError.ChatKitError>> = {
            list: service.list(params),
            stream: collect(service.stream(params)),
            listItems: service.listItems(threadId, params),
            streamItems: collect(service.streamItems(threadId, params))
          }
          for (const operation of operations) yield* assertFails(failing[operation], "BadRequestError", param)
        }
        yield* assertFails(service.retrieve(""), "BadRequestError", "thread_id")
        yield* assertFails(service.listItems(""), "BadRequestError", "thread_id")
      }))
  )
