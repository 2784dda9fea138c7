import { AuthenticationError, BadRequestError, Page, ThreadsService } from "@effect-chatkit/core"
import type { ChatKitError } from "@effect-chatkit/core"
import type { ListParams } from "@effect-chatkit/core"
import { Arbitraries, Doctor, ThreadsFake } from "@effect-chatkit/testing"
import { assert, describe, it } from "@effect/vitest"
import { Cause, Effect, FastCheck, Option } from "effect"
import { eventLoopTurn, runs } from "../../../test/runs.js"

type Service = ThreadsService.ThreadsService.Service

/** A deviation: the fake's service and admin in, the service the doctor examines out. */
type Deviation = (service: Service, admin: ThreadsFake.ThreadsFake.Admin) => ThreadsService.ThreadsService.Operations

const limitOf = (params: ListParams.ListItemsParams) => params.limit ?? 20

const passThrough = (service: Service): ThreadsService.ThreadsService.Operations => ({
  list: service.list,
  retrieve: service.retrieve,
  delete: service.delete,
  listItems: service.listItems
})

/** `after` answers from the cursor itself on. */
const inclusiveAfter: Deviation = (service, admin) => {
  const withCursor = <A>(
    page: Effect.Effect<Page.Page<A>, ChatKitError.RequestError>,
    params: ListParams.ListItemsParams,
    find: (snapshot: Effect.Effect.Success<typeof admin.snapshot>, id: string) => A | undefined,
    idOf: (element: A) => string | undefined
  ) =>
    Effect.gen(function*() {
      const rest = yield* page
      const cursor = params.after === undefined || limitOf(params) === 0
        ? undefined
        : find(yield* admin.snapshot, params.after)
      if (cursor === undefined) return rest
      const data = [cursor, ...rest.data]
      return Page.make(data.slice(0, limitOf(params)), rest.has_more || data.length > limitOf(params), idOf)
    })
  return {
    ...passThrough(service),
    list: (params) =>
      withCursor(
        service.list(params),
        params,
        (snapshot, id) => snapshot.threads.find((thread) => thread.id === id),
        (thread) => thread.id
      ),
    listItems: (threadId, params) =>
      withCursor(
        service.listItems(threadId, params),
        params,
        (snapshot, id) => snapshot.items.find((item) => item.id === id),
        (item) => item.id
      )
  }
}

/** `has_more` is true on every full page, also one that ends exactly at the end. */
const hasMoreWhenFull: Deviation = (service) => {
  const full = <A>(params: ListParams.ListItemsParams) => (page: Page.Page<A>): Page.Page<A> => ({
    ...page,
    has_more: page.has_more || (page.data.length > 0 && page.data.length === limitOf(params))
  })
  return {
    ...passThrough(service),
    list: (params) => Effect.map(service.list(params), full(params)),
    listItems: (threadId, params) => Effect.map(service.listItems(threadId, params), full(params))
  }
}

const ignoredUser: Deviation = (service) => ({
  ...passThrough(service),
  list: ({ user: _, ...params }) => service.list(params)
})

const ignoredOrder: Deviation = (service) => ({
  ...passThrough(service),
  list: ({ order: _, ...params }) => service.list(params),
  listItems: (threadId, { order: _, ...params }) => service.listItems(threadId, params)
})

/** `limit=0` says there is nothing more. */
const emptyAtLimitZero: Deviation = (service) => ({
  ...passThrough(service),
  list: (params) => Effect.map(service.list(params), (page) => params.limit === 0 ? { ...page, has_more: false } : page)
})

/** A page of several elements names its last as its first. */
const firstIdIsLast: Deviation = (service) => ({
  ...passThrough(service),
  list: (params) =>
    Effect.map(service.list(params), (page) => page.data.length > 1 ? { ...page, first_id: page.last_id } : page)
})

/** A retrieved thread has another title than listed. */
const retitled: Deviation = (service) => ({
  ...passThrough(service),
  retrieve: (id) => Effect.map(service.retrieve(id), (thread) => ({ ...thread, title: `${thread.title} (retrieved)` }))
})

/** A check that never ends: every page says `has_more`, with the cursor it was asked with, once there is one. */
const endless: Deviation = (service) => ({
  ...passThrough(service),
  list: (params) =>
    Effect.map(service.list(params), (page) => ({ ...page, has_more: true, last_id: params.after ?? page.last_id }))
})

