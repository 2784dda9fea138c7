/**
 * The list envelope every ChatKit list endpoint answers with.
 *
 * @since 0.1.0
 */
import * as Arr from "effect/Array"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type { ParseOptions } from "effect/SchemaAST"
import * as Decoding from "./Decoding.js"
import * as fast from "./internal/fastDecode.js"
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
    readonly object?: "list" | undefined
    readonly data: ReadonlyArray<I>
    readonly first_id?: string | null | undefined
    readonly last_id?: string | null | undefined
    readonly has_more: boolean
  }
}

/**
 * The schema of a page of `item`. Only `data` and `has_more` are required: an absent `object` decodes as
 * `"list"`, an absent `first_id` or `last_id` as `null`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Page = <A, I, R>(item: Schema.Schema<A, I, R>): Schema.Schema<Page<A>, Page.Encoded<I>, R> =>
  Schema.Struct({
    object: Schema.optionalWith(Schema.Literal("list"), { default: () => "list" }),
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
  first_id: Option.getOrNull(Option.flatMapNullable(Arr.head(data), idOf)),
  last_id: Option.getOrNull(Option.flatMapNullable(Arr.last(data), idOf)),
  has_more: hasMore
})

const fastDecoder = <A, I>(
  schema: Schema.Schema<Page<A>, Page.Encoded<I>>,
  element: Schema.Schema<A, I>,
  fastElement: (u: unknown) => A | undefined,
  options: ParseOptions | undefined
): (input: unknown) => Either.Either<Page<A>, ParseResult.ParseIssue> => {
  const slow = Decoding.decodeUnknownEither(schema, options)
  if (!fast.takesFastPath(options)) return slow
  const slowElement = Decoding.decodeUnknownEither(element, options)
  const fallback = (u: unknown) => Either.getOrUndefined(slowElement(u))
  return (input) => {
    const decoded = fast.page(input, fastElement, fallback)
    return decoded === undefined ? slow(input) : Either.right(decoded)
  }
}

/**
 * A decoder of pages of threads that answers exactly as `Decoding.decodeUnknownEither(ThreadPage, options)`
 * (same values, same errors; never throws) but several times faster on what the API sends: the common shape
 * (every key present, unknown statuses included) is checked and copied by hand, and anything else is left to the
 * schema.
 * Build it once and reuse it.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeThreadPage = (
  options?: ParseOptions
): (input: unknown) => Either.Either<Page<Thread>, ParseResult.ParseIssue> =>
  fastDecoder(ThreadPage, Thread, fast.thread, options)

/**
 * A decoder of pages of thread items that answers exactly as
 * `Decoding.decodeUnknownEither(ThreadItemPage, options)` (same values, same errors; never throws) but several
 * times faster on what the API sends: items with every key present, unknown values at any level included, are
 * checked and copied by hand, and anything else is left to the schema. Build it once and reuse it.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeThreadItemPage = (
  options?: ParseOptions
): (input: unknown) => Either.Either<Page<ThreadItem>, ParseResult.ParseIssue> =>
  fastDecoder(ThreadItemPage, ThreadItem, fast.item, options)
