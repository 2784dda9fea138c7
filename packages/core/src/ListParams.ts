/**
 * The query parameters of the two list endpoints, with the API's exact constraints.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { withErrorCode } from "./internal/errorCode.js"

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

const show = (value: unknown): string => typeof value === "string" ? `'${value}'` : String(value)

/**
 * Page size: an integer from 0 to 100.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Limit = Schema.Number.annotations({
  message: (issue) => `Invalid 'limit': expected an integer, but got ${show(issue.actual)} instead.`,
  ...withErrorCode("invalid_type")
}).pipe(
  Schema.int({
    message: (issue) => `Invalid 'limit': expected an integer, but got ${show(issue.actual)} instead.`,
    ...withErrorCode("invalid_type")
  }),
  Schema.greaterThanOrEqualTo(0, {
    message: (issue) =>
      `Invalid 'limit': integer below minimum value. Expected a value >= 0, but got ${show(issue.actual)} instead.`,
    ...withErrorCode("integer_below_min_value")
  }),
  Schema.lessThanOrEqualTo(maxLimit, {
    message: (issue) =>
      `Invalid 'limit': integer above maximum value. Expected a value <= ${maxLimit}, but got ${
        show(issue.actual)
      } instead.`,
    ...withErrorCode("integer_above_max_value")
  })
)

/**
 * Sort order by creation time.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Order = Schema.Literal("asc", "desc").annotations({
  message: (issue) => `Invalid 'order': ${show(issue.actual)}. Supported values are: 'asc' and 'desc'.`,
  ...withErrorCode("invalid_value")
})

/**
 * @since 0.1.0
 * @category models
 */
export type Order = typeof Order.Type

const boundedString = (param: string, maxLength?: number) => {
  const base = Schema.String.annotations({
    message: (issue) => `Invalid '${param}': expected a string, but got ${show(issue.actual)} instead.`,
    ...withErrorCode("invalid_type")
  }).pipe(Schema.minLength(1, {
    message: () =>
      `Invalid '${param}': string too short. Expected a string with minimum length 1, but got an empty string instead.`,
    ...withErrorCode("empty_string")
  }))
  return maxLength === undefined ? base : base.pipe(Schema.maxLength(maxLength, {
    message: (issue) =>
      `Invalid '${param}': string too long. Expected a string with maximum length ${maxLength}, but got a string with length ${
        String(issue.actual).length
      } instead.`,
    ...withErrorCode("string_above_max_length")
  }))
}

/**
 * A cursor: the id of an element of the list, exclusive.
 *
 * @since 0.1.0
 * @category schemas
 */
export const After = boundedString("after")

/**
 * @since 0.1.0
 * @category schemas
 */
export const Before = boundedString("before")

/**
 * The user filter of the threads list: 1 to 512 characters.
 *
 * @since 0.1.0
 * @category schemas
 */
export const User = boundedString("user", maxUserLength)

/**
 * The parameters of listing a thread's items. Every one is optional: `limit` defaults to 20, `order` to
 * `"desc"`; `after` and `before` are exclusive bounds given as ids of the list.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListItemsParams = Schema.Struct({
  limit: Schema.optional(Limit),
  order: Schema.optional(Order),
  after: Schema.optional(After),
  before: Schema.optional(Before)
}).annotations({ identifier: "ListItemsParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ListItemsParams extends Schema.Schema.Type<typeof ListItemsParams> {}

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
