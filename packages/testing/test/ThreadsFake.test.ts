import { NotFoundError, PaginationError, RateLimitError, ThreadsService } from "@effect-chatkit/core"
import type { Thread } from "@effect-chatkit/core"
import { ThreadsFake } from "@effect-chatkit/testing"
import { assert, describe, it } from "@effect/vitest"
import { Cause, Chunk, Duration, Effect, Either, Exit, FastCheck, Fiber, Option, Stream, TestClock } from "effect"
import { runs } from "../../../test/runs.js"
import { expectedPage, ordered } from "../src/internal/conformanceModel.js"

type Order = "asc" | "desc"

const fake = <A, E>(self: Effect.Effect<A, E, ThreadsService.ThreadsService | ThreadsFake.ThreadsFake>, seed = 0) =>
  Effect.provide(self, ThreadsFake.layer({ seed }))

const collect = <A, E, R>(stream: Stream.Stream<A, E, R>) =>
  Effect.map(Stream.runCollect(stream), Chunk.toReadonlyArray)

const notFound = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.map(Effect.flip(self), (error) => {
    assert.instanceOf(error, NotFoundError)
    return error as NotFoundError
  })

const picks = FastCheck.record({
  order: FastCheck.constantFrom<Array<Order | undefined>>("asc", "desc", undefined),
  limit: FastCheck.option(
    FastCheck.oneof(FastCheck.integer({ min: 0, max: 4 }), FastCheck.integer({ min: 0, max: 100 })),
    {
      nil: undefined
    }
  ),
  after: FastCheck.option(FastCheck.nat(), { nil: undefined }),
  before: FastCheck.option(FastCheck.nat(), { nil: undefined }),
  user: FastCheck.option(FastCheck.nat(), { nil: undefined })
})

/** The params without their `undefined` fields, which the service rejects as unknown values. */
const withoutUndefined = (params: object) =>
  Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined))

const pick = <A>(all: ReadonlyArray<A>, index: number | undefined): A | undefined =>
  index === undefined || all.length === 0 ? undefined : all[index % all.length]