/** Asking for a window (`before`) is refused as a bad request. */
const refusedBefore: Deviation = (service) => ({
  ...passThrough(service),
  list: (params) =>
    params.before === undefined
      ? service.list(params)
      : Effect.fail(new BadRequestError({ message: "no before", param: "before", status: 400 }))
})

/**
 * Examines the fake, seeded with `fixture`, behind `deviation`, recording every operation called; ends with a
 * turn of the event loop.
 */
const examine = (
  fixture: Arbitraries.StoreFixture,
  options: {
    readonly deviation?: Deviation | undefined
    readonly fake?: ThreadsFake.ThreadsFake.Options | undefined
    readonly doctor?: Doctor.Options | undefined
  } = {}
) =>
  Effect.gen(function*() {
    yield* Arbitraries.createFixture(fixture)
    const service = yield* ThreadsService.ThreadsService
    const admin = yield* ThreadsFake.ThreadsFake
    const operations = (options.deviation ?? passThrough)(service, admin)
    const calls: Array<string> = []
    const recorded = ThreadsService.make({
      list: (params) => Effect.zipRight(Effect.sync(() => calls.push("list")), operations.list(params)),
      retrieve: (id) => Effect.zipRight(Effect.sync(() => calls.push("retrieve")), operations.retrieve(id)),
      delete: (id) => Effect.zipRight(Effect.sync(() => calls.push("delete")), operations.delete(id)),
      listItems: (id, params) =>
        Effect.zipRight(Effect.sync(() => calls.push("listItems")), operations.listItems(id, params))
    })
    const report = yield* Doctor.examine(recorded, options.doctor)
    assert.notInclude(calls, "delete")
    assert.strictEqual(report.requests, calls.length)
    yield* eventLoopTurn
    return report
  }).pipe(Effect.provide(ThreadsFake.layer(options.fake)))

const outcomeOf = (report: Doctor.Report, name: string): Doctor.Check => {
  const check = report.checks.find((check) => check.name === name)
  assert.isDefined(check, name)
  return check
}

const differing = (report: Doctor.Report) =>
  report.checks.filter((check) => check.outcome === "differs").map((check) => check.name)

/** Stores with enough live threads (5) of at least two users for every thread check, without items. */
const richThreads = Arbitraries.storeFixture({ maxThreads: 10, maxItems: 0 }).filter((fixture) => {
  const live = fixture.threads.filter((thread) => !thread.deleted)
  return live.length >= 5 && new Set(live.map((thread) => thread.input.user)).size >= 2
})

/**
 * The same with up to 5 items in each thread, created at the threads' times or none: drawn for the stores kept
 * only, as items are the costliest part to draw.
 */
const rich = richThreads.chain(({ threads }) =>
  FastCheck.tuple(...threads.map(() =>
    FastCheck.array(
      Arbitraries.itemInput({
        createdAt: FastCheck.option(FastCheck.constantFrom(...threads.map(({ input }) => input.createdAt ?? 0)), {
          nil: undefined
        })
      }),
      { maxLength: 5 }
    )
  )).map((items) => ({ threads: threads.map((thread, index) => ({ ...thread, items: items[index] ?? [] })) }))
)

/**
 * The options of a property of `count` runs by default (more when `FC_NUM_RUNS` asks for more), with a timeout
 * that grows with the runs, so that a deep run on a busy machine is not cut short.
 */
const deep = (count: number) => ({ timeout: Math.max(60_000, runs(count) * 100), fastCheck: { numRuns: runs(count) } })

/** Six threads of two users, a second apart. */
const sixThreads: Arbitraries.StoreFixture = {
  threads: Array.from({ length: 6 }, (_, index) => ({
    input: { user: index % 2 === 0 ? "a" : "b", createdAt: 1_700_000_000 + index },
    items: [],
    deleted: false
  }))
}

const readings: ReadonlyArray<ThreadsFake.ThreadsFake.BeforeReading> = ["far-end", "next-to-cursor"]

