/**
 * Full traversals of a list, page by page as `ThreadsService.stream` pages (`after` = the last id), keeping
 * every page, and the checks of a traversal on its own.
 *
 * @internal
 */
import type * as ListParams from "@effect-chatkit/core/ListParams"
import type * as Page from "@effect-chatkit/core/Page"
import * as Arr from "effect/Array"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Doctor from "../Doctor.js"
import type { Collection, Params } from "./doctorCollection.js"
import { agrees, differs } from "./doctorCollection.js"
import type { Failure } from "./doctorSource.js"
import * as Text from "./doctorText.js"

/**
 * One call of a traversal and its answer.
 *
 * @internal
 */
export interface Fetched<A> {
  readonly params: Params
  readonly page: Page.Page<A>
}

/**
 * A traversal: its pages, their elements in order, and why it stopped early, if it did (a page saying
 * `has_more` without a `last_id`, or a cursor that repeats).
 *
 * @internal
 */
export interface Traversal<A> {
  readonly order: ListParams.Order
  readonly pages: ReadonlyArray<Fetched<A>>
  readonly elements: ReadonlyArray<A>
  readonly stuck: string | undefined
}

/**
 * Fetches every page of `params` (order, page size, filter), following `last_id` while `has_more`.
 *
 * @internal
 */
export const traverse = <A>(
  collection: Collection<A>,
  params: Params & { readonly order: ListParams.Order }
): Effect.Effect<Traversal<A>, Failure> =>
  Effect.gen(function*() {
    const pages: Array<Fetched<A>> = []
    const cursors = new Set<string>()
    let after: string | undefined = undefined
    while (true) {
      const call: Params = after === undefined ? params : { ...params, after }
      const page = yield* collection.list(call)
      pages.push({ params: call, page })
      const stuck = !page.has_more
        ? undefined
        : page.last_id === null
        ? `${collection.call(call)} says has_more true without a last_id`
        : cursors.has(page.last_id)
        ? `the cursor ${Text.quote(page.last_id)} comes back`
        : undefined
      if (!page.has_more || page.last_id === null || stuck !== undefined) {
        return { order: params.order, pages, elements: pages.flatMap(({ page }) => page.data), stuck }
      }
      cursors.add(page.last_id)
      after = page.last_id
    }
  })

/**
 * A traversal on its own: it ends, holds every element once, and is ordered by `created_at`.
 *
 * @internal
 */
export const traversalOutcome = <A>(collection: Collection<A>) => (traversal: Traversal<A>): Doctor.Outcome => {
  const noun = collection.noun
  if (traversal.stuck !== undefined) return differs(`the traversal ${traversal.order} ends`, traversal.stuck)
  const entries = traversal.elements.map(collection.entry)
  const seen = new Set<string>()
  for (const entry of entries) {
    if (seen.has(entry.id)) return differs(`each of the ${noun} once`, `${Text.quote(entry.id)} twice`)
    seen.add(entry.id)
  }
  const sign = traversal.order === "asc" ? 1 : -1
  const backwards = Arr.zip(entries, entries.slice(1)).find(([previous, next]) =>
    sign * (next.created_at - previous.created_at) < 0
  )
  if (backwards !== undefined) {
    const [previous, next] = backwards
    return differs(
      `created_at ${traversal.order === "asc" ? "never decreasing" : "never increasing"}`,
      `${Text.quote(previous.id)} (${previous.created_at}) before ${Text.quote(next.id)} (${next.created_at})`
    )
  }
  const pages = traversal.pages.length
  return agrees(`${entries.length} ${noun} in ${pages} ${pages === 1 ? "page" : "pages"}`)
}

/**
 * `asc` is `desc` reversed: the same elements, ties in the opposite order.
 *
 * @internal
 */
export const reverseOutcome = <A>(
  collection: Collection<A>,
  desc: Traversal<A>,
  asc: Traversal<A>
): Doctor.Outcome => {
  const expected = desc.elements.map((element) => collection.entry(element).id).reverse()
  const saw = asc.elements.map((element) => collection.entry(element).id)
  if (expected.length !== saw.length) {
    return differs(`${expected.length} ${collection.noun} (as desc)`, `${saw.length} ${collection.noun}`)
  }
  return Option.match(Arr.findFirstWithIndex(Arr.zip(expected, saw), ([id, seen]) => id !== seen), {
    onNone: () => agrees(),
    onSome: ([[id, seen], index]) =>
      differs(`${Text.quote(id)} at position ${index + 1} (desc reversed)`, `${Text.quote(seen)}`)
  })
}
