/**
 * The doctor's run. Each list (the threads, and the items of a sample of threads) is traversed both ways with
 * read-only calls; the elements of the newest-first traversal, oldest first, are the data the fake is given,
 * and every answer is compared with the page the conformance model gives for the same call over that data.
 *
 * @internal
 */
import type { ChatKitError } from "@effect-chatkit/core/ChatKitError"
import * as ListParams from "@effect-chatkit/core/ListParams"
import type * as Page from "@effect-chatkit/core/Page"
import type * as Thread from "@effect-chatkit/core/Thread"
import type * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import * as Arr from "effect/Array"
import * as Cause from "effect/Cause"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Equal from "effect/Equal"
import * as Option from "effect/Option"
import * as Record from "effect/Record"
import * as Ref from "effect/Ref"
import * as Utils from "effect/Utils"
import type * as Doctor from "../Doctor.js"
import type { ThreadsFake } from "../ThreadsFake.js"
import * as Model from "./conformanceModel.js"
import * as Text from "./doctorText.js"

/** @internal */
export const defaultPageSize = 10

/** @internal */
export const defaultMaxRequests = 500

/** @internal */
export const defaultSampleThreads = 3

type Outcome = Doctor.Outcome

type Params = ListParams.ListThreadsParams

interface Resolved {
  readonly pageSize: number
  readonly maxRequests: number
  readonly beforeReading: ThreadsFake.BeforeReading
  readonly sampleThreads: number
}

const agrees = (note: string | null = null): Outcome => ({ outcome: "agrees", note })

const differs = (expected: string, saw: string): Outcome => ({ outcome: "differs", expected, saw })

const skipped = (reason: string): Outcome => ({ outcome: "skipped", reason })

/** Ends a check early with its outcome: the first difference, or a reason to skip it. */
class Verdict extends Data.TaggedError("Verdict")<{ readonly outcome: Outcome }> {}

/** A check: its outcome, or an early `Verdict`, or a `ChatKitError` that stops the whole run. */
type Check = Effect.Effect<Outcome, ChatKitError | Verdict>

/** Goes on when `outcome` agrees; otherwise ends the check with it. */
const holds = (outcome: Outcome): Effect.Effect<void, Verdict> =>
  outcome.outcome === "agrees" ? Effect.void : Effect.fail(new Verdict({ outcome }))

/** The result, or the `Verdict` that ended it early. */
const attempt = <A>(
  effect: Effect.Effect<A, ChatKitError | Verdict>
): Effect.Effect<Either.Either<A, Outcome>, ChatKitError> =>
  effect.pipe(
    Effect.map(Either.right),
    Effect.catchIf((error) => error instanceof Verdict, ({ outcome }) => Effect.succeed(Either.left(outcome)))
  )

const settle = (check: Check): Effect.Effect<Outcome, ChatKitError> => Effect.map(attempt(check), Either.merge)

/** What the doctor may call of a service: its reading operations only, so that it cannot write. */
type Readable = Pick<ThreadsService.ThreadsService.Service, "list" | "listItems" | "retrieve">

/** What a call answered: its value, or an error that the doctor compares like any other answer. */
type Answer<A> = Either.Either<A, ChatKitError>

/** Errors that mean the service cannot be examined at all: the key refused, the service unreachable or failing. */
const fatal: ReadonlySet<string> = new Set([
  "AuthenticationError",
  "PermissionDeniedError",
  "RateLimitError",
  "InternalServerError",
  "ConnectionError",
  "TimeoutError"
])

/** Makes one call of the request budget; when the budget is spent, the check is skipped. */
type Ask = <A>(call: Effect.Effect<A, ChatKitError>) => Effect.Effect<Answer<A>, ChatKitError | Verdict>

const noAnswer = (call: string, error: ChatKitError): Outcome => differs(`${call}: an answer`, Text.error(error))

/** The value answered; an error answer ends the check with a difference. */
const answered = <A>(call: string, answer: Answer<A>): Effect.Effect<A, Verdict> =>
  Either.match(answer, {
    onLeft: (error) => Effect.fail(new Verdict({ outcome: noAnswer(call, error) })),
    onRight: Effect.succeed
  })

/** Deep equality of decoded values. */
const equal = (self: unknown, that: unknown): boolean => Utils.structuralRegion(() => Equal.equals(self, that))

