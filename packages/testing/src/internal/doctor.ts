/**
 * The doctor's run: the threads list and the items of a sample of threads, each traversed and checked, and
 * the report.
 *
 * @internal
 */
import type { ChatKitError } from "@effect-chatkit/core/ChatKitError"
import * as ListParams from "@effect-chatkit/core/ListParams"
import type * as Thread from "@effect-chatkit/core/Thread"
import type * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import type * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import * as Arr from "effect/Array"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { identity } from "effect/Function"
import type * as Doctor from "../Doctor.js"
import type { ThreadsFake } from "../ThreadsFake.js"
import * as Checks from "./doctorChecks.js"
import type { Collection } from "./doctorCollection.js"
import {
  agrees,
  comparePage,
  differs,
  elementDifference,
  entries,
  equal,
  expectedPage,
  firstDifference,
  skipped
} from "./doctorCollection.js"
import * as Source from "./doctorSource.js"
import * as Text from "./doctorText.js"
import type { Traversal } from "./doctorTraversal.js"
import { reverseOutcome, traversalOutcome, traverse } from "./doctorTraversal.js"

/** @internal */
export const defaultPageSize = 10

/** @internal */
export const defaultMaxRequests = 500

/** @internal */
export const defaultSampleThreads = 3

interface Resolved {
  readonly pageSize: number
  readonly maxRequests: number
  readonly beforeReading: ThreadsFake.BeforeReading
  readonly sampleThreads: number
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
} as const

type Key = keyof typeof descriptions

type Named = readonly [Key, Doctor.Outcome]

const listKeys: ReadonlyArray<Key> = [
  "traversal.desc",
  "traversal.asc",
  "reverse",
  "pages",
  "end",
  "after",
  "before",
  "limit-0",
  "unknown-cursor"
]

const isNoAnswer = (failure: Source.Failure): failure is Source.Refused | Source.BudgetSpent =>
  failure._tag === "Refused" || failure._tag === "BudgetSpent"

/** Recovers from a call that gave no answer to compare with what that means for its check. */
const recover = <A>(
  check: Effect.Effect<A, Source.Failure>,
  onOutcome: (outcome: Doctor.Outcome) => A
): Effect.Effect<A, ChatKitError> =>
  Effect.catchIf(check, isNoAnswer, (failure) =>
    Effect.succeed(onOutcome(
      failure._tag === "Refused"
        ? differs(`${failure.request}: an answer`, Text.error(failure.error))
        : skipped(`the request budget of ${failure.maxRequests} requests is spent`)
    )))

const outcomeOf = (check: Effect.Effect<Doctor.Outcome, Source.Failure>): Effect.Effect<Doctor.Outcome, ChatKitError> =>
  recover(check, identity)

const traversed = <A>(
  collection: Collection<A>,
  params: Parameters<typeof traverse<A>>[1]
): Effect.Effect<Either.Either<Traversal<A>, Doctor.Outcome>, ChatKitError> =>
  recover<Either.Either<Traversal<A>, Doctor.Outcome>>(
    Effect.map(traverse(collection, params), Either.right),
    Either.left
  )

/** Traverses a list both ways and runs every check of a list on it; `subject` when both traversals ended. */
const examineList = <A>(
  collection: Collection<A>,
  options: Resolved
): Effect.Effect<
  { readonly named: ReadonlyArray<Named>; readonly subject: Checks.Subject<A> | undefined },
  ChatKitError
