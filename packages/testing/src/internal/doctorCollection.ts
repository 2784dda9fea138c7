/**
 * One list the doctor examines (the threads, or the items of one thread), the fake's answer for it from the
 * conformance model, and how answers are compared.
 *
 * @internal
 */
import type * as ListParams from "@effect-chatkit/core/ListParams"
import type * as Page from "@effect-chatkit/core/Page"
import * as Arr from "effect/Array"
import type * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Equal from "effect/Equal"
import * as Utils from "effect/Utils"
import type * as Doctor from "../Doctor.js"
import type { ThreadsFake } from "../ThreadsFake.js"
import * as Model from "./conformanceModel.js"
import type { Failure } from "./doctorSource.js"
import * as Text from "./doctorText.js"

/**
 * The parameters of one list call.
 *
 * @internal
 */
export type Params = ListParams.ListThreadsParams

/**
 * A list under examination.
 *
 * @internal
 */
export interface Collection<A> {
  /** `threads` or `items`: the prefix of the check names. */
  readonly noun: "threads" | "items"
  readonly list: (params: Params) => Effect.Effect<Page.Page<A>, Failure>
  /** The call `list` makes, as reports show it. */
  readonly call: (params: Params) => string
  /** The id and `created_at` the model orders an element by. */
  readonly entry: (element: A) => Model.Entry
  /** An id of the collection's shape that was never issued. */
  readonly unknownId: string
}

/**
 * An element with the id and creation time the model orders it by.
 *
 * @internal
 */
export interface Entry<A> extends Model.Entry {
  readonly value: A
}

/**
 * Deep equality of decoded values.
 *
 * @internal
 */
export const equal = (self: unknown, that: unknown): boolean => Utils.structuralRegion(() => Equal.equals(self, that))

/**
 * The elements as model entries, keeping the first of any repeated id.
 *
 * @internal
 */
export const entries = <A>(collection: Collection<A>, elements: ReadonlyArray<A>): ReadonlyArray<Entry<A>> => {
  const seen = new Set<string>()
  return elements.flatMap((value) => {
    const { created_at, id } = collection.entry(value)
    if (seen.has(id)) return []
    seen.add(id)
    return [{ id, created_at, value }]
  })
}

/**
 * The fake's page for the data `base` (in insertion order), or the cursor it answers a 404 for.
 *
 * @internal
 */
export const expectedPage = <A>(
  base: ReadonlyArray<Entry<A>>,
  params: Params,
  beforeReading: ThreadsFake.BeforeReading,
  include?: (element: A) => boolean
): Either.Either<Page.Page<A>, "after" | "before"> =>
  Either.map(
    Model.expectedPage(
      base,
      params,
      include === undefined ? undefined : (entry) => include(entry.value),
      beforeReading
    ),
    (page) => ({ ...page, data: page.data.map((entry) => entry.value) })
  )

/**
 * The error the fake answers for a cursor it never issued.
 *
 * @internal
 */
export const notFound = (param: "after" | "before"): string => `NotFoundError (404, param ${Text.quote(param)})`

/**
 * @internal
 */
export const agrees = (note: string | null = null): Doctor.Outcome => ({ outcome: "agrees", note })

/**
 * @internal
 */
export const differs = (expected: string, saw: string): Doctor.Outcome => ({ outcome: "differs", expected, saw })

/**
 * @internal
 */
export const skipped = (reason: string): Doctor.Outcome => ({ outcome: "skipped", reason })

/**
 * The first outcome that is not `agrees`, else `agrees`.
 *
 * @internal
 */
export const firstDifference = (outcomes: ReadonlyArray<Doctor.Outcome>, note: string | null = null): Doctor.Outcome =>
  outcomes.find((outcome) => outcome.outcome !== "agrees") ?? agrees(note)

const differentKeys = (expected: object, saw: object): ReadonlyArray<string> =>
  Array.from(new Set([...Object.keys(expected), ...Object.keys(saw)])).filter((key) =>
    !equal((expected as Record<string, unknown>)[key], (saw as Record<string, unknown>)[key])
  )

/**
 * How an element differs from the one expected, e.g. `thread "cthr_1" with other title, status`.
 *
 * @internal
 */
export const elementDifference = <A>(
  collection: Collection<A>,
  expected: A,
  saw: A
): { readonly expected: string; readonly saw: string } => {
  const noun = collection.noun === "threads" ? "thread" : "item"
  const keys = typeof expected === "object" && expected !== null && typeof saw === "object" && saw !== null
    ? differentKeys(expected, saw).map(Text.quote).join(", ")
    : "value"
  return {
    expected: `${noun} ${Text.quote(collection.entry(expected).id)} as in the full traversal`,
    saw: `the same ${noun} with other ${keys}`
  }
}

/**
 * Compares one answer with the fake's: `agrees`, or `differs` naming the call and the first thing that
 * differs (a 404 expected, the ids or `has_more`, then `first_id`/`last_id`, then an element's fields).
 *
 * @internal
 */
export const comparePage = <A>(
  collection: Collection<A>,
  params: Params,
  answer: Either.Either<Page.Page<A>, "after" | "before">,
  saw: Page.Page<A>
): Doctor.Outcome => {
  const call = collection.call(params)
  const idOf = (element: A) => collection.entry(element).id
  if (Either.isLeft(answer)) return differs(`${call}: ${notFound(answer.left)}`, Text.page(saw, idOf))
  const expected = answer.right
  if (equal(expected, saw)) return agrees()
  const ids = (page: Page.Page<A>) => page.data.map(idOf)
  if (!equal(ids(expected), ids(saw)) || expected.has_more !== saw.has_more) {
    return differs(`${call}: ${Text.page(expected, idOf)}`, Text.page(saw, idOf))
  }
  const bounds = (page: Page.Page<A>) =>
    `first_id ${Text.quote(String(page.first_id))}, last_id ${Text.quote(String(page.last_id))}`
  if (expected.first_id !== saw.first_id || expected.last_id !== saw.last_id) {
    return differs(`${call}: ${bounds(expected)}`, bounds(saw))
  }
  const differing = Arr.zip(expected.data, saw.data).find(([element, seen]) => !equal(element, seen))
  if (differing !== undefined) {
    const difference = elementDifference(collection, ...differing)
    return differs(`${call}: ${difference.expected}`, difference.saw)
  }
  return differs(`${call}: a page object "list"`, `object ${Text.quote(String(saw.object))}`)
}