/** A list under examination: the threads, or the items of one thread. */
interface Collection<A extends Model.Entry> {
  /** `threads` or `items`: the prefix of the check names. */
  readonly noun: "threads" | "items"
  /** The call `list(params)` makes, as reports show it. */
  readonly call: (params: Params) => string
  readonly list: (params: Params) => Effect.Effect<Answer<Page.Page<A>>, ChatKitError | Verdict>
  /** An id of the list's kind that was never issued. */
  readonly unknownId: string
}

/**
 * A traversal as `ThreadsService.stream` pages (`after` = the last id): each call with its page, the elements,
 * and why it stopped early, if it did (a page saying `has_more` without a `last_id`, or a cursor that repeats).
 */
interface Traversal<A> {
  readonly order: ListParams.Order
  readonly pages: ReadonlyArray<{ readonly params: Params; readonly page: Page.Page<A> }>
  readonly elements: ReadonlyArray<A>
  readonly stuck: string | undefined
}

const traverse = <A extends Model.Entry>(
  collection: Collection<A>,
  params: Params & { readonly order: ListParams.Order }
): Effect.Effect<Traversal<A>, ChatKitError | Verdict> =>
  Effect.gen(function*() {
    const pages: Array<Traversal<A>["pages"][number]> = []
    const cursors = new Set<string>()
    const done = (stuck: string | undefined): Traversal<A> => ({
      order: params.order,
      pages,
      elements: pages.flatMap(({ page }) => page.data),
      stuck
    })
    for (let call: Params = params;;) {
      const page = yield* answered(collection.call(call), yield* collection.list(call))
      pages.push({ params: call, page })
      if (!page.has_more) return done(undefined)
      if (page.last_id === null) return done(`${collection.call(call)} says has_more true without a last_id`)
      if (cursors.has(page.last_id)) return done(`the cursor ${Text.quote(page.last_id)} comes back`)
      cursors.add(page.last_id)
      call = { ...params, after: page.last_id }
    }
  })

/** A traversal on its own: it ends, holds every element once, and is ordered by `created_at`. */
const traversalOutcome = (noun: Collection<Model.Entry>["noun"]) => (traversal: Traversal<Model.Entry>): Outcome => {
  if (traversal.stuck !== undefined) return differs(`the traversal ${traversal.order} ends`, traversal.stuck)
  const { elements, order } = traversal
  const seen = new Set<string>()
  for (const { id } of elements) {
    if (seen.has(id)) return differs(`each of the ${noun} once`, `${Text.quote(id)} twice`)
    seen.add(id)
  }
  const backwards = Arr.zip(elements, elements.slice(1)).find(([previous, next]) =>
    (order === "asc" ? 1 : -1) * (next.created_at - previous.created_at) < 0
  )
  if (backwards !== undefined) {
    const [previous, next] = backwards
    return differs(
      `created_at ${order === "asc" ? "never decreasing" : "never increasing"}`,
      `${Text.quote(previous.id)} (${previous.created_at}) before ${Text.quote(next.id)} (${next.created_at})`
    )
  }
  const pages = traversal.pages.length
  return agrees(`${elements.length} ${noun} in ${pages} ${pages === 1 ? "page" : "pages"}`)
}

/**
 * A list with its two traversals, and the data the fake is given: the elements of the newest-first traversal
 * oldest first (ties as the service broke them), each id once.
 */
interface Subject<A extends Model.Entry = Model.Entry> {
  readonly collection: Collection<A>
  readonly desc: Traversal<A>
  readonly asc: Traversal<A>
  readonly base: ReadonlyArray<A>
  readonly options: Resolved
}

/** The fake's page for `params` over the subject's data, or the cursor it answers a 404 for. */
const expected = <A extends Model.Entry>(
  subject: Subject<A>,
  params: Params,
  include?: (element: A) => boolean,
  beforeReading: ThreadsFake.BeforeReading = subject.options.beforeReading
): Either.Either<Page.Page<A>, "after" | "before"> => Model.expectedPage(subject.base, params, include, beforeReading)

