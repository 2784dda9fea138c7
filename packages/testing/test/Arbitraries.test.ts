import { NotFoundError, SessionParams, Thread, ThreadItem, ThreadsService } from "@effect-chatkit/core"
import { Arbitraries, ThreadsFake } from "@effect-chatkit/testing"
import { assert, describe, it } from "@effect/vitest"
import { Array as Arr, Effect, FastCheck, Schema } from "effect"
import { runs } from "../../../test/runs.js"

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
      Arbitraries.unknownItem,
      Arbitraries.threadItem
    ],
    (items) => {
      assert.deepStrictEqual(
        items.slice(0, 7).map((item) => item.type),
        [
          "chatkit.user_message",
          "chatkit.assistant_message",
          "chatkit.widget",
          "chatkit.client_tool_call",
          "chatkit.task",
          "chatkit.task_group",
          "unknown"
        ]
      )
      for (const item of items) {
        assert.deepStrictEqual(throughWire(ThreadItem.ThreadItem, item), item)
        assert.match(item.id, /^cthi_[0-9a-f]{24}$/)
        assert.isTrue(isJsonSafe(Schema.encodeSync(ThreadItem.ThreadItem)(item)))
      }
      JSON.parse(items[2].widget)
      JSON.parse(items[3].arguments)
      const { output, status } = items[3]
      if (status === "in_progress" || status === "completed") {
        assert.strictEqual(output === null, status === "in_progress")
      }
    }
  )

  it("draws values the library does not know at every open point", () => {
    const items = FastCheck.sample(Arbitraries.threadItem, { numRuns: 400, seed: 7 })
    const statuses = FastCheck.sample(Arbitraries.thread, { numRuns: 100, seed: 7 }).map((thread) => thread.status)
    const unknown = (value: { readonly type: string }) => value.type === "unknown"
    const seen = {
      "item type": items.some(unknown),
      "thread status": statuses.some(unknown),
      "content part": items.some((item) => item.type === "chatkit.user_message" && item.content.some(unknown)),
      attachment: items.some((item) => item.type === "chatkit.user_message" && item.attachments.some(unknown)),
      annotation: items.some((item) =>
        item.type === "chatkit.assistant_message" && item.content.some((part) => part.annotations.some(unknown))
      ),
      "annotation source": items.some((item) =>
        item.type === "chatkit.assistant_message" &&
        item.content.some((part) => part.annotations.some((a) => a.type !== "unknown" && unknown(a.source)))
      ),
      "task type": items.some((item) =>
        item.type === "chatkit.task" && !["custom", "thought"].includes(item.task_type)
      ),
      "grouped task": items.some((item) => item.type === "chatkit.task_group" && item.tasks.some(unknown)),
      "tool call status": items.some((item) =>
        item.type === "chatkit.client_tool_call" && !["in_progress", "completed"].includes(item.status)
      )
    }
    assert.deepStrictEqual(Object.entries(seen).filter(([, drawn]) => !drawn).map(([point]) => point), [])
  })

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
        const assigned = {
          id: item.id,
          object: "chatkit.thread_item",
          created_at: createdAt ?? 0,
          thread_id: thread.id
        }
        // an unknown item has the assigned fields at its top level and in its JSON object
        assert.deepStrictEqual(
          item,
          (fields.type === "unknown"
            ? { type: "unknown", ...assigned, raw: { ...fields.raw, ...assigned } }
            : { ...fields, ...assigned }) as ThreadItem.ThreadItem
        )
        assert.isTrue(isJsonSafe(item))
        assert.deepStrictEqual(throughWire(ThreadItem.ThreadItem, item), item)
      }),
    { fastCheck: { numRuns: runs(50) } }
  )

  it.effect.prop(
    "createFixture creates a fixture: the snapshot holds its live threads and their items in creation order",
    [Arbitraries.storeFixture({ maxThreads: 12, maxUsers: 2, maxTimestamps: 2, maxItems: 4 })],
    ([fixture]) =>
      Effect.gen(function*() {
        const seeded = yield* Arbitraries.createFixture(fixture)
        assert.strictEqual(seeded.length, fixture.threads.length)
        Arr.zip(seeded, fixture.threads).forEach(([{ deleted, items, thread }, expected]) => {
          assert.strictEqual(deleted, expected.deleted)
          assert.strictEqual(thread.user, expected.input.user)
          assert.strictEqual(items.length, expected.items.length)
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
    { fastCheck: { numRuns: runs(50) } }
  )

  it.prop(
    "fixtures and admin inputs draw users and creation times from the arbitraries given, undefined leaving it out",
    [
      Arbitraries.storeFixture({
        user: FastCheck.constantFrom("a", "b"),
        createdAt: FastCheck.constantFrom(5, 6),
        maxItems: 2
      }),
      Arbitraries.threadInput({ user: FastCheck.constant("c"), createdAt: FastCheck.constantFrom(7, undefined) }),
      Arbitraries.itemInput({ createdAt: FastCheck.constantFrom(7, undefined) })
    ],
    ([{ threads }, thread, item]) => {
      for (const { input, items } of threads) {
        assert.include(["a", "b"], input.user)
        for (const { createdAt } of [input, ...items]) assert.include([5, 6], createdAt)
      }
      assert.strictEqual(thread.user, "c")
      for (const input of [thread, item]) {
        assert.strictEqual("createdAt" in input, input.createdAt === 7, JSON.stringify(input))
      }
    }
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
