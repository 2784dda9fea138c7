import type { ListParams, Thread } from "@effect-chatkit/core"
import { ChatKitError, Page, ThreadsService } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Array as Arr, Cause, Chunk, Effect, Exit, FastCheck, Option, Ref, Stream } from "effect"

const thread = (id: string): Thread.Thread => ({
  id,
  object: "chatkit.thread",
  created_at: 1_700_000_000,
  title: null,
  status: { type: "active" },
  user: "user_1"
})

type Call = { readonly op: string; readonly threadId?: string; readonly params?: ListParams.ListThreadsParams }

/** A service whose list answers are scripted, recording every call that reaches the operations. */
const scripted = (pages: ReadonlyArray<Page.Page<Thread.Thread>>) =>
  Effect.gen(function*() {
    const calls = yield* Ref.make<ReadonlyArray<Call>>([])
    const served = yield* Ref.make(0)
    const record = (call: Call) => Ref.update(calls, (all) => [...all, call])
    const nextPage = Effect.flatMap(Ref.getAndUpdate(served, (n) => n + 1), (index) =>
      Option.match(Arr.get(pages, index), {
        onNone: () =>
          Effect.die(`no page ${index} scripted`),
        onSome: Effect.succeed
      }))
    const service = ThreadsService.make({
      list: (params) =>
        Effect.zipRight(record({ op: "list", params }), nextPage),
      retrieve: (threadId) => Effect.as(record({ op: "retrieve", threadId }), thread(threadId)),
      delete: (threadId) =>
        Effect.as(record({ op: "delete", threadId }), {
          id: threadId,
          object: "chatkit.thread.deleted" as const,
          deleted: true
        }),
      listItems: (threadId, params) =>
        Effect.zipRight(
          record({ op: "listItems", threadId, params }),
          Effect.map(nextPage, (page) => ({ ...page, data: [] }))
        )
    })
    return { service, calls: Ref.get(calls) }
  })

const page = (ids: ReadonlyArray<string>, hasMore: boolean, lastId: string | null = ids.at(-1) ?? null) => ({
  ...Page.make(ids.map(thread), hasMore, (t) => t.id),
  last_id: lastId
})

const ids = (threads: Chunk.Chunk<Thread.Thread>) => Chunk.toReadonlyArray(threads).map((t) => t.id)

