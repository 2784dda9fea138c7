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
import * as ParseResult from "effect/ParseResult"
import * as Record from "effect/Record"
import * as Ref from "effect/Ref"
import * as Schema from "effect/Schema"
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

/** The numeric options, each with its default and range. */
const Numbers = Schema.Struct({
  pageSize: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, ListParams.maxLimit)), {
    default: () => defaultPageSize
  }),
  maxRequests: Schema.optionalWith(Schema.Int.pipe(Schema.positive()), { default: () => defaultMaxRequests }),
  sampleThreads: Schema.optionalWith(Schema.NonNegativeInt, { default: () => defaultSampleThreads })
})

/** The options with every default filled in. */
type Resolved = typeof Numbers.Type & { readonly beforeReading: ThreadsFake.BeforeReading }

const agrees = (note: string | null = null): Outcome => ({ outcome: "agrees", note })

const differs = (expected: string, saw: string): Outcome => ({ outcome: "differs", expected, saw })

const skipped = (reason: string): Outcome => ({ outcome: "skipped", reason })

/** Ends a check early with its outcome: the first difference, or a reason to skip it. */
class Verdict extends Data.TaggedError("Verdict")<{ readonly outcome: Outcome }> {}

/** A check's work: its result, or an early `Verdict`, or a `ChatKitError` that stops the whole run. */
type Checking<A = Outcome> = Effect.Effect<A, ChatKitError | Verdict>

/** Goes on when `outcome` agrees; otherwise ends the check with it. */
const holds = (outcome: Outcome): Effect.Effect<void, Verdict> =>
  outcome.outcome === "agrees" ? Effect.void : Effect.fail(new Verdict({ outcome }))

/** The result, or the outcome of the `Verdict` that ended it early. */
const attempt = <A>(checking: Checking<A>): Effect.Effect<Either.Either<A, Outcome>, ChatKitError> =>
  checking.pipe(
    Effect.map(Either.right),
    Effect.catchTag("Verdict", ({ outcome }) => Effect.succeed(Either.left(outcome)))
  )

const settle = (check: Checking): Effect.Effect<Outcome, ChatKitError> => Effect.map(attempt(check), Either.merge)

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
  readonly list: (params: Params) => Checking<Answer<Page.Page<A>>>
  /** An id of the list's kind that was never issued. */
  readonly unknownId: string
}

/** A traversal: each call with its page, and the elements of all its pages. */
interface Traversal<A> {
  readonly pages: ReadonlyArray<{ readonly params: Params; readonly page: Page.Page<A> }>
  readonly elements: ReadonlyArray<A>
}

/**
 * Pages through a list as `ThreadsService.stream` does (`after` = the last id). A traversal that does not end
 * (a page saying `has_more` without a `last_id`, or a cursor that comes back) ends the check with a difference.
 */
const traverse = <A extends Model.Entry>(
  collection: Collection<A>,
  params: Params & { readonly order: ListParams.Order }
): Checking<Traversal<A>> =>
  Effect.gen(function*() {
    const pages: Array<Traversal<A>["pages"][number]> = []
    const cursors = new Set<string>()
    const endless = (saw: string) => new Verdict({ outcome: differs(`the traversal ${params.order} ends`, saw) })
    for (let call: Params = params;;) {
      const page = yield* answered(collection.call(call), yield* collection.list(call))
      pages.push({ params: call, page })
      if (!page.has_more) return { pages, elements: pages.flatMap(({ page }) => page.data) }
      if (page.last_id === null) return yield* endless(`${collection.call(call)} says has_more true without a last_id`)
      if (cursors.has(page.last_id)) return yield* endless(`the cursor ${Text.quote(page.last_id)} comes back`)
      cursors.add(page.last_id)
      call = { ...params, after: page.last_id }
    }
  })

