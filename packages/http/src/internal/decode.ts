import { ResponseDecodeError } from "@effect-chatkit/core/ChatKitError"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Predicate from "effect/Predicate"
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

const maxMaskDepth = 8

/** Every string in `value` replaced by `<redacted>`, the rest kept (what nests deeper than 8 levels is `null`). */
const mask = (value: unknown, depth: number): unknown => {
  if (typeof value === "string") return "<redacted>"
  if (!Predicate.isObject(value)) return value
  if (depth >= maxMaskDepth) return null
  if (Array.isArray(value)) return value.map((element) => mask(element, depth + 1))
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, mask(entry, depth + 1)]))
}

/** The body with the values of `keys` masked, when it is an object that has some of them. */
const withoutSecrets = (json: unknown, keys: ReadonlyArray<string>): unknown =>
  Predicate.isRecord(json) && keys.some((key) => Object.hasOwn(json, key))
    ? {
      ...json,
      ...Object.fromEntries(keys.filter((key) => Object.hasOwn(json, key)).map((key) => [key, mask(json[key], 0)]))
    }
    : json

/**
 * How to decode a body: `secretKeys` are top-level keys whose values must appear in no error (their strings
 * are shown as `<redacted>` in the message and the cause).
 *
 * @internal
 */
export interface DecoderOptions {
  readonly secretKeys?: ReadonlyArray<string> | undefined
}

/**
 * A decoder of success bodies, built once per schema: JSON text to `A`, or a `ResponseDecodeError` that names
 * the request, the path in the body that failed and the request id. With `secretKeys`, the error describes
 * the body with those values masked, and a body that is not JSON gets no cause (the parser's message may
 * quote it).
 *
 * @internal
 */
export const decoder = <A, I>(schema: Schema.Schema<A, I>, options: DecoderOptions = {}) => {
  const decode = ParseResult.decodeUnknownEither(schema, { errors: "first", onExcessProperty: "ignore" })
  const secretKeys = options.secretKeys ?? []
  return (answer: Answer, target: Target): Either.Either<A, ResponseDecodeError> => {
    const requestId = answer.headers["x-request-id"]
    const fail = (detail: string, cause: unknown) =>
      Either.left(
        new ResponseDecodeError({
          message: truncate(`Unexpected response body for ${target.method} ${target.path}: ${detail}`),
          status: answer.status,
          ...(requestId === undefined ? {} : { requestId }),
          ...(cause === undefined ? {} : { cause })
        })
      )
    let json: unknown
    try {
      json = JSON.parse(answer.body)
    } catch (cause) {
      return fail(
        answer.body.trim().length === 0 ? "empty body" : "invalid JSON",
        secretKeys.length === 0 ? cause : undefined
      )
    }
    return Either.orElse(decode(json), (issue) => {
      // the same failure, described from the masked body (masking keeps the shape, so it fails the same way)
      const shown = secretKeys.length === 0
        ? issue
        : Option.getOrUndefined(Either.getLeft(decode(withoutSecrets(json, secretKeys))))
      if (shown === undefined) return fail("does not match", undefined)
      const first = ParseResult.ArrayFormatter.formatIssueSync(shown)[0]
      return fail(
        first === undefined ? "does not match" : `at ${formatPath(first.path)}: ${first.message}`,
        new ParseResult.ParseError({ issue: shown })
      )
    })
  }
}