> =>
  Effect.gen(function*() {
    const desc = yield* traversed(collection, { order: "desc", limit: options.pageSize })
    const asc = yield* traversed(collection, { order: "asc", limit: options.pageSize })
    const outcome = Either.match({ onLeft: identity<Doctor.Outcome>, onRight: traversalOutcome(collection) })
    const traversals: ReadonlyArray<Named> = [["traversal.desc", outcome(desc)], ["traversal.asc", outcome(asc)]]
    if (Either.isLeft(desc) || Either.isLeft(asc)) {
      const reason = skipped("needs both full traversals")
      return { named: [...traversals, ...listKeys.slice(2).map((key) => [key, reason] as const)], subject: undefined }
    }
    const subject: Checks.Subject<A> = {
      collection,
      desc: desc.right,
      asc: asc.right,
      base: entries(collection, [...desc.right.elements].reverse()),
      beforeReading: options.beforeReading
    }
    const windows = yield* Effect.forEach(
      [
        ["end", Checks.end],
        ["after", Checks.after],
        ["before", Checks.before],
        ["limit-0", Checks.limitZero],
        ["unknown-cursor", Checks.unknownCursor]
      ] as const,
      ([key, check]) => Effect.map(outcomeOf(check(subject)), (outcome): Named => [key, outcome])
    )
    const named: ReadonlyArray<Named> = [
      ...traversals,
      ["reverse", reverseOutcome(collection, desc.right, asc.right)],
      ["pages", Checks.pages(subject)],
      ...windows
    ]
    return { named, subject }
  })

const threadsCollection = (source: Source.Source): Collection<Thread.Thread> => ({
  noun: "threads",
  list: source.list,
  call: (params) => Text.request("list", params),
  entry: (thread) => ({ id: thread.id, created_at: thread.created_at }),
  unknownId: "cthr_000000000000000000000000"
})

const itemEntry = (item: ThreadItem.ThreadItem) => ({ id: item.id, created_at: item.created_at })

const itemsCollection = (source: Source.Source, threadId: string): Collection<ThreadItem.ThreadItem> => ({
  noun: "items",
  list: ({ user: _, ...params }) => source.listItems(threadId, params),
  call: (params) => Text.request("listItems", params, threadId),
  entry: itemEntry,
  unknownId: "cthi_000000000000000000000000"
})

/** The filtered traversal of the user with the most threads (of at least two users). */
const userCheck = (
  subject: Checks.Subject<Thread.Thread>,
  options: Resolved
): Effect.Effect<Doctor.Outcome, ChatKitError> => {
  const counts = new Map<string, number>()
  for (const { value } of subject.base) counts.set(value.user, (counts.get(value.user) ?? 0) + 1)
  if (counts.size < 2) return Effect.succeed(skipped("needs threads of at least 2 users"))
  const [user, count] = Array.from(counts).reduce((best, next) => next[1] > best[1] ? next : best)
  const ofUser = (thread: Thread.Thread) => thread.user === user
  return outcomeOf(Effect.map(
    traverse(subject.collection, { order: "desc", limit: options.pageSize, user }),
    (traversal) => {
      const own = traversalOutcome(subject.collection)(traversal)
      if (own.outcome !== "agrees") return own
      const stranger = traversal.elements.find((thread) => !ofUser(thread))
      if (stranger !== undefined) {
        return differs(
          `only threads of user ${Text.quote(user)}`,
          `${Text.quote(stranger.id)} of user ${Text.quote(stranger.user)}`
        )
      }
      return firstDifference(
        traversal.pages.map(({ page, params }) =>
          comparePage(
            subject.collection,
            params,
            expectedPage(subject.base, params, options.beforeReading, ofUser),
            page
          )
        ),
        `user ${Text.quote(user)}: ${count} of ${subject.base.length} threads`
      )
    }
  ))
}

const spread = <A>(values: ReadonlyArray<A>, count: number): ReadonlyArray<A> => {
  const size = Math.min(count, values.length)
  const positions = Array.from(
    { length: size },
    (_, index) => size === 1 ? 0 : Math.round(index * (values.length - 1) / (size - 1))
  )
  return Arr.filterMap(positions, (position) => Arr.get(values, position))
}

/** Retrieving the first, middle and last listed thread gives each as listed. */
const retrieveCheck = (
  source: Source.Source,
  subject: Checks.Subject<Thread.Thread>
): Effect.Effect<Doctor.Outcome, ChatKitError> =>
  Checks.needing(subject, 1, () =>
    outcomeOf(Effect.map(
      Effect.forEach(spread(subject.base, 3), ({ value }) =>
        Effect.map(source.retrieve(value.id), (saw): Doctor.Outcome => {
          if (equal(value, saw)) return agrees()
          const difference = elementDifference(subject.collection, value, saw)
          return differs(`${Text.request("retrieve", {}, value.id)}: ${difference.expected}`, difference.saw)
        })),
      (outcomes) =>
        firstDifference(outcomes)
    )))

