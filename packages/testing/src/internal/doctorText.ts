/**
 * How the doctor writes what it expected and what it saw, and its report: ids and other API text quoted, with
 * every control character escaped, so a report is safe to print on a terminal whatever the API answered.
 *
 * @internal
 */
import * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import type * as ListParams from "@effect-chatkit/core/ListParams"
import type * as Page from "@effect-chatkit/core/Page"
import * as Predicate from "effect/Predicate"
import type * as Doctor from "../Doctor.js"

const controls = /[\u007f-\u009f\u2028\u2029]/g

/**
 * A string as a JSON string literal, with DEL and the C1 controls escaped as well as the C0 ones
 * `JSON.stringify` escapes.
 *
 * @internal
 */
export const quote = (text: string): string =>
  JSON.stringify(text).replace(controls, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)

/** Ids as a list, the middle elided when there are many: `["a", "b", "c", … 7 more …, "y", "z"]`. */
const ids = (values: ReadonlyArray<string>): string => {
  const quoted = values.length <= 6
    ? values.map(quote)
    : [...values.slice(0, 3).map(quote), `… ${values.length - 5} more …`, ...values.slice(-2).map(quote)]
  return `[${quoted.join(", ")}]`
}

/**
 * A call, e.g. `list(order desc, limit 2, after "cthr_1")` or `listItems("cthr_1", limit 2)`.
 *
 * @internal
 */
export const request = (operation: string, params: ListParams.ListThreadsParams, threadId?: string): string => {
  const parts = (["order", "limit", "after", "before", "user"] as const).flatMap((key) => {
    const value = params[key]
    return value === undefined ? [] : [`${key} ${typeof value === "string" && key !== "order" ? quote(value) : value}`]
  })
  return `${operation}(${[...(threadId === undefined ? [] : [quote(threadId)]), ...parts].join(", ")})`
}

/**
 * A page by its ids and `has_more`.
 *
 * @internal
 */
export const page = (value: Page.Page<{ readonly id: string }>): string =>
  `data ${ids(value.data.map(({ id }) => id))}, has_more ${value.has_more}`

/**
 * An error by its class, status and `param`, e.g. `NotFoundError (404, param "after")`.
 *
 * @internal
 */
export const error = (value: ChatKitError.ChatKitError): string => {
  const param = Predicate.hasProperty(value, "param") && Predicate.isString(value.param) ? value.param : undefined
  const details = [ChatKitError.statusOf(value), param === undefined ? undefined : `param ${quote(param)}`]
    .filter(Predicate.isNotUndefined)
  return `${value._tag}${details.length === 0 ? "" : ` (${details.join(", ")})`}`
}

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
