import { ThreadsService } from "@effect-chatkit/core"
import * as ChatKitClient from "@effect-chatkit/http/ChatKitClient"
import { Arbitraries, ChatKitFakeServer, ThreadsFake } from "@effect-chatkit/testing"
import * as Conformance from "@effect-chatkit/testing/Conformance"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Either, FastCheck, Layer, Redacted } from "effect"
import { runs } from "../../../test/runs.js"

const readings: ReadonlyArray<ThreadsFake.ThreadsFake.BeforeReading> = ["far-end", "next-to-cursor"]

const params = FastCheck.record({
  reading: FastCheck.constantFrom(...readings),
  order: FastCheck.constantFrom("asc" as const, "desc" as const),
  limit: FastCheck.integer({ min: 0, max: 6 }),
  after: FastCheck.option(FastCheck.nat(), { nil: undefined }),
  before: FastCheck.option(FastCheck.nat(), { nil: undefined }),
  user: FastCheck.option(FastCheck.nat(), { nil: undefined })
})

const pick = <A>(values: ReadonlyArray<A>, index: number | undefined): A | undefined =>
  index === undefined || values.length === 0 ? undefined : values[index % values.length]

describe("beforeReading", () => {
  it.effect.prop(
    "the fake answers thread and item lists as the conformance model does, in either reading",
    [Arbitraries.storeFixture({ maxThreads: 12, maxItems: 8 }), params],
    ([fixture, input]) =>
      Effect.gen(function*() {
        const seeded = yield* Arbitraries.createFixture(fixture)
        const threads = seeded.map(({ thread }) => thread)
        const live = new Set(seeded.filter(({ deleted }) => !deleted).map(({ thread }) => thread.id))
        const ids = threads.map((thread) => thread.id)
        const user = pick(threads, input.user)?.user
        const window = {
          order: input.order,
          limit: input.limit,
          after: pick(ids, input.after),
          before: pick(ids, input.before)
        }
        const page = yield* ThreadsService.list({ ...window, ...(user === undefined ? {} : { user }) })
        const expected = Conformance.expectedPage(
          threads,
          window,
          (thread) => live.has(thread.id) && (user === undefined || thread.user === user),
          input.reading
        )
        assert.deepStrictEqual(page, Either.getOrThrow(expected))

        const withItems = seeded.find(({ deleted, items }) => !deleted && items.length > 0)
        if (withItems === undefined) return
        const itemIds = withItems.items.map((item) => item.id)
        const entries = withItems.items.map((item) => ({ id: item.id, created_at: item.created_at, item }))
        const itemWindow = { ...window, after: pick(itemIds, input.after), before: pick(itemIds, input.before) }
        const items = yield* ThreadsService.listItems(withItems.thread.id, itemWindow)
        const expectedItems = Either.getOrThrow(
          Conformance.expectedPage(entries, itemWindow, undefined, input.reading)
        )
        assert.deepStrictEqual(items, { ...expectedItems, data: expectedItems.data.map(({ item }) => item) })
      }).pipe(Effect.provide(ThreadsFake.layer({ seed: 3, beforeReading: input.reading }))),
    { fastCheck: { numRuns: runs(40) } }
  )

  it.effect("next-to-cursor answers the threads right before the cursor; far-end the start of the list", () =>
    Effect.gen(function*() {
      const answers = yield* Effect.forEach(readings, (beforeReading) =>
        Effect.gen(function*() {
          const admin = yield* ThreadsFake.ThreadsFake
          const created = yield* Effect.forEach(
            Array.from({ length: 15 }, (_, index) => index),
            (index) => admin.createThread({ user: "u", createdAt: 1_700_000_000 + index })
          )
          const newest = [...created].reverse().map((thread) => thread.id)
          const [oldest] = created
          assert.isDefined(oldest)
          const page = yield* ThreadsService.list({ before: oldest.id, limit: 2 })
          assert.deepStrictEqual(
            [page.first_id, page.last_id, page.has_more],
            [page.data[0]?.id, page.data[1]?.id, true]
          )
          return page.data.map((thread) => newest.indexOf(thread.id) + 1)
        }).pipe(Effect.provide(ThreadsFake.layer({ beforeReading }))))
      assert.deepStrictEqual(answers, [[1, 2], [13, 14]])
    }))

  it.live("the fake server follows the reading it is given", () =>
    Effect.gen(function*() {
      const server = yield* ChatKitFakeServer.ChatKitFakeServer
      const admin = yield* server.admin("sk-test")
      const created = yield* Effect.forEach([1, 2, 3, 4, 5], (second) =>
        admin.createThread({ user: "u", createdAt: 1_700_000_000 + second }))
      const newest = created.at(-1)
      assert.isDefined(newest)
      const page = yield* ThreadsService.list({ order: "asc", before: newest.id, limit: 2 }).pipe(
        Effect.provide(
          ChatKitClient.layer({ apiKey: Redacted.make("sk-test"), baseUrl: server.url }).pipe(
            Layer.provide(NodeHttpClient.layerUndici)
          )
        )
      )
      assert.deepStrictEqual(page.data, created.slice(2, 4))
    }).pipe(Effect.provide(ChatKitFakeServer.layer({ beforeReading: "next-to-cursor" }))))
})