/**
 * One outcome per check for the sampled threads: the first difference (naming its thread), else agrees where
 * any agrees (with the note they share, if they all have the same), else the first reason to skip.
 */
const combine = (
  threadIds: ReadonlyArray<string>,
  perThread: ReadonlyArray<ReadonlyArray<Named>>
): ReadonlyArray<Named> =>
  listKeys.map((key) => {
    const outcomes = perThread.map((named) => named.find(([name]) => name === key)![1])
    const differing = Arr.zip(threadIds, outcomes).find(([, outcome]) => outcome.outcome === "differs")
    if (differing !== undefined) {
      const { expected, saw } = differing[1] as Doctor.Differs
      const thread = Text.quote(differing[0])
      return [key, differs(expected.includes(thread) ? expected : `thread ${thread}: ${expected}`, saw)]
    }
    const agreeing = outcomes.filter((outcome): outcome is Doctor.Agrees => outcome.outcome === "agrees")
    const [firstAgreeing] = agreeing
    if (firstAgreeing !== undefined) {
      const note = firstAgreeing.note !== null && agreeing.every(({ note }) => note === firstAgreeing.note)
        ? `${firstAgreeing.note}; `
        : ""
      return [key, agrees(`${note}in ${agreeing.length} of ${threadIds.length} threads`)]
    }
    const first = outcomes[0] as Doctor.Skipped | undefined
    return [
      key,
      skipped(
        first === undefined ? "needs at least 1 thread" : `${first.reason} (in each of ${threadIds.length} threads)`
      )
    ]
  })

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
export const examine = (
  service: ThreadsService.ThreadsService.Service,
  options?: Doctor.Options
): Effect.Effect<Doctor.Report, ChatKitError> =>
  Effect.gen(function*() {
    const resolved = yield* Effect.orDie(resolve(options))
    const source = yield* Source.make(service, resolved.maxRequests)
    const threads = yield* examineList(threadsCollection(source), resolved)
    const { subject } = threads
    const extra: ReadonlyArray<Named> = subject === undefined
      ? [["user", skipped("needs both full traversals")], ["retrieve", skipped("needs both full traversals")]]
      : [["user", yield* userCheck(subject, resolved)], ["retrieve", yield* retrieveCheck(source, subject)]]
    const sample = subject === undefined
      ? []
      : spread([...subject.base].reverse(), resolved.sampleThreads).map(({ id }) => id)
    const items = yield* Effect.forEach(sample, (threadId) =>
      Effect.map(examineList(itemsCollection(source, threadId), resolved), ({ named }) => named))
    const checks: ReadonlyArray<Doctor.Check> = [
      ...[...threads.named, ...extra].map(([key, outcome]) => ({
        name: `threads.${key}`,
        description: descriptions[key],
        ...outcome
      })),
      ...combine(sample, items).map(([key, outcome]) => ({
        name: `items.${key}`,
        description: descriptions[key],
        ...outcome
      }))
    ]
    const count = (outcome: Doctor.Outcome["outcome"]) =>
      checks.filter((check) => check.outcome === outcome).length
    return {
      checks,
      agrees: count("agrees"),
      differs: count("differs"),
      skipped: count("skipped"),
      requests: yield* source.requests,
      maxRequests: resolved.maxRequests,
      beforeReading: resolved.beforeReading
    }
  })

const line = (check: Doctor.Check): string => {
  switch (check.outcome) {
    case "agrees":
      return `${check.name}: agrees${check.note === null ? "" : ` (${check.note})`}`
    case "differs":
      return `${check.name}: differs: expected ${check.expected}; saw ${check.saw}`
    case "skipped":
      return `${check.name}: skipped: ${check.reason}`
  }
}

/** @internal */
export const text = (report: Doctor.Report): string =>
  [
    ...report.checks.map(line),
    `${report.agrees} agree, ${report.differs} differ, ${report.skipped} skipped ` +
    `(${report.requests} of at most ${report.maxRequests} requests; the fake's reading of before: ${report.beforeReading})`
  ].map((text) => `${text}\n`).join("")