/** How an element differs from the one expected, e.g. `thread "cthr_1" …` and `the same thread with other "title"`. */
const elementDifference = (noun: Collection<Model.Entry>["noun"], expected: Model.Entry, saw: Model.Entry) => {
  const singular = noun === "threads" ? "thread" : "item"
  const keys = Arr.dedupe([...Object.keys(expected), ...Object.keys(saw)])
    .filter((key) => !equal(Reflect.get(expected, key), Reflect.get(saw, key)))
  return {
    expected: `${singular} ${Text.quote(expected.id)} as in the full traversal`,
    saw: `the same ${singular} with other ${keys.map(Text.quote).join(", ")}`
  }
}

/**
 * One answer against the fake's: `agrees`, or `differs` naming the call and the first thing that differs (a
 * 404 expected, an error answered, the ids or `has_more`, then `first_id`/`last_id`, then an element's fields).
 */
const compare = <A extends Model.Entry>(
  collection: Collection<A>,
  params: Params,
  fake: Either.Either<Page.Page<A>, "after" | "before">,
  answer: Answer<Page.Page<A>>
): Outcome => {
  const call = collection.call(params)
  if (Either.isLeft(fake)) {
    const notFound = `NotFoundError (404, param ${Text.quote(fake.left)})`
    const saw = Either.match(answer, { onLeft: Text.error, onRight: Text.page })
    return saw === notFound ? agrees() : differs(`${call}: ${notFound}`, saw)
  }
  if (Either.isLeft(answer)) return noAnswer(call, answer.left)
  const [expected, saw] = [fake.right, answer.right]
  if (equal(expected, saw)) return agrees()
  const ids = (page: Page.Page<A>) => page.data.map(({ id }) => id)
  if (!equal(ids(expected), ids(saw)) || expected.has_more !== saw.has_more) {
    return differs(`${call}: ${Text.page(expected)}`, Text.page(saw))
  }
  const bounds = (page: Page.Page<A>) =>
    `first_id ${Text.quote(String(page.first_id))}, last_id ${Text.quote(String(page.last_id))}`
  if (expected.first_id !== saw.first_id || expected.last_id !== saw.last_id) {
    return differs(`${call}: ${bounds(expected)}`, bounds(saw))
  }
  const differing = Arr.zip(expected.data, saw.data).find(([element, seen]) => !equal(element, seen))
  if (differing !== undefined) {
    const difference = elementDifference(collection.noun, ...differing)
    return differs(`${call}: ${difference.expected}`, difference.saw)
  }
  return differs(`${call}: a page object "list"`, `object ${Text.quote(String(saw.object))}`)
}

/** The answer to `params` is the fake's page over the subject's data (filtered by `include`), or ends the check. */
const matches = <A extends Model.Entry>(
  subject: Subject<A>,
  params: Params,
  answer: Answer<Page.Page<A>>,
  include?: (element: A) => boolean
): Effect.Effect<void, Verdict> =>
  holds(compare(subject.collection, params, expected(subject, params, include), answer))

/** The page size of the window checks: small, so that windows are longer than a page. */
const limit = 2

const orders: ReadonlyArray<ListParams.Order> = ["desc", "asc"]

/** Runs `check` when the list holds at least `count` elements; otherwise it is skipped. */
const needing = <A extends Model.Entry>(subject: Subject<A>, count: number, check: () => Check): Check =>
  subject.base.length >= count
    ? check()
    : Effect.succeed(skipped(`needs at least ${count} ${subject.collection.noun}`))

/** In both orders, a call with `cursor` at each of `positions` of the list in that order. */
const cursorsAt = (
  subject: Subject,
  cursor: "after" | "before",
  positions: ReadonlyArray<number>
): ReadonlyArray<Params> =>
  orders.flatMap((order) => {
    const list = Model.ordered(subject.base, order)
    return Arr.filterMap(positions, (position) => Arr.get(list, position)).map(({ id }) => ({
      order,
      limit,
      [cursor]: id
    }))
  })

/** Asks each call in turn, up to the first answer that is not the fake's page (as `check` has it). */
const windows = (
  subject: Subject,
  calls: ReadonlyArray<Params>,
  check = (params: Params, answer: Answer<Page.Page<Model.Entry>>) => matches(subject, params, answer)
): Check =>
  Effect.as(
    Effect.forEach(
      calls,
      (params) => Effect.flatMap(subject.collection.list(params), (answer) => check(params, answer))
    ),
    agrees()
  )

const readingName = (reading: ThreadsFake.BeforeReading): string =>
  reading === "far-end" ? "the far end of the window" : "the page next to the cursor"

