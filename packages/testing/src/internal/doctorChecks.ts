/**
 * The checks of one list against the fake's answers for its data: the traversal pages, a page ending at the
 * end, `after` and `before` windows, `limit = 0` and an unknown cursor.
 *
 * @internal
 */
import type * as ListParams from "@effect-chatkit/core/ListParams"
import type * as Page from "@effect-chatkit/core/Page"
import * as Arr from "effect/Array"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Doctor from "../Doctor.js"
import type { ThreadsFake } from "../ThreadsFake.js"
import * as Model from "./conformanceModel.js"
import type { Collection, Entry, Params } from "./doctorCollection.js"
import {
  agrees,
  comparePage,
  differs,
  equal,
  expectedPage,
  firstDifference,
  notFound,
  skipped
} from "./doctorCollection.js"
import type { Failure } from "./doctorSource.js"
import * as Text from "./doctorText.js"
import type { Traversal } from "./doctorTraversal.js"

/**
 * A list with its two traversals and the data the fake is given: the elements of the newest-first traversal
 * in insertion order (oldest first, ties as the service broke them).
 *
 * @internal
 */
export interface Subject<A> {
  readonly collection: Collection<A>
  readonly desc: Traversal<A>
  readonly asc: Traversal<A>
  readonly base: ReadonlyArray<Entry<A>>
  readonly beforeReading: ThreadsFake.BeforeReading
}

/** The page size of the window checks: small, so that windows are longer than a page. */
const limit = 2

const orders: ReadonlyArray<ListParams.Order> = ["desc", "asc"]

/**
 * Runs `check` when the list holds at least `count` elements; otherwise it is skipped.
 *
 * @internal
 */
export const needing = <A, E>(
  subject: Subject<A>,
  count: number,
  check: () => Effect.Effect<Doctor.Outcome, E>
): Effect.Effect<Doctor.Outcome, E> =>
  subject.base.length >= count
    ? check()
    : Effect.succeed(skipped(`needs at least ${count} ${subject.collection.noun}`))

const ids = <A>(subject: Subject<A>, order: ListParams.Order): ReadonlyArray<string> =>
  Model.ordered(subject.base, order).map((entry) => entry.id)

/** The ids at `positions` of the list in `order`; a position outside the list has none. */
const idsAt = <A>(
  subject: Subject<A>,
  order: ListParams.Order,
  positions: ReadonlyArray<number>
): ReadonlyArray<string> => {
  const all = ids(subject, order)
  return Arr.filterMap(positions, (position) => Arr.get(all, position))
}

/**
 * Asks each call in turn and compares it with the fake's answer, up to the first difference.
 */
const windows = <A>(
  subject: Subject<A>,
  calls: ReadonlyArray<Params>,
  compare: (params: Params, saw: Page.Page<A>) => Doctor.Outcome = (params, saw) =>
    comparePage(subject.collection, params, expectedPage(subject.base, params, subject.beforeReading), saw)
): Effect.Effect<Doctor.Outcome, Failure> =>
  Effect.gen(function*() {
    for (const params of calls) {
      const outcome = compare(params, yield* subject.collection.list(params))
      if (outcome.outcome !== "agrees") return outcome
    }
    return agrees()
  })

/**
 * Every page of both traversals is the fake's page for the same call.
 *
 * @internal
 */
export const pages = <A>(subject: Subject<A>): Doctor.Outcome =>
  firstDifference(
    [...subject.desc.pages, ...subject.asc.pages].map(({ page, params }) =>
      comparePage(subject.collection, params, expectedPage(subject.base, params, subject.beforeReading), page)
    )
  )

/**
 * A page whose window holds exactly `limit` elements, in both orders: `has_more` is false.
 *
 * @internal
 */
export const end = <A>(subject: Subject<A>): Effect.Effect<Doctor.Outcome, Failure> =>
  needing(subject, limit + 1, () =>
    windows(
      subject,
      orders.flatMap((order) =>
        idsAt(subject, order, [subject.base.length - limit - 1]).map((after) => ({ order, limit, after }))
      )
    ))

/**
 * The page after a cursor at the start, the middle and the end of the list, in both orders.
 *
 * @internal
 */
export const after = <A>(subject: Subject<A>): Effect.Effect<Doctor.Outcome, Failure> => {
  const last = subject.base.length - 2
  const positions = Array.from(new Set([0, Math.floor(last / 2), last]))
  return needing(subject, limit + 1, () =>
    windows(
      subject,
      orders.flatMap((order) => idsAt(subject, order, positions).map((after) => ({ order, limit, after })))
    ))
}

const readingName = (reading: ThreadsFake.BeforeReading): string =>
  reading === "far-end" ? "the far end of the window" : "the page next to the cursor"

/**
 * `before` the last element, in both orders: the window is all the others, so the far end and the page next
 * to the cursor do not overlap. Reports which reading the service follows next to the fake's.
 *
 * @internal
 */
export const before = <A>(subject: Subject<A>): Effect.Effect<Doctor.Outcome, Failure> => {
  const { base, beforeReading, collection } = subject
  const other: ThreadsFake.BeforeReading = beforeReading === "far-end" ? "next-to-cursor" : "far-end"
  const idOf = (element: A) => collection.entry(element).id
  const compare = (params: Params, saw: Page.Page<A>): Doctor.Outcome => {
    const fake = Either.getOrThrow(expectedPage(base, params, beforeReading))
    if (equal(fake, saw)) return agrees()
    const sawReading = equal(Either.getOrThrow(expectedPage(base, params, other)), saw) ? readingName(other) : null
    return differs(
      `${collection.call(params)}: ${readingName(beforeReading)} (the fake's reading), ${Text.page(fake, idOf)}`,
      `${sawReading ?? "neither reading"}, ${Text.page(saw, idOf)}`
    )
  }
  return needing(subject, 2 * limit + 1, () =>
    Effect.map(
      windows(
        subject,
        orders.flatMap((order) => idsAt(subject, order, [base.length - 1]).map((before) => ({ order, limit, before }))),
        compare
      ),
      (outcome) => outcome.outcome === "agrees" ? agrees(`${readingName(beforeReading)}, as the fake`) : outcome
    ))
}

/**
 * `limit: 0`: no data, `has_more` when the list is not empty.
 *
 * @internal
 */
export const limitZero = <A>(subject: Subject<A>): Effect.Effect<Doctor.Outcome, Failure> =>
  windows(subject, [{ limit: 0 }])

/**
 * A cursor never issued, as `after` and as `before`: a 404 naming it. Only the status and `param` are
 * compared.
 *
 * @internal
 */
export const unknownCursor = <A>(subject: Subject<A>): Effect.Effect<Doctor.Outcome, Failure> => {
  const { collection } = subject
  const idOf = (element: A) => collection.entry(element).id
  return Effect.map(
    Effect.forEach(["after", "before"] as const, (param) => {
      const params = { limit, [param]: collection.unknownId }
      return collection.list(params).pipe(
        Effect.map((page): Doctor.Outcome =>
          differs(`${collection.call(params)}: ${notFound(param)}`, Text.page(page, idOf))
        ),
        Effect.catchTag("Refused", ({ error, request }) =>
          Effect.succeed(
            Text.error(error) === notFound(param)
              ? agrees()
              : differs(`${request}: ${notFound(param)}`, Text.error(error))
          ))
      )
    }),
    (outcomes) => firstDifference(outcomes)
  )
}