/** A traversal in `order` on its own: it holds every element once and is ordered by `created_at`. */
const traversalOutcome = (noun: string, order: ListParams.Order, traversal: Traversal<Model.Entry>): Outcome => {
  const { elements } = traversal
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

/** How an element differs from the one expected, e.g. `thread "cthr_1" …` and `the same thread with other "title"`. */
const elementDifference = (call: string, noun: string, expected: Model.Entry, saw: Model.Entry): Outcome => {
  const singular = noun === "threads" ? "thread" : "item"
  const keys = Arr.dedupe([...Object.keys(expected), ...Object.keys(saw)])
    .filter((key) => !equal(Reflect.get(expected, key), Reflect.get(saw, key)))
  return differs(
    `${call}: ${singular} ${Text.quote(expected.id)} as in the full traversal`,
    `the same ${singular} with other ${keys.map(Text.quote).join(", ")}`
  )
}

const readingName = (reading: ThreadsFake.BeforeReading): string =>
  reading === "far-end" ? "the far end of the window" : "the page next to the cursor"

/**
 * The answer to `params` against the fake's page over the subject's data (filtered by `include`): `agrees`,
 * or `differs` naming the call and the first thing that differs (a 404 expected, an error answered, the ids
 * or `has_more`, with the reading of `before` each side follows when the call has one, then
 * `first_id`/`last_id`, then an element's fields).
 */
const compare = <A extends Model.Entry>(
  subject: Subject<A>,
  params: Params,
  answer: Answer<Page.Page<A>>,
  include?: (element: A) => boolean
): Outcome => {
  const call = subject.collection.call(params)
  const reading = subject.options.beforeReading
  const fake = Model.expectedPage(subject.base, params, include, reading)
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
    if (params.before === undefined) return differs(`${call}: ${Text.page(expected)}`, Text.page(saw))
    const other = reading === "far-end" ? "next-to-cursor" : "far-end"
    const follows = equal(Model.expectedPage(subject.base, params, include, other), answer)
    return differs(
      `${call}: ${readingName(reading)} (the fake's reading), ${Text.page(expected)}`,
      `${follows ? readingName(other) : "neither reading"}, ${Text.page(saw)}`
    )
  }
  const bounds = (page: Page.Page<A>) =>
    `first_id ${Text.quote(String(page.first_id))}, last_id ${Text.quote(String(page.last_id))}`
  if (expected.first_id !== saw.first_id || expected.last_id !== saw.last_id) {
    return differs(`${call}: ${bounds(expected)}`, bounds(saw))
  }
  const differing = Arr.zip(expected.data, saw.data).find(([element, seen]) => !equal(element, seen))
  if (differing !== undefined) return elementDifference(call, subject.collection.noun, ...differing)
  return differs(`${call}: a page object "list"`, `object ${Text.quote(String(saw.object))}`)
}

/** Each page answered is the fake's page for its call, or the check ends with the first that is not. */
const pagesMatch = <A extends Model.Entry>(
  subject: Subject<A>,
  pages: Traversal<A>["pages"],
  include?: (element: A) => boolean
): Checking<void> =>
  Effect.forEach(pages, ({ page, params }) => holds(compare(subject, params, Either.right(page), include)), {
    discard: true
  })

/** Runs `check` when the list holds at least `count` elements; otherwise it is skipped. */
const needing = (subject: Subject, count: number, check: () => Checking): Checking =>
  subject.base.length >= count
    ? check()
    : Effect.succeed(skipped(`needs at least ${count} ${subject.collection.noun}`))

/** The page size of the window checks: small, so that windows are longer than a page. */
const limit = 2

/**
 * A check that asks each of the subject's `calls` in turn, up to the first answer that is not the fake's page,
 * and agrees with `note`; skipped when the list holds fewer than `needs` elements.
 */
const windows = (
  needs: number,
  calls: (subject: Subject) => ReadonlyArray<Params>,
  note: (subject: Subject) => string | null = () => null
) =>
(subject: Subject): Checking =>
  needing(subject, needs, () =>
    Effect.as(
      Effect.forEach(
        calls(subject),
        (params) => Effect.flatMap(subject.collection.list(params), (answer) => holds(compare(subject, params, answer)))
      ),
      agrees(note(subject))
    ))

const orders: ReadonlyArray<ListParams.Order> = ["desc", "asc"]

/** In both orders, a call with `cursor` at each of the `positions` in a list of `length` elements. */
const cursorsAt =
  (cursor: "after" | "before", positions: (length: number) => ReadonlyArray<number>) =>
  (subject: Subject): ReadonlyArray<Params> =>
    orders.flatMap((order) => {
      const list = Model.ordered(subject.base, order)
      return Arr.filterMap(positions(list.length), (position) => Arr.get(list, position)).map(({ id }) => ({
        order,
        limit,
        [cursor]: id
      }))
    })