/**
 * `before` the last element, in both orders: the window is all the others, so the far end and the page next to
 * the cursor do not overlap. Reports which reading the service follows next to the fake's.
 */
const before = (subject: Subject): Check => {
  const reading = subject.options.beforeReading
  const other = reading === "far-end" ? "next-to-cursor" : "far-end"
  const check = (params: Params, answer: Answer<Page.Page<Model.Entry>>) => {
    const fake = expected(subject, params)
    if (Either.isLeft(fake) || Either.isLeft(answer) || equal(fake.right, answer.right)) {
      return matches(subject, params, answer)
    }
    return holds(differs(
      `${subject.collection.call(params)}: ${readingName(reading)} (the fake's reading), ${Text.page(fake.right)}`,
      `${equal(expected(subject, params, undefined, other), answer) ? readingName(other) : "neither reading"}, ` +
        Text.page(answer.right)
    ))
  }
  return needing(subject, 2 * limit + 1, () =>
    Effect.as(
      windows(subject, cursorsAt(subject, "before", [subject.base.length - 1]), check),
      agrees(`${readingName(reading)}, as the fake`)
    ))
}

/** The checks of any list after its two traversals, in the order they run. */
const listChecks = {
  reverse: ({ asc, collection, desc }: Subject): Check => {
    const expected = desc.elements.map(({ id }) => id).reverse()
    const saw = asc.elements.map(({ id }) => id)
    return Effect.succeed(
      expected.length !== saw.length
        ? differs(`${expected.length} ${collection.noun} (as desc)`, `${saw.length} ${collection.noun}`)
        : Option.match(Arr.findFirstWithIndex(Arr.zip(expected, saw), ([id, seen]) => id !== seen), {
          onNone: () => agrees(),
          onSome: ([[id, seen], index]) =>
            differs(`${Text.quote(id)} at position ${index + 1} (desc reversed)`, Text.quote(seen))
        })
    )
  },
  pages: (subject: Subject): Check =>
    Effect.as(
      Effect.forEach([...subject.desc.pages, ...subject.asc.pages], ({ page, params }) =>
        matches(subject, params, Either.right(page))),
      agrees()
    ),
  end: (subject: Subject): Check =>
    needing(subject, limit + 1, () => windows(subject, cursorsAt(subject, "after", [subject.base.length - limit - 1]))),
  after: (subject: Subject): Check => {
    const last = subject.base.length - 2
    return needing(
      subject,
      limit + 1,
      () => windows(subject, cursorsAt(subject, "after", Arr.dedupe([0, Math.floor(last / 2), last])))
    )
  },
  before,
  "limit-0": (subject: Subject): Check => windows(subject, [{ limit: 0 }]),
  "unknown-cursor": (subject: Subject): Check => {
    const unknownId = subject.collection.unknownId
    return windows(subject, [{ limit, after: unknownId }, { limit, before: unknownId }])
  }
}

type ListKey = "traversal.desc" | "traversal.asc" | keyof typeof listChecks

const listKeys: ReadonlyArray<ListKey> = ["traversal.desc", "traversal.asc", ...Record.keys(listChecks)]

/** Traverses a list both ways and runs every check of a list on it; `subject` when both traversals ended. */
const examineList = <A extends Model.Entry>(collection: Collection<A>, options: Resolved) =>
  Effect.gen(function*() {
    const traversed = (order: ListParams.Order) => attempt(traverse(collection, { order, limit: options.pageSize }))
    const desc = yield* traversed("desc")
    const asc = yield* traversed("asc")
    const traversals = {
      "traversal.desc": Either.merge(Either.map(desc, traversalOutcome(collection.noun))),
      "traversal.asc": Either.merge(Either.map(asc, traversalOutcome(collection.noun)))
    }
    if (Either.isLeft(desc) || Either.isLeft(asc)) {
      const outcomes = { ...traversals, ...Record.map(listChecks, () => skipped("needs both full traversals")) }
      return { outcomes, subject: undefined }
    }
    const seen = new Set<string>()
    const base = [...desc.right.elements].reverse().filter(({ id }) => {
      const first = !seen.has(id)
      seen.add(id)
      return first
    })
    const subject: Subject<A> = { collection, desc: desc.right, asc: asc.right, base, options }
    const outcomes = { ...traversals, ...yield* Effect.all(Record.map(listChecks, (check) => settle(check(subject)))) }
    return { outcomes, subject }
  })