describe("ThreadsService.make", () => {
  it.effect("takes a page's null cursor as an absent one, so last_id can be passed as it is", () =>
    Effect.gen(function*() {
      const { calls, service } = yield* scripted([page([], false), page([], false)])
      const first = yield* service.list({ limit: 5 })
      yield* service.listItems("cthr_1", { after: first.last_id, before: null })
      assert.deepStrictEqual(yield* calls, [
        { op: "list", params: { limit: 5 } },
        { op: "listItems", threadId: "cthr_1", params: {} }
      ])
    }))

  describe("validation: nothing is called for invalid input", () => {
    const invalid: ReadonlyArray<readonly [unknown, string]> = [
      [{ limit: -1 }, "limit"],
      [{ limit: 101 }, "limit"],
      [{ limit: 1.5 }, "limit"],
      [{ limit: "10" }, "limit"],
      [{ order: "up" }, "order"],
      [{ user: "" }, "user"],
      [{ user: "u".repeat(513) }, "user"],
      [{ after: "" }, "after"],
      [{ before: "" }, "before"],
      [{ limt: 10 }, "limt"]
    ]
    for (const [params, param] of invalid) {
      it.effect(`list(${JSON.stringify(params).slice(0, 40)}) → BadRequestError(param: ${param})`, () =>
        Effect.gen(function*() {
          const { calls, service } = yield* scripted([])
          const error = yield* Effect.flip(service.list(params as ListParams.ListThreadsParams))
          assert.strictEqual(error._tag, "BadRequestError")
          if (error._tag === "BadRequestError") {
            assert.strictEqual(error.param, param)
            assert.strictEqual(error.status, undefined)
            assert.strictEqual(error.type, "invalid_request_error")
            assert.include(error.message, param)
          }
          assert.deepStrictEqual(yield* calls, [])
        }))
    }

    it.effect("states the limits in OpenAI's words", () =>
      Effect.gen(function*() {
        const { service } = yield* scripted([])
        const above = yield* Effect.flip(service.list({ limit: 101 }))
        assert.strictEqual(
          above.message,
          "Invalid 'limit': integer above maximum value. Expected a value <= 100, but got 101 instead."
        )
        const below = yield* Effect.flip(service.listItems("cthr_1", { limit: -1 }))
        assert.strictEqual(
          below.message,
          "Invalid 'limit': integer below minimum value. Expected a value >= 0, but got -1 instead."
        )
        const order = yield* Effect.flip(service.list({ order: "up" as "asc" }))
        assert.strictEqual(order.message, "Invalid 'order': 'up'. Supported values are: 'asc' and 'desc'.")
      }))

    it.effect("accepts the boundaries 0, 100, 1 and 512 characters", () =>
      Effect.gen(function*() {
        const { calls, service } = yield* scripted([page([], false), page([], false), page([], false)])
        yield* service.list({ limit: 0 })
        yield* service.list({ limit: 100, user: "u" })
        yield* service.list({ user: "u".repeat(512) })
        assert.strictEqual((yield* calls).length, 3)
      }))

    it.effect("rejects an empty thread id for every operation that takes one", () =>
      Effect.gen(function*() {
        const { calls, service } = yield* scripted([])
        const errors = [
          yield* Effect.flip(service.retrieve("")),
          yield* Effect.flip(service.delete("")),
          yield* Effect.flip(service.listItems("")),
          yield* Effect.flip(Stream.runDrain(service.streamItems("")))
        ]
        for (const error of errors) {
          assert.strictEqual(error._tag, "BadRequestError")
          if (error._tag === "BadRequestError") assert.strictEqual(error.param, "thread_id")
        }
        assert.deepStrictEqual(yield* calls, [])
      }))

    it.effect("passes valid params and ids through untouched", () =>
      Effect.gen(function*() {
        const { calls, service } = yield* scripted([page([], false), page([], false)])
        yield* service.list({ limit: 5, order: "asc", after: "a", before: "b", user: "u" })
        yield* service.listItems("cthr 1/x", { limit: 3 })
        yield* service.retrieve("cthr_2")
        yield* service.delete("cthr_3")
        assert.deepStrictEqual(yield* calls, [
          { op: "list", params: { limit: 5, order: "asc", after: "a", before: "b", user: "u" } },
          { op: "listItems", threadId: "cthr 1/x", params: { limit: 3 } },
          { op: "retrieve", threadId: "cthr_2" },
          { op: "delete", threadId: "cthr_3" }
        ])
      }))
  })

  describe("stream", () => {
    it.effect("pages with after = last_id, keeping every other param, until has_more is false", () =>
      Effect.gen(function*() {
        const { calls, service } = yield* scripted([page(["a", "b"], true), page(["c", "d"], true), page(["e"], false)])
        const threads = yield* Stream.runCollect(service.stream({ limit: 2, before: "z", user: "u" }))
        assert.deepStrictEqual(ids(threads), ["a", "b", "c", "d", "e"])
        assert.deepStrictEqual((yield* calls).map((call) => call.params), [
          { limit: 2, before: "z", user: "u" },
          { limit: 2, before: "z", user: "u", after: "b" },
          { limit: 2, before: "z", user: "u", after: "d" }
        ])
      }))

    it.effect("fetches lazily: taking the first elements fetches only the pages they need", () =>
      Effect.gen(function*() {
        const { calls, service } = yield* scripted([page(["a", "b"], true), page(["c", "d"], true)])
        const threads = yield* Stream.runCollect(Stream.take(service.stream({ limit: 2 }), 2))
        assert.deepStrictEqual(ids(threads), ["a", "b"])
        assert.strictEqual((yield* calls).length, 1)
      }))

    it.effect("follows an empty page that still has more and a cursor", () =>
      Effect.gen(function*() {
        const { service } = yield* scripted([page(["a"], true), page([], true, "x"), page(["b"], false)])
        assert.deepStrictEqual(ids(yield* Stream.runCollect(service.stream())), ["a", "b"])
      }))

    it.effect("fails with PaginationError(MissingCursor) after the page that has more but no cursor", () =>
      Effect.gen(function*() {
        const { service } = yield* scripted([page(["a"], true), page(["b"], true, null)])
        const seen: Array<string> = []
        const exit = yield* Effect.exit(Stream.runForEach(service.stream(), (t) => Effect.sync(() => seen.push(t.id))))
        assert.deepStrictEqual(seen, ["a", "b"])
        assert.isTrue(
          Exit.isFailure(exit) && Cause.failureOption(exit.cause).pipe(
            Option.exists((error) => error._tag === "PaginationError" && error.reason === "MissingCursor")
          )
        )
      }))

    it.effect("fails with PaginationError(RepeatedCursor) instead of looping", () =>
      Effect.gen(function*() {
        const { calls, service } = yield* scripted([page(["a", "b"], true), page(["c"], true, "b")])
        const error = yield* Effect.flip(Stream.runDrain(service.stream()))
        assert.strictEqual(error._tag, "PaginationError")
        if (error._tag === "PaginationError") {
          assert.strictEqual(error.reason, "RepeatedCursor")
          assert.strictEqual(error.cursor, "b")
        }
        assert.strictEqual((yield* calls).length, 2)
      }))

    it.effect("treats the starting cursor as seen", () =>
      Effect.gen(function*() {
        const { service } = yield* scripted([page(["b"], true, "a")])
        const error = yield* Effect.flip(Stream.runDrain(service.stream({ after: "a" })))
        assert.strictEqual(error._tag, "PaginationError")
      }))

    it.effect("rejects limit 0, which could never make progress", () =>
      Effect.gen(function*() {
        const { calls, service } = yield* scripted([])
        const error = yield* Effect.flip(Stream.runDrain(service.stream({ limit: 0 })))
        assert.strictEqual(error._tag, "BadRequestError")
        const itemsError = yield* Effect.flip(Stream.runDrain(service.streamItems("cthr_1", { limit: 0 })))
        assert.strictEqual(itemsError._tag, "BadRequestError")
        assert.deepStrictEqual(yield* calls, [])
      }))

    it.effect("pages items the same way", () =>
      Effect.gen(function*() {
        const { calls, service } = yield* scripted([page(["a"], true), page(["b"], false)])
        yield* Stream.runDrain(service.streamItems("cthr_1", { order: "asc" }))
        assert.deepStrictEqual(yield* calls, [
          { op: "listItems", threadId: "cthr_1", params: { order: "asc" } },
          { op: "listItems", threadId: "cthr_1", params: { order: "asc", after: "a" } }
        ])
      }))

    it.effect.prop(
      "streams exactly the elements of a list served in pages of any size",
      [
        FastCheck.uniqueArray(FastCheck.string({ minLength: 1, maxLength: 6 }), { maxLength: 60 }),
        FastCheck.integer({
          min: 1,
          max: 100
        })
      ],
      ([all, limit]) =>
        Effect.gen(function*() {
          const service = ThreadsService.make({
            list: (params) =>
              Effect.sync(() => {
                const start = params.after === undefined ? 0 : all.indexOf(params.after) + 1
                const size = params.limit ?? 20
                return Page.make(all.slice(start, start + size).map(thread), start + size < all.length, (t) => t.id)
              }),
            retrieve: () => Effect.die("unused"),
            delete: () => Effect.die("unused"),
            listItems: () => Effect.die("unused")
          })
          assert.deepStrictEqual(ids(yield* Stream.runCollect(service.stream({ limit }))), all)
        })
    )
  })

  describe("accessors", () => {
    it.effect("reach the service in context", () =>
      Effect.gen(function*() {
        const { calls, service } = yield* scripted([
          page(["a"], false),
          page(["b"], false),
          page([], false),
          page([], false)
        ])
        const program = Effect.gen(function*() {
          const first = yield* ThreadsService.list({ limit: 1 })
          const streamed = yield* Stream.runCollect(ThreadsService.stream())
          const retrieved = yield* ThreadsService.retrieve("cthr_9")
          const deleted = yield* ThreadsService.delete("cthr_9")
          const items = yield* ThreadsService.listItems("cthr_9")
          const streamedItems = yield* Stream.runCollect(ThreadsService.streamItems("cthr_9"))
          return { first, streamed, retrieved, deleted, items, streamedItems }
        })
        const result = yield* Effect.provideService(program, ThreadsService.ThreadsService, service)
        assert.deepStrictEqual(result.first.data.map((t) => t.id), ["a"])
        assert.deepStrictEqual(ids(result.streamed), ["b"])
        assert.strictEqual(result.retrieved.id, "cthr_9")
        assert.isTrue(result.deleted.deleted)
        assert.deepStrictEqual(result.items.data, [])
        assert.strictEqual(result.streamedItems.length, 0)
        assert.deepStrictEqual(yield* calls, [
          { op: "list", params: { limit: 1 } },
          { op: "list", params: {} },
          { op: "retrieve", threadId: "cthr_9" },
          { op: "delete", threadId: "cthr_9" },
          { op: "listItems", threadId: "cthr_9", params: {} },
          { op: "listItems", threadId: "cthr_9", params: {} }
        ])
      }))

    it.effect("surface operation errors unchanged", () =>
      Effect.gen(function*() {
        const notFound = new ChatKitError.NotFoundError({ message: "No thread found with id 'x'.", status: 404 })
        const service = ThreadsService.make({
          list: () => Effect.fail(notFound),
          retrieve: () => Effect.fail(notFound),
          delete: () => Effect.fail(notFound),
          listItems: () => Effect.fail(notFound)
        })
        for (
          const error of [
            yield* Effect.flip(service.retrieve("x")),
            yield* Effect.flip(Stream.runDrain(service.stream()))
          ]
        ) {
          assert.strictEqual(error._tag, "NotFoundError")
          assert.strictEqual(error.message, notFound.message)
          assert.strictEqual(ChatKitError.statusOf(error), 404)
        }
      }))
  })
})
