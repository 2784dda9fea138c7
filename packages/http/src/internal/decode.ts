import { ResponseDecodeError } from "@effect-chatkit/core/ChatKitError"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import type * as Schema from "effect/Schema"
import type { Answer, Target } from "./transport.js"

const maxMessageLength = 500

const truncate = (text: string): string =>
  text.length <= maxMessageLength ? text : `${text.slice(0, maxMessageLength)}…`

const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>(
    (acc, key) => typeof key === "number" ? `${acc}[${key}]` : `${acc}.${String(key)}`,
    "$"
  )

/**
 * A decoder of success bodies, built once per schema: JSON text to `A`, or a `ResponseDecodeError` that names
 * the request, the path in the body that failed and the request id.
 *
 * @internal
 */
export const decoder = <A, I>(schema: Schema.Schema<A, I>) => {
  const decode = ParseResult.decodeUnknownEither(schema, { errors: "first", onExcessProperty: "ignore" })
  return (answer: Answer, target: Target): Either.Either<A, ResponseDecodeError> => {
    const requestId = answer.headers["x-request-id"]
    const fail = (detail: string, cause: unknown) =>
      Either.left(
        new ResponseDecodeError({
          message: truncate(`Unexpected response body for ${target.method} ${target.path}: ${detail}`),
          status: answer.status,
          ...(requestId === undefined ? {} : { requestId }),
          cause
        })
      )
    let json: unknown
    try {
      json = JSON.parse(answer.body)
    } catch (cause) {
      return fail(answer.body.trim().length === 0 ? "empty body" : "invalid JSON", cause)
    }
    return Either.orElse(decode(json), (issue) => {
      const first = ParseResult.ArrayFormatter.formatIssueSync(issue)[0]
      return fail(
        first === undefined ? "does not match" : `at ${formatPath(first.path)}: ${first.message}`,
        new ParseResult.ParseError({ issue })
      )
    })
  }
}
