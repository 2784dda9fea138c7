/**
 * The list envelope every ChatKit list endpoint answers with.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { nullable } from "./internal/schema.js"
import { Thread } from "./Thread.js"
import { ThreadItem } from "./ThreadItem.js"

/**
 * One page of a list. `first_id`/`last_id` are the ids of the first and last element of `data` (`null` when
 * `data` is empty); `has_more` tells whether the list goes on past `last_id`, the cursor of the next page.
 *
 * @since 0.1.0
 * @category models
 */
export interface Page<A> {
  readonly object: "list"
  readonly data: ReadonlyArray<A>
  readonly first_id: string | null
  readonly last_id: string | null
  readonly has_more: boolean
}

/**
 * @since 0.1.0
 */
export declare namespace Page {
  /**
   * A page as it travels on the wire.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Encoded<I> {
    readonly object: "list"
    readonly data: ReadonlyArray<I>
    readonly first_id?: string | null | undefined
    readonly last_id?: string | null | undefined
    readonly has_more: boolean
  }
}

/**
 * The schema of a page of `item`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Page = <A, I, R>(item: Schema.Schema<A, I, R>): Schema.Schema<Page<A>, Page.Encoded<I>, R> =>
  Schema.Struct({
    object: Schema.Literal("list"),
    data: Schema.Array(item),
    first_id: nullable(Schema.String),
    last_id: nullable(Schema.String),
    has_more: Schema.Boolean
  })

/**
 * A page of threads.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ThreadPage: Schema.Schema<Page<Thread>, Page.Encoded<Thread.Encoded>> = Page(Thread).annotations({
  identifier: "ThreadPage"
})

/**
 * A page of thread items.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ThreadItemPage: Schema.Schema<Page<ThreadItem>, Page.Encoded<ThreadItem.Encoded>> = Page(ThreadItem)
  .annotations({ identifier: "ThreadItemPage" })

/**
 * Builds a page from its data, deriving `first_id` and `last_id` from the ids of the first and last element.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <A>(
  data: ReadonlyArray<A>,
  hasMore: boolean,
  idOf: (element: A) => string | undefined
): Page<A> => ({
  object: "list",
  data,
  first_id: data.length > 0 ? idOf(data[0]!) ?? null : null,
  last_id: data.length > 0 ? idOf(data[data.length - 1]!) ?? null : null,
  has_more: hasMore
})