describe("ThreadsFake", () => {
  describe("threads", () => {
    it.effect("delete removes the thread and its items; afterwards every access is a 404", () =>
      fake(Effect.gen(function*() {
        const admin = yield* ThreadsFake.ThreadsFake
        const kept = yield* admin.createThread({ user: "u", title: "kept" })
        const gone = yield* admin.createThread({ user: "u" })
        const keptItem = yield* admin.addItem(kept.id, { type: "chatkit.widget", widget: "[]" })
        yield* admin.addItem(gone.id, { type: "chatkit.widget", widget: "{}" })
        assert.deepStrictEqual(yield* ThreadsService.retrieve(gone.id), gone)
        const deleted = yield* ThreadsService.delete(gone.id)
        assert.deepStrictEqual(deleted, { id: gone.id, object: "chatkit.thread.deleted", deleted: true })
        const errors = [
          yield* notFound(ThreadsService.retrieve(gone.id)),
          yield* notFound(ThreadsService.delete(gone.id))
        ]
        for (const error of errors) {
          assert.include(error, {
            status: 404,
            type: "invalid_request_error",
            param: null,
            message: `No thread found with id '${gone.id}'.`
          })
        }
        yield* notFound(ThreadsService.listItems(gone.id))
        yield* notFound(admin.addItem(gone.id, { type: "chatkit.widget", widget: "{}" }))
        yield* notFound(admin.setTitle(gone.id, "x"))
        yield* notFound(admin.setStatus("cthr_unknown", { type: "active" }))
        assert.deepStrictEqual(yield* admin.snapshot, { threads: [kept], items: [keptItem] })
      })))

    it.effect("setStatus and setTitle replace the fields of a live thread", () =>
      fake(Effect.gen(function*() {
        const admin = yield* ThreadsFake.ThreadsFake
        const thread = yield* admin.createThread({ user: "u" })
        assert.include(thread, { title: null, object: "chatkit.thread", user: "u" })
        assert.deepStrictEqual(thread.status, { type: "active" })
        yield* admin.setTitle(thread.id, "Hello")
        const locked = yield* admin.setStatus(thread.id, { type: "locked", reason: null })
        assert.deepStrictEqual(locked, { ...thread, title: "Hello", status: { type: "locked", reason: null } })
        assert.deepStrictEqual(yield* ThreadsService.retrieve(thread.id), locked)
      })))

    it.effect("created_at defaults to the Clock in whole seconds", () =>
      fake(Effect.gen(function*() {
        const admin = yield* ThreadsFake.ThreadsFake
        yield* TestClock.adjust("12.9 seconds")
        const thread = yield* admin.createThread({ user: "u" })
        assert.strictEqual(thread.created_at, 12)
        yield* TestClock.adjust("1 second")
        const item = yield* admin.addItem(thread.id, {
          type: "chatkit.task",
          task_type: "thought",
          heading: null,
          summary: "s"
        })
        assert.include(item, { created_at: 13, thread_id: thread.id, object: "chatkit.thread_item" })
        const explicit = yield* admin.addItem(thread.id, { type: "chatkit.widget", widget: "{}", createdAt: 5 })
        assert.include(explicit, { created_at: 5 })
        assert.notProperty(explicit, "createdAt")
      })))
  })

  describe("determinism", () => {
    const script = Effect.gen(function*() {
      const admin = yield* ThreadsFake.ThreadsFake
      const threads = yield* Effect.forEach(["a", "b", "a"], (user) => admin.createThread({ user }))
      yield* Effect.forEach(threads, (thread) => admin.addItem(thread.id, { type: "chatkit.widget", widget: "{}" }))
      const [first, second] = threads
      assert.isDefined(first)
      assert.isDefined(second)
      yield* ThreadsService.delete(second.id)
      const pages = yield* Effect.all([ThreadsService.list({ limit: 1 }), ThreadsService.listItems(first.id)])
      return JSON.stringify([yield* admin.snapshot, pages])
    })

    it.effect.prop(
      "the same seed and calls give byte-identical results",
      [FastCheck.integer()],
      ([seed]) =>
        Effect.gen(function*() {
          const first = yield* fake(script, seed)
          const second = yield* fake(script, seed)
          assert.strictEqual(first, second)
          assert.match(first, /"cthr_[0-9a-f]{24}"/)
          assert.match(first, /"cthi_[0-9a-f]{24}"/)
        }),
      { fastCheck: { numRuns: runs(20) } }
    )

    it.effect("different seeds give different ids; every fake has its own store", () =>
      Effect.gen(function*() {
        assert.notStrictEqual(yield* fake(script, 1), yield* fake(script, 2))
        const one = yield* ThreadsFake.make()
        const two = yield* ThreadsFake.make()
        const thread = yield* one.admin.createThread({ user: "u" })
        assert.strictEqual((yield* two.service.list()).data.length, 0)
        yield* notFound(two.service.retrieve(thread.id))
        assert.deepStrictEqual((yield* two.admin.createThread({ user: "u" })).id, thread.id)
      }))
  })

  describe("faults", () => {
    it.effect("failNext fails the next calls with the error, then the fake recovers", () =>
      fake(Effect.gen(function*() {
        const admin = yield* ThreadsFake.ThreadsFake
        const error = new RateLimitError({ message: "Slow down", status: 429, retryAfter: Duration.seconds(3) })
        yield* admin.failNext({ error, times: 2 })
        for (
          const failed of [yield* Effect.flip(ThreadsService.list()), yield* Effect.flip(ThreadsService.retrieve("x"))]
        ) {
          assert.instanceOf(failed, RateLimitError)
          assert.include(failed, { message: "Slow down", status: 429 })
          assert.isTrue(Duration.equals((failed as RateLimitError).retryAfter!, Duration.seconds(3)))
        }
        assert.deepStrictEqual((yield* ThreadsService.list()).data, [])
      })))

    it.effect("an operation-scoped fault waits for its operation; faults apply in the order added", () =>
      fake(Effect.gen(function*() {
        const admin = yield* ThreadsFake.ThreadsFake
        const thread = yield* admin.createThread({ user: "u" })
        const deleteError = new RateLimitError({ message: "delete" })
        const anyError = new RateLimitError({ message: "any" })
        yield* admin.failNext({ error: deleteError, operation: "delete" })
        yield* admin.failNext({ error: anyError })
        assert.strictEqual((yield* Effect.flip(ThreadsService.list())).message, "any")
        assert.deepStrictEqual(yield* ThreadsService.retrieve(thread.id), thread)
        assert.deepStrictEqual((yield* ThreadsService.listItems(thread.id)).data, [])
        assert.strictEqual((yield* Effect.flip(ThreadsService.delete(thread.id))).message, "delete")
        assert.isTrue((yield* ThreadsService.delete(thread.id)).deleted)
      })))

    it.effect("invalid params are rejected before a fault is taken", () =>
      fake(Effect.gen(function*() {
        const admin = yield* ThreadsFake.ThreadsFake
        const error = new RateLimitError({ message: "later" })
        yield* admin.failNext({ error })
        const invalid = yield* Effect.flip(ThreadsService.list({ limit: 101 }))
        assert.strictEqual(invalid._tag, "BadRequestError")
        assert.strictEqual((yield* Effect.flip(ThreadsService.list())).message, "later")
      })))

    it.effect("latency makes every call sleep on the Clock", () =>
      fake(Effect.gen(function*() {
        const admin = yield* ThreadsFake.ThreadsFake
        yield* admin.setLatency("2 seconds")
        const fiber = yield* Effect.fork(ThreadsService.list())
        yield* TestClock.adjust("1999 millis")
        assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
        yield* TestClock.adjust("1 millis")
        const exit = yield* Fiber.await(fiber)
        assert.isTrue(Exit.isSuccess(exit))
        yield* admin.setLatency(0)
        assert.deepStrictEqual((yield* ThreadsService.list()).data, [])
      })))
  })

  describe("admin input", () => {
    const dies = <A, E>(self: Effect.Effect<A, E>) =>
      Effect.map(Effect.exit(self), (exit) => {
        assert.isTrue(Exit.isFailure(exit) && Cause.isDie(exit.cause), "expected a defect")
        const defect = Exit.isFailure(exit) ? Cause.squash(exit.cause) : undefined
        assert.isTrue(Cause.isIllegalArgumentException(defect))
      })

    it.effect("invalid input is a defect and changes nothing", () =>
      fake(Effect.gen(function*() {
        const admin = yield* ThreadsFake.ThreadsFake
        const thread = yield* admin.createThread({ user: "u" })
        yield* dies(admin.createThread({ user: "u", createdAt: -1 }))
        yield* dies(admin.createThread({ user: "u", createdAt: 1.5 }))
        yield* dies(admin.createThread({ user: 3 as unknown as string }))
        yield* dies(admin.addItem(thread.id, { type: "chatkit.widget", widget: "{}", createdAt: Number.NaN }))
        const extra = { type: "chatkit.widget", widget: "{}", id: "cthi_mine" } as const
        yield* dies(admin.addItem(thread.id, extra))
        yield* dies(
          admin.addItem(thread.id, { type: "chatkit.widget" } as unknown as ThreadsFake.ThreadsFake.ItemInput)
        )
        yield* dies(admin.setStatus(thread.id, { type: "locked" } as unknown as Thread.ThreadStatus))
        yield* dies(admin.failNext({ error: new RateLimitError({ message: "x" }), times: 0 }))
        // no one request fails with a PaginationError: streams raise it from the pages they read
        yield* dies(admin.failNext({ error: new PaginationError({ message: "x", reason: "MissingCursor" }) }))
        // an unknown item is one of a type no variant has
        yield* dies(admin.addItem(thread.id, { type: "unknown", raw: { type: "chatkit.widget" } }))
        assert.deepStrictEqual(yield* admin.snapshot, { threads: [thread], items: [] })
        assert.deepStrictEqual((yield* ThreadsService.list()).data, [thread])
      })))
  })

  describe("scale", () => {
    it.effect.prop(
      "out-of-order inserts and mass deletes keep pages exact",
      [
        FastCheck.array(FastCheck.integer({ min: 0, max: 40 }), { minLength: 1200, maxLength: 1600 }),
        FastCheck.nat(),
        FastCheck.array(picks, { minLength: 5, maxLength: 10 })
      ],
      ([timestamps, cut, requests]) =>
        fake(Effect.gen(function*() {
          const admin = yield* ThreadsFake.ThreadsFake
          const created = yield* Effect.forEach(timestamps, (createdAt, i) =>
            admin.createThread({ user: i % 3 === 0 ? "a" : "b", createdAt }))
          const from = cut % created.length
          const doomed = [
            ...ordered(created, "asc").slice(from, from + 700),
            ...created.filter((_, i) =>
              i % 7 === 0
            )
          ]
          const deleted = new Set(doomed.map((thread) => thread.id))
          yield* Effect.forEach(deleted, (id) => ThreadsService.delete(id), { discard: true })
          const live = created.filter((thread) => !deleted.has(thread.id))
          for (const order of ["asc", "desc"] as const) {
            assert.deepStrictEqual(yield* collect(ThreadsService.stream({ limit: 100, order })), ordered(live, order))
          }
          for (const request of requests) {
            const params = {
              order: request.order,
              limit: request.limit,
              after: pick(created, request.after)?.id,
              before: pick(created, request.before)?.id,
              user: request.user === undefined ? undefined : request.user % 2 === 0 ? "a" : "b"
            }
            const listed = (thread: Thread.Thread) =>
              !deleted.has(thread.id) && (params.user === undefined || thread.user === params.user)
            assert.deepStrictEqual(
              yield* ThreadsService.list(withoutUndefined(params)),
              Either.getOrThrow(expectedPage(created, params, listed))
            )
          }
        })),
      { fastCheck: { numRuns: runs(8) } }
    )
  })
})