describe("Doctor", () => {
  it.live.prop(
    "the fake agrees with itself on every check, in either reading, whatever its data",
    [
      Arbitraries.storeFixture({ maxThreads: 10, maxItems: 6 }),
      FastCheck.constantFrom(...readings),
      FastCheck.integer({ min: 1, max: 7 })
    ],
    ([fixture, beforeReading, pageSize]) =>
      Effect.gen(function*() {
        const report = yield* examine(fixture, {
          fake: { beforeReading },
          doctor: { beforeReading, pageSize, sampleThreads: 2 }
        })
        assert.deepStrictEqual(differing(report), [])
        assert.strictEqual(report.agrees + report.skipped, report.checks.length)
        for (const check of report.checks) {
          if (check.outcome === "skipped") assert.match(check.reason, /^needs /, check.name)
        }
        const live = fixture.threads.filter((thread) => !thread.deleted).length
        assert.strictEqual(outcomeOf(report, "threads.before").outcome, live >= 5 ? "agrees" : "skipped")
      }),
    deep(25)
  )

  const deviations: ReadonlyArray<readonly [string, string, Deviation]> = [
    ["an inclusive after", "threads.after", inclusiveAfter],
    ["has_more on a full page that ends exactly at the end", "threads.end", hasMoreWhenFull],
    ["an ignored user filter", "threads.user", ignoredUser],
    ["an ignored order", "threads.reverse", ignoredOrder],
    ["has_more false at limit 0", "threads.limit-0", emptyAtLimitZero],
    ["a first_id that is the page's last", "threads.pages", firstIdIsLast],
    ["a retrieved thread unlike the listed one", "threads.retrieve", retitled]
  ]

  for (const [title, name, deviation] of deviations) {
    it.live.prop(
      `${title} is reported as differing by ${name}`,
      [richThreads],
      ([fixture]) =>
        Effect.gen(function*() {
          const report = yield* examine(fixture, { deviation, doctor: { sampleThreads: 0 } })
          assert.include(differing(report), name)
        }),
      deep(8)
    )
  }

  it.live.prop(
    "a before answering the page next to the cursor differs only in the before checks, the readings side by side",
    [rich],
    ([fixture]) =>
      Effect.gen(function*() {
        const report = yield* examine(fixture, { fake: { beforeReading: "next-to-cursor" } })
        assert.include(differing(report), "threads.before")
        assert.isTrue(differing(report).every((name) => name.endsWith(".before")), String(differing(report)))
        const before = outcomeOf(report, "threads.before")
        assert.strictEqual(before.outcome, "differs")
        if (before.outcome === "differs") {
          assert.match(before.expected, /the far end of the window \(the fake's reading\)/)
          assert.match(before.saw, /^the page next to the cursor, /)
        }
      }),
    deep(8)
  )

  it.live.prop(
    "the request budget is never exceeded; checks it cannot pay for are skipped",
    [rich, FastCheck.integer({ min: 1, max: 40 })],
    ([fixture, maxRequests]) =>
      Effect.gen(function*() {
        const needed = (yield* examine(fixture, { doctor: { pageSize: 2 } })).requests
        const report = yield* examine(fixture, { doctor: { maxRequests, pageSize: 2 } })
        assert.strictEqual(report.requests, Math.min(needed, maxRequests))
        assert.deepStrictEqual(differing(report), [])
        const spent = report.checks.filter((check) => check.outcome === "skipped" && /budget/.test(check.reason))
        if (spent.length > 0) assert.isBelow(maxRequests, needed)
      }),
    deep(12)
  )

  it.effect("items of a sampled thread are checked like threads", () =>
    Effect.gen(function*() {
      const items = Array.from({ length: 7 }, (_, index) => ({
        type: "chatkit.user_message" as const,
        content: [],
        attachments: [],
        inference_options: null,
        createdAt: 1_700_000_000 + (index >> 1)
      }))
      const fixture = { threads: [{ input: { user: "u" }, items, deleted: false }] }
      const report = yield* examine(fixture, { deviation: inclusiveAfter })
      assert.include(differing(report), "items.after")
      const after = outcomeOf(report, "items.after")
      if (after.outcome === "differs") {
        assert.match(after.expected, /^listItems\("cthr_\w+", order desc, limit 2, after "cthi_/)
      }
      const fine = yield* examine(fixture)
      assert.deepStrictEqual(differing(fine), [])
      assert.strictEqual(outcomeOf(fine, "items.before").outcome, "agrees")
    }))

  it.effect("an error answered to a call is compared like a page: differs, naming the call", () =>
    Effect.gen(function*() {
      const report = yield* examine(sixThreads, { deviation: refusedBefore })
      const before = outcomeOf(report, "threads.before")
      assert.deepInclude(before, {
        outcome: "differs",
        saw: `BadRequestError (400, param "before")`
      })
      if (before.outcome === "differs") {
        assert.match(before.expected, /^list\(order desc, limit 2, before "cthr_\w+"\): an answer$/)
      }
      assert.deepInclude(outcomeOf(report, "threads.unknown-cursor"), {
        outcome: "differs",
        expected: `list(limit 2, before "cthr_000000000000000000000000"): NotFoundError (404, param "before")`,
        saw: `BadRequestError (400, param "before")`
      })
      assert.deepStrictEqual(differing(report), ["threads.before", "threads.unknown-cursor"])
    }))

  it.effect("a traversal whose cursor comes back is reported as not ending, and not followed again", () =>
    Effect.gen(function*() {
      const report = yield* examine(sixThreads, { deviation: endless, doctor: { pageSize: 4, sampleThreads: 0 } })
      const desc = outcomeOf(report, "threads.traversal.desc")
      assert.strictEqual(desc.outcome, "differs")
      if (desc.outcome === "differs") {
        assert.strictEqual(desc.expected, "the traversal desc ends")
        assert.match(desc.saw, /^the cursor "cthr_\w+" comes back$/)
      }
      assert.isBelow(report.requests, 100)
    }))

  it.live.prop(
    "options out of range die with an IllegalArgumentException naming the option, before any call",
    [
      FastCheck.oneof(
        FastCheck.record({
          pageSize: FastCheck.oneof(
            FastCheck.integer({ max: 0 }),
            FastCheck.integer({ min: 101 }),
            FastCheck.double({ noInteger: true })
          )
        }),
        FastCheck.record({
          maxRequests: FastCheck.oneof(FastCheck.integer({ max: 0 }), FastCheck.double({ noInteger: true }))
        }),
        FastCheck.record({
          sampleThreads: FastCheck.oneof(FastCheck.integer({ max: -1 }), FastCheck.double({ noInteger: true }))
        })
      )
    ],
    ([options]) =>
      Effect.gen(function*() {
        const called = Effect.die("a call was made")
        const service = ThreadsService.make({
          list: () => called,
          retrieve: () => called,
          delete: () => called,
          listItems: () => called
        })
        const defect = yield* Effect.flip(Effect.sandbox(Doctor.examine(service, options))).pipe(
          Effect.map(Cause.dieOption)
        )
        assert.isTrue(Option.isSome(defect) && Cause.isIllegalArgumentException(defect.value), String(defect))
        if (Option.isSome(defect) && Cause.isIllegalArgumentException(defect.value)) {
          assert.match(defect.value.message, new RegExp(`^Doctor: ${Object.keys(options).join()}: Expected `))
        }
      }),
    deep(30)
  )

  it.effect("a refused key stops the run with its error", () =>
    Effect.gen(function*() {
      const admin = yield* ThreadsFake.ThreadsFake
      const error = new AuthenticationError({ message: "bad key", status: 401 })
      yield* admin.failNext({ error, times: 100 })
      const failure = yield* Effect.flip(Doctor.run())
      assert.deepStrictEqual([failure._tag, failure.message], ["AuthenticationError", "bad key"])
    }).pipe(Effect.provide(ThreadsFake.layer())))

  it.effect("the text report escapes control characters from the API", () =>
    Effect.gen(function*() {
      const [red, csi, plain] = ["\u001b[31mred", "\u009b2J", "plain"]
      const fixture = {
        threads: [red, red, red, csi, plain].map((user, index) => ({
          input: { user, createdAt: 1_700_000_000 + index },
          items: [],
          deleted: false
        }))
      }
      const report = yield* examine(fixture, { deviation: ignoredUser })
      const text = Doctor.text(report)
      assert.include(text, "\\u001b[31mred")
      assert.notMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
      assert.strictEqual(text.split("\n").length, report.checks.length + 2)
    }))
})
