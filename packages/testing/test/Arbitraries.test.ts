import { NotFoundError, SessionParams, Thread, ThreadItem, ThreadsService } from "@effect-chatkit/core"
import { Arbitraries, ThreadsFake } from "@effect-chatkit/testing"
import { assert, describe, it } from "@effect/vitest"
import { Effect, FastCheck, Schema } from "effect"

/** Encodes to JSON text and decodes it back, as the wire does. */
const throughWire = <A, I>(schema: Schema.Schema<A, I>, value: A): A =>
  Schema.decodeUnknownSync(schema)(JSON.parse(JSON.stringify(Schema.encodeSync(schema)(value))))

const isJsonSafe = (value: unknown) => JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value)

describe("Arbitraries", () => {
  it.prop(
    "session params are valid, survive JSON unchanged, and leave absent fields absent",
    [Arbitraries.createSessionParams],
    ([params]) => {
      assert.deepStrictEqual(throughWire(SessionParams.CreateSessionParams, params), params)
      assert.isTrue(isJsonSafe(params))
      assert.isFalse(Object.values(params).includes(undefined))
    }
  )

  it.prop("threads and statuses survive the wire unchanged", [Arbitraries.thread, Arbitraries.threadStatus], (
    [thread, status]
  ) => {
    assert.deepStrictEqual(throughWire(Thread.Thread, thread), thread)
    assert.deepStrictEqual(throughWire(Thread.ThreadStatus, status), status)
    assert.match(thread.id, /^cthr_[0-9a-f]{24}$/)
    assert.isTrue(Number.isSafeInteger(thread.created_at) && thread.created_at >= 0)
  })

  it.prop(
    "every item variant survives the wire unchanged",
    [
      Arbitraries.userMessageItem,
      Arbitraries.assistantMessageItem,
      Arbitraries.widgetItem,
      Arbitraries.clientToolCallItem,
      Arbitraries.taskItem,
      Arbitraries.taskGroupItem,
      Arbitraries.threadItem
    ],
    (items) => {
      assert.deepStrictEqual(
        items.map((item) => item.type),
        [
          "chatkit.user_message",
          "chatkit.assistant_message",
          "chatkit.widget",
          "chatkit.client_tool_call",
          "chatkit.task",
          "chatkit.task_group",
          items[6].type
        ]
      )
      for (const item of items) {
        assert.deepStrictEqual(throughWire(ThreadItem.ThreadItem, item), item)
        assert.match(item.id, /^cthi_[0-9a-f]{24}$/)
      }
      JSON.parse(items[2].widget)
      JSON.parse(items[3].arguments)
      assert.strictEqual(items[3].output === null, items[3].status === "in_progress")
    }
  )

  it.effect.prop(
    "admin inputs are accepted by the fake and kept as given",
    [Arbitraries.threadInput(), Arbitraries.itemInput()],
    ([threadInput, itemInput]) =>
      Effect.gen(function*() {
        const { admin } = yield* ThreadsFake.make()
        const thread = yield* admin.createThread(threadInput)
        assert.include(thread, { user: threadInput.user, title: threadInput.title ?? null })
        assert.deepStrictEqual(thread.status, threadInput.status ?? { type: "active" })
        if (threadInput.createdAt !== undefined) assert.strictEqual(thread.created_at, threadInput.createdAt)
        const item = yield* admin.addItem(thread.id, itemInput)
        const { createdAt, ...fields } = itemInput
        assert.deepStrictEqual(item, {
          ...fields,
          id: item.id,
          object: "chatkit.thread_item",
          created_at: createdAt ?? 0,
          thread_id: thread.id
        } as ThreadItem.ThreadItem)
        assert.isTrue(isJsonSafe(item))
        assert.deepStrictEqual(throughWire(ThreadItem.ThreadItem, item), item)
      }),
    { fastCheck: { numRuns: 50 } }
  )

  it.prop("store fixtures have few users and few timestamps", [Arbitraries.storeFixture()], ([fixture]) => {
    const threads = fixture.threads
    assert.isAtMost(threads.length, 30)
    assert.isAtMost(new Set(threads.map(({ input }) => input.user)).size, 3)
    const timestamps = new Set(
      threads.flatMap(({ input, items }) => [input.createdAt, ...items.map((i) => i.createdAt)])
    )
    assert.isAtMost([...timestamps].filter((at) => at !== undefined).length, 4)
    assert.isTrue(threads.every(({ input }) => input.createdAt !== undefined))
    assert.isTrue(threads.every(({ items }) => items.length <= 5))
  })

  it.effect.prop(
    "seed creates a fixture: the snapshot holds its live threads and their items in creation order",
    [Arbitraries.storeFixture({ maxThreads: 12, maxUsers: 2, maxTimestamps: 2, maxItems: 4 })],
    ([fixture]) =>
      Effect.gen(function*() {
        const seeded = yield* Arbitraries.seed(fixture)
        assert.strictEqual(seeded.length, fixture.threads.length)
        seeded.forEach(({ deleted, items, thread }, i) => {
          assert.strictEqual(deleted, fixture.threads[i]!.deleted)
          assert.strictEqual(thread.user, fixture.threads[i]!.input.user)
          assert.strictEqual(items.length, fixture.threads[i]!.items.length)
        })
        const live = seeded.filter(({ deleted }) => !deleted)
        const snapshot = yield* (yield* ThreadsFake.ThreadsFake).snapshot
        assert.deepStrictEqual(snapshot, {
          threads: live.map(({ thread }) => thread),
          items: live.flatMap(({ items }) => items)
        })
        for (const { thread } of seeded.filter(({ deleted }) => deleted)) {
          assert.instanceOf(yield* Effect.flip(ThreadsService.retrieve(thread.id)), NotFoundError)
        }
      }).pipe(Effect.provide(ThreadsFake.layer())),
    { fastCheck: { numRuns: 50 } }
  )

  it("fixtures tie timestamps and delete some threads", () => {
    const fixtures = FastCheck.sample(Arbitraries.storeFixture(), { numRuns: 50, seed: 1 })
    const tied = fixtures.some(({ threads }) =>
      new Set(threads.map(({ input }) => input.createdAt)).size < threads.length
    )
    assert.isTrue(tied)
    assert.isTrue(fixtures.some(({ threads }) => threads.some(({ deleted }) => deleted)))
  })
})