/** `count` of `values` spread evenly from the first to the last. */
const spread = <A>(values: ReadonlyArray<A>, count: number): ReadonlyArray<A> => {
  const size = Math.min(count, values.length)
  const positions = Array.from(
    { length: size },
    (_, index) => size === 1 ? 0 : Math.round(index * (values.length - 1) / (size - 1))
  )
  return Arr.filterMap(positions, (position) => Arr.get(values, position))
}

/** The filtered traversal of the user with the most threads (of at least two users) is the full one filtered. */
const user = (subject: Subject<Thread.Thread>): Check => {
  const counts = new Map<string, number>()
  for (const { user } of subject.base) counts.set(user, (counts.get(user) ?? 0) + 1)
  if (counts.size < 2) return Effect.succeed(skipped("needs threads of at least 2 users"))
  const [user, count] = Array.from(counts).reduce((best, next) => next[1] > best[1] ? next : best)
  const ofUser = (thread: Thread.Thread) => thread.user === user
  return Effect.gen(function*() {
    const traversal = yield* traverse(subject.collection, { order: "desc", limit: subject.options.pageSize, user })
    yield* holds(traversalOutcome(subject.collection.noun)(traversal))
    const stranger = traversal.elements.find((thread) => !ofUser(thread))
    if (stranger !== undefined) {
      return differs(
        `only threads of user ${Text.quote(user)}`,
        `${Text.quote(stranger.id)} of user ${Text.quote(stranger.user)}`
      )
    }
    yield* Effect.forEach(traversal.pages, ({ page, params }) => matches(subject, params, Either.right(page), ofUser))
    return agrees(`user ${Text.quote(user)}: ${count} of ${subject.base.length} threads`)
  })
}

/** Retrieving the first, middle and last listed thread gives each as listed. */
const retrieve = (subject: Subject<Thread.Thread>, ask: Ask, service: Readable): Check =>
  needing(subject, 1, () =>
    Effect.as(
      Effect.forEach(spread(subject.base, 3), (thread) => {
        const call = Text.request("retrieve", {}, thread.id)
        return ask(service.retrieve(thread.id)).pipe(
          Effect.flatMap((answer) => answered(call, answer)),
          Effect.flatMap((saw) => {
            const difference = elementDifference("threads", thread, saw)
            return holds(equal(thread, saw) ? agrees() : differs(`${call}: ${difference.expected}`, difference.saw))
          })
        )
      }),
      agrees()
    ))

/**
 * One outcome of a check for the sampled threads: the first difference (naming its thread), else agrees where
 * any agrees (with the note they share, if they all have the same), else the first reason to skip.
 */
const combine = (threadIds: ReadonlyArray<string>, outcomes: ReadonlyArray<Outcome>): Outcome => {
  const differing = Arr.zip(threadIds, outcomes).find((pair): pair is [string, Doctor.Differs] =>
    pair[1].outcome === "differs"
  )
  if (differing !== undefined) {
    const [threadId, { expected, saw }] = differing
    const thread = Text.quote(threadId)
    return differs(expected.includes(thread) ? expected : `thread ${thread}: ${expected}`, saw)
  }
  const agreeing = outcomes.filter((outcome): outcome is Doctor.Agrees => outcome.outcome === "agrees")
  const [first] = agreeing
  if (first !== undefined) {
    const note = first.note !== null && agreeing.every(({ note }) => note === first.note) ? `${first.note}; ` : ""
    return agrees(`${note}in ${agreeing.length} of ${threadIds.length} threads`)
  }
  const reason = outcomes.find((outcome): outcome is Doctor.Skipped => outcome.outcome === "skipped")?.reason
  return skipped(
    reason === undefined ? "needs at least 1 thread" : `${reason} (in each of ${threadIds.length} threads)`
  )
}

const descriptions: { readonly [K in ListKey | "user" | "retrieve"]: string } = {
  "traversal.desc": "a full traversal newest first in small pages ends, holds each element once, by created_at",
  "traversal.asc": "a full traversal oldest first in small pages ends, holds each element once, by created_at",
  reverse: "asc is desc reversed, ties included",
  pages: "every page of both traversals: data, first_id, last_id and has_more",
  end: "a page that ends exactly at the end of the list says has_more false",
  after: "the page after a cursor continues the traversal",
  before: "which page a before window answers: the far end of the window or the page next to the cursor",
  "limit-0": "limit 0 answers no data, has_more when the list is not empty",
  "unknown-cursor": "a cursor never issued, as after and as before, is a 404 naming it",
  user: "the traversal filtered by a user holds only that user's threads: the full traversal filtered",
  retrieve: "retrieving listed ids gives the threads as listed"
}

