/**
 * The query parameters of the two list endpoints, with the API's exact constraints.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { integer, nonEmptyString, oneOf, stringUpTo } from "./internal/constraints.js"

/**
 * The page size when `limit` is not given.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultLimit = 20

/**
 * The largest page the API serves.
 *
 * @since 0.1.0
 * @category constants
 */
export const maxLimit = 100

/**
 * The order when `order` is not given: newest first.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultOrder: Order = "desc"

/**
 * The longest `user` filter the API accepts.
 *
 * @since 0.1.0
 * @category constants
 */
export const maxUserLength = 512

/**
 * Page size: an integer from 0 to 100.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Limit = integer(0, maxLimit)

/**
 * Sort order by creation time.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Order = oneOf("asc", "desc")

/**
 * @since 0.1.0
 * @category models
 */
export type Order = typeof Order.Type

/**
 * A cursor: the id of an element of the list, exclusive.
 *
 * @since 0.1.0
 * @category schemas
 */
export const After = nonEmptyString

/**
 * @since 0.1.0
 * @category schemas
 */
export const Before = nonEmptyString

/**
 * The user filter of the threads list: 1 to 512 characters.
 *
 * @since 0.1.0
 * @category schemas
 */
export const User = stringUpTo(maxUserLength, nonEmptyString)

/**
 * The parameters of listing a thread's items. Every one is optional: `limit` defaults to 20, `order` to
 * `"desc"`; `after` and `before` are exclusive bounds given as ids of the list, and `null` stands for an absent
 * one (so that a page's `last_id` can be passed as it is).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListItemsParams = Schema.Struct({
  limit: Schema.optional(Limit),
  order: Schema.optional(Order),
  after: Schema.optionalWith(After, { nullable: true }),
  before: Schema.optionalWith(Before, { nullable: true })
}).annotations({ identifier: "ListItemsParams" })

/**
 * The parameters once checked: `after` and `before` are absent or ids, never `null`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ListItemsParams extends Schema.Schema.Type<typeof ListItemsParams> {}

/**
 * @since 0.1.0
 */
export declare namespace ListItemsParams {
  /**
   * The parameters as a caller gives them: `after` and `before` may be `null`.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Encoded extends Schema.Schema.Encoded<typeof ListItemsParams> {}
}

/**
 * The parameters of listing threads: those of items, plus the `user` filter.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListThreadsParams = Schema.Struct({
  ...ListItemsParams.fields,
  user: Schema.optional(User)
}).annotations({ identifier: "ListThreadsParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ListThreadsParams extends Schema.Schema.Type<typeof ListThreadsParams> {}

/**
 * @since 0.1.0
 */
export declare namespace ListThreadsParams {
  /**
   * The parameters as a caller gives them: `after` and `before` may be `null`.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Encoded extends Schema.Schema.Encoded<typeof ListThreadsParams> {}
}
