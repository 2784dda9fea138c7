/**
 * How the doctor writes what it expected and what it saw: ids and other API text quoted, with every control
 * character escaped, so a report is safe to print on a terminal whatever the API answered.
 *
 * @internal
 */
import * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import type * as Page from "@effect-chatkit/core/Page"
import * as Predicate from "effect/Predicate"

const controls = /[\u007f-\u009f\u2028\u2029]/g

/**
 * A string as a JSON string literal, with DEL and the C1 controls escaped as well as the C0 ones
 * `JSON.stringify` escapes.
 *
 * @internal
 */
export const quote = (text: string): string =>
  JSON.stringify(text).replace(controls, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)

const shown = 6

/**
 * Ids as a list, the middle elided when there are many: `["a", "b", … 7 more …, "z"]`.
 *
 * @internal
 */
export const ids = (values: ReadonlyArray<string>): string => {
  const quoted = values.length <= shown
    ? values.map(quote)
    : [...values.slice(0, 3).map(quote), `… ${values.length - 5} more …`, ...values.slice(-2).map(quote)]
  return `[${quoted.join(", ")}]`
}

/**
 * The parameters of a list call as the doctor sends them.
 *
 * @internal
 */
export interface Params {
  readonly limit?: number | undefined
  readonly order?: "asc" | "desc" | undefined
  readonly after?: string | undefined
  readonly before?: string | undefined
  readonly user?: string | undefined
}

/**
 * A call, e.g. `list(order desc, limit 2, after "cthr_1")` or `listItems("cthr_1", limit 2)`.
 *
 * @internal
 */
export const request = (operation: string, params: Params, threadId?: string): string => {
  const parts = [
    threadId === undefined ? [] : [quote(threadId)],
    params.order === undefined ? [] : [`order ${params.order}`],
    params.limit === undefined ? [] : [`limit ${params.limit}`],
    params.after === undefined ? [] : [`after ${quote(params.after)}`],
    params.before === undefined ? [] : [`before ${quote(params.before)}`],
    params.user === undefined ? [] : [`user ${quote(params.user)}`]
  ].flat()
  return `${operation}(${parts.join(", ")})`
}

/**
 * A page by its ids and `has_more`.
 *
 * @internal
 */
export const page = <A>(value: Page.Page<A>, idOf: (element: A) => string): string =>
  `data ${ids(value.data.map(idOf))}, has_more ${value.has_more}`

/**
 * An error by its class, status and `param`, e.g. `NotFoundError (404, param "after")`.
 *
 * @internal
 */
export const error = (value: ChatKitError.ChatKitError): string => {
  const status = ChatKitError.statusOf(value)
  const param = Predicate.hasProperty(value, "param") && typeof value.param === "string" ? value.param : null
  const details = [
    ...(status === undefined ? [] : [String(status)]),
    ...(param === null ? [] : [`param ${quote(param)}`])
  ]
  return `${value._tag}${details.length === 0 ? "" : ` (${details.join(", ")})`}`
}
