/**
 * Query strings of the fake server. Parsing only shapes the raw strings; the checks are core's
 * (`ThreadsService.make` validates what the parsed query becomes), so the server's 400s say exactly what the
 * client-side validation says.
 *
 * @internal
 */
import { BadRequestError } from "@effect-chatkit/core/ChatKitError"
import * as Either from "effect/Either"

/**
 * A parsed query: every key once; `limit` a number when it is written as a plain decimal number.
 *
 * @internal
 */
export type Query = Readonly<Record<string, string | number>>

const decimal = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/

const repeated = (key: string) =>
  new BadRequestError({
    message: `Invalid '${key}': expected a single value, but the parameter was given more than once.`,
    type: "invalid_request_error",
    param: key,
    code: "invalid_value"
  })

// Without `%`, `+` or a leading `?`, splitting by hand reads a query exactly as `URLSearchParams` does.
const plain = /^[\w.~=&-]*$/

const entries = (search: string): Iterable<readonly [string, string]> => {
  if (!plain.test(search)) return new URLSearchParams(search)
  const pairs: Array<readonly [string, string]> = []
  for (const pair of search.split("&")) {
    if (pair === "") continue
    const equals = pair.indexOf("=")
    pairs.push(equals < 0 ? [pair, ""] : [pair.slice(0, equals), pair.slice(equals + 1)])
  }
  return pairs
}

/**
 * Parses a query string (`application/x-www-form-urlencoded`, as `URLSearchParams` reads it, so malformed
 * percent-encoding stays as written):
 *
 * - a key given twice (also with the same value) is a 400 naming it;
 * - `limit` becomes a number when it is a plain decimal (`20`, `-1`, `1.5`); anything else (`abc`, `1e2`,
 *   `010`, empty) stays a string, which core rejects as not an integer;
 * - every other value stays a string, and unknown keys are kept, for core to reject.
 *
 * @internal
 */
export const parse = (search: string): Either.Either<Query, BadRequestError> => {
  const values = new Map<string, string | number>()
  for (const [key, value] of entries(search)) {
    if (values.has(key)) return Either.left(repeated(key))
    values.set(key, key === "limit" && decimal.test(value) ? Number(value) : value)
  }
  return Either.right(Object.fromEntries(values))
}

/**
 * An endpoint without parameters rejects every key as core rejects unknown ones.
 *
 * @internal
 */
export const rejectAny = (query: Query): Either.Either<void, BadRequestError> => {
  const key = Object.keys(query)[0]
  return key === undefined ? Either.void : Either.left(
    new BadRequestError({
      message: `Unrecognized request argument supplied: ${key}`,
      type: "invalid_request_error",
      param: key,
      code: "unknown_parameter"
    })
  )
}