const resolve = (options: Doctor.Options | undefined): Either.Either<Resolved, Cause.IllegalArgumentException> => {
  const resolved: Resolved = {
    pageSize: options?.pageSize ?? defaultPageSize,
    maxRequests: options?.maxRequests ?? defaultMaxRequests,
    beforeReading: options?.beforeReading ?? "far-end",
    sampleThreads: options?.sampleThreads ?? defaultSampleThreads
  }
  const invalid = !Number.isInteger(resolved.pageSize) || resolved.pageSize < 1 ||
      resolved.pageSize > ListParams.maxLimit
    ? `pageSize must be an integer from 1 to ${ListParams.maxLimit}, got ${resolved.pageSize}`
    : !Number.isSafeInteger(resolved.maxRequests) || resolved.maxRequests < 1
    ? `maxRequests must be a positive integer, got ${resolved.maxRequests}`
    : !Number.isSafeInteger(resolved.sampleThreads) || resolved.sampleThreads < 0
    ? `sampleThreads must be a non-negative integer, got ${resolved.sampleThreads}`
    : undefined
  return invalid === undefined
    ? Either.right(resolved)
    : Either.left(new Cause.IllegalArgumentException(`Doctor: ${invalid}`))
}

/** @internal */
export const examine = (service: Readable, options?: Doctor.Options): Effect.Effect<Doctor.Report, ChatKitError> =>
  Effect.gen(function*() {
    const resolved = yield* Effect.orDie(resolve(options))
    const spent = yield* Ref.make(0)
    const ask: Ask = <A>(call: Effect.Effect<A, ChatKitError>) =>
      Effect.flatMap(
        Ref.modify(spent, (requests) => requests < resolved.maxRequests ? [true, requests + 1] : [false, requests]),
        (granted): Effect.Effect<Answer<A>, ChatKitError | Verdict> =>
          granted
            ? Effect.catchIf(
              Effect.map(call, Either.right),
              (error) => !fatal.has(error._tag),
              (error) => Effect.succeed(Either.left(error))
            )
            : Effect.fail(
              new Verdict({ outcome: skipped(`the request budget of ${resolved.maxRequests} requests is spent`) })
            )
      )
    const threads = yield* examineList({
      noun: "threads",
      call: (params) => Text.request("list", params),
      list: (params) => ask(service.list(params)),
      unknownId: "cthr_000000000000000000000000"
    }, resolved)
    const { subject } = threads
    const threadChecks = subject === undefined
      ? { user: skipped("needs both full traversals"), retrieve: skipped("needs both full traversals") }
      : yield* Effect.all({ user: settle(user(subject)), retrieve: settle(retrieve(subject, ask, service)) })
    const sample = subject === undefined ? [] : spread([...subject.base].reverse(), resolved.sampleThreads)
    const items = yield* Effect.forEach(sample, ({ id }) =>
      examineList({
        noun: "items",
        call: ({ user: _, ...params }) => Text.request("listItems", params, id),
        list: ({ user: _, ...params }) => ask(service.listItems(id, params)),
        unknownId: "cthi_000000000000000000000000"
      }, resolved))
    const checks: ReadonlyArray<Doctor.Check> = [
      ...Record.toEntries({ ...threads.outcomes, ...threadChecks }).map(([key, outcome]) => ({
        name: `threads.${key}`,
        description: descriptions[key],
        ...outcome
      })),
      ...listKeys.map((key) => ({
        name: `items.${key}`,
        description: descriptions[key],
        ...combine(sample.map(({ id }) => id), items.map(({ outcomes }) => outcomes[key]))
      }))
    ]
    const count = (outcome: Outcome["outcome"]) => checks.filter((check) => check.outcome === outcome).length
    return {
      checks,
      agrees: count("agrees"),
      differs: count("differs"),
      skipped: count("skipped"),
      requests: yield* Ref.get(spent),
      maxRequests: resolved.maxRequests,
      beforeReading: resolved.beforeReading
    }
  })