/** The checks of any list after its two traversals, in the order they run. */
const listChecks = {
  reverse: ({ asc, collection, desc }: Subject): Checking => {
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
  pages: (subject: Subject): Checking =>
    Effect.as(pagesMatch(subject, [...subject.desc.pages, ...subject.asc.pages]), agrees()),
  end: windows(limit + 1, cursorsAt("after", (length) => [length - limit - 1])),
  after: windows(limit + 1, cursorsAt("after", (length) => Arr.dedupe([0, Math.floor((length - 2) / 2), length - 2]))),
  // `before` the last element: the window is all the others, so the far end and the page next to the cursor
  // do not overlap
  before: windows(
    2 * limit + 1,
    cursorsAt("before", (length) => [length - 1]),
    ({ options }) => `${readingName(options.beforeReading)}, as the fake`
  ),
  "limit-0": windows(0, () => [{ limit: 0 }]),
  "unknown-cursor": windows(
    0,
    ({ collection: { unknownId } }) => [{ limit, after: unknownId }, { limit, before: unknownId }]
  )
}

/** Traverses a list both ways and runs every check of a list on it; `subject` when both traversals ended. */
const examineList = <A extends Model.Entry>(collection: Collection<A>, options: Resolved) =>
  Effect.gen(function*() {
    const traversed = (order: ListParams.Order) => attempt(traverse(collection, { order, limit: options.pageSize }))
    const desc = yield* traversed("desc")
    const asc = yield* traversed("asc")
    const outcome = (order: ListParams.Order) => (traversal: Traversal<A>) =>
      traversalOutcome(collection.noun, order, traversal)
    const traversals = {
      "traversal.desc": Either.merge(Either.map(desc, outcome("desc"))),
      "traversal.asc": Either.merge(Either.map(asc, outcome("asc")))
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
const user = (subject: Subject<Thread.Thread>): Checking => {
  const counts = new Map<string, number>()
  for (const { user } of subject.base) counts.set(user, (counts.get(user) ?? 0) + 1)
  if (counts.size < 2) return Effect.succeed(skipped("needs threads of at least 2 users"))
  const [user, count] = Array.from(counts).reduce((best, next) => next[1] > best[1] ? next : best)
  const ofUser = (thread: Thread.Thread) => thread.user === user
  return Effect.gen(function*() {
    const traversal = yield* traverse(subject.collection, { order: "desc", limit: subject.options.pageSize, user })
    yield* holds(traversalOutcome(subject.collection.noun, "desc", traversal))
    const stranger = traversal.elements.find((thread) => !ofUser(thread))
    if (stranger !== undefined) {
      return differs(
        `only threads of user ${Text.quote(user)}`,
        `${Text.quote(stranger.id)} of user ${Text.quote(stranger.user)}`
      )
    }
    yield* pagesMatch(subject, traversal.pages, ofUser)
    return agrees(`user ${Text.quote(user)}: ${count} of ${subject.base.length} threads`)
  })
}

/** Retrieving the first, middle and last listed thread gives each as listed. */
const retrieve = (
  subject: Subject<Thread.Thread>,
  retrieved: (threadId: string) => Checking<Answer<Thread.Thread>>
): Checking =>
  needing(subject, 1, () =>
    Effect.as(
      Effect.forEach(spread(subject.base, 3), (thread) => {
        const call = Text.request("retrieve", {}, thread.id)
        return retrieved(thread.id).pipe(
          Effect.flatMap((answer) => answered(call, answer)),
          Effect.flatMap((saw) =>
            holds(equal(thread, saw) ? agrees() : elementDifference(call, "threads", thread, saw))
          )
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

const descriptions = {
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

/** The options with their defaults, or the first out of its range, named. */
const resolve = (options: Doctor.Options = {}): Either.Either<Resolved, Cause.IllegalArgumentException> =>
  Schema.decodeEither(Numbers)(options).pipe(
    Either.map((numbers) => ({ ...numbers, beforeReading: options.beforeReading ?? "far-end" })),
    Either.mapLeft((error) => {
      const [issue] = ParseResult.ArrayFormatter.formatErrorSync(error)
      return new Cause.IllegalArgumentException(`Doctor: ${issue?.path.join(".")}: ${issue?.message}`)
    })
  )

/** @internal */
export const examine = (service: Readable, options?: Doctor.Options): Effect.Effect<Doctor.Report, ChatKitError> =>
  Effect.gen(function*() {
    const resolved = yield* Effect.orDie(resolve(options))
    const spent = yield* Ref.make(0)
    /** Makes one call of the request budget; when the budget is spent, the check is skipped. */
    const ask = <A>(call: Effect.Effect<A, ChatKitError>): Checking<Answer<A>> =>
      Effect.flatMap(
        Ref.modify(spent, (requests) => requests < resolved.maxRequests ? [true, requests + 1] : [false, requests]),
        (granted): Checking<Answer<A>> =>
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
      : yield* Effect.all({
        user: settle(user(subject)),
        retrieve: settle(retrieve(subject, (threadId) => ask(service.retrieve(threadId))))
      })
    const sample = subject === undefined ? [] : spread([...subject.base].reverse(), resolved.sampleThreads)
    const items = yield* Effect.forEach(sample, ({ id }) =>
      examineList({
        noun: "items",
        call: ({ user: _, ...params }) => Text.request("listItems", params, id),
        list: ({ user: _, ...params }) => ask(service.listItems(id, params)),
        unknownId: "cthi_000000000000000000000000"
      }, resolved))
    const named = <K extends keyof typeof descriptions>(noun: string, outcomes: Record.ReadonlyRecord<K, Outcome>) =>
      Record.toEntries(outcomes).map(([key, outcome]) => ({
        name: `${noun}.${key}`,
        description: descriptions[key],
        ...outcome
      }))
    const checks: ReadonlyArray<Doctor.Check> = [
      ...named("threads", { ...threads.outcomes, ...threadChecks }),
      ...named(
        "items",
        Record.map(
          threads.outcomes,
          (_, key) => combine(sample.map(({ id }) => id), items.map(({ outcomes }) => outcomes[key]))
        )
      )
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
