import { ResponseDecodeError } from "@effect-chatkit/core/ChatKitError"
import * as Decoding from "@effect-chatkit/core/Decoding"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Predicate from "effect/Predicate"
import type * as Schema from "effect/Schema"
import type { ParseOptions } from "effect/SchemaAST"
import { scrub } from "./redact.js"
import type { Answer, Target } from "./transport.js"

const maxMessageLength = 500

const truncate = (text: string): string =>
  text.length <= maxMessageLength ? text : `${text.slice(0, maxMessageLength)}…`

const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>(
    (acc, key) => typeof key === "number" ? `${acc}[${key}]` : `${acc}.${String(key)}`,
    "$"
  )

const maxRedactDepth = 8

/** `value` with every string and key mapped by `f`; what nests deeper than 8 levels becomes `null`. */
const mapStrings = (value: unknown, f: (text: string) => string, depth = 0): unknown => {
  if (typeof value === "string") return f(value)
  if (!Predicate.isObject(value)) return value
  if (depth >= maxRedactDepth) return null
  if (Array.isArray(value)) return value.map((element) => mapStrings(element, f, depth + 1))
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [f(key), mapStrings(entry, f, depth + 1)]))
}

/** The strings of `value` (not its keys), down to 8 levels. */
const stringsIn = (value: unknown, depth = 0): ReadonlyArray<string> =>
  typeof value === "string"
    ? value.length > 0 ? [value] : []
    : Predicate.isObject(value) && depth < maxRedactDepth
    ? Object.values(value).flatMap((entry) => stringsIn(entry, depth + 1))
    : []

/**
 * The body with every string (and key) under `keys` replaced by `<redacted>`, and those strings removed from
 * the rest of the body. Types are kept, so the body fails to decode where it did.
 */
const redactBody = (json: unknown, keys: ReadonlyArray<string>): unknown => {
  if (!Predicate.isRecord(json)) return json
  const present = keys.filter((key) => Object.hasOwn(json, key))
  const secrets = present.flatMap((key) => stringsIn(json[key]))
  const scrubAll = (text: string) => secrets.reduce((acc, secret) => scrub(secret)(acc), text)
  return Object.fromEntries(
    Object.entries(json).map(([key, value]) => [
      present.includes(key) ? key : scrubAll(key),
      present.includes(key) ? mapStrings(value, () => "<redacted>") : mapStrings(value, scrubAll)
    ])
  )
}

const tooDeep = Symbol("tooDeep")

/**
 * The first issue as Effect's `ArrayFormatter` describes it, or `tooDeep` when it fails: its formatting of the
 * value recurses, and a JSON value nested deeply enough overflows the stack (a `RangeError`, which its `runSync`
 * rethrows wrapped).
 */
const describeIssue = (issue: ParseResult.ParseIssue) => {
  try {
    return ParseResult.ArrayFormatter.formatIssueSync(issue)[0]
  } catch {
    return tooDeep
  }
}

/**
 * How to decode a body: `secretKeys` are top-level keys whose values must appear in no error: their strings
 * show as `<redacted>` in the message and the cause, wherever in the body they are repeated.
 *
 * @internal
 */
export interface DecoderOptions {
  readonly secretKeys?: ReadonlyArray<string> | undefined
  /** What a body that is JSON but fails to decode still tells, added to the error (a session's id and secret). */
  readonly recover?: ((json: unknown) => Partial<Pick<ResponseDecodeError, "sessionId" | "clientSecret">>) | undefined
}

/**
 * How bodies are decoded: the first error only, keys the schema does not know ignored.
 *
 * @internal
 */
export const parseOptions: ParseOptions = { errors: "first", onExcessProperty: "ignore" }

/**
 * A decoder of JSON values, as `ParseResult.decodeUnknownEither(schema, parseOptions)` returns.
 *
 * @internal
 */
export type Decode<A> = (input: unknown) => Either.Either<A, ParseResult.ParseIssue>

/**
 * The decoder of `schema` with `parseOptions`.
 *
 * @internal
 */
export const schemaDecode = <A, I>(schema: Schema.Schema<A, I>): Decode<A> =>
  Decoding.decodeUnknownEither(schema, parseOptions)

/**
 * A decoder of success bodies, built once per decoder of values (`schemaDecode(schema)`, or one that answers
 * exactly as it, such as core's fast page decoders): JSON text to `A`, or a `ResponseDecodeError` that names
 * the request, the path in the body that failed and the request id. With `secretKeys`, the error describes
 * the body with those values masked, and a body that is not JSON gets no cause (the parser's message may
 * quote it).
 *
 * @internal
 */
export const decoder = <A>(decode: Decode<A>, options: DecoderOptions = {}) => {
  const secretKeys = options.secretKeys ?? []
  return (answer: Answer, target: Target): Either.Either<A, ResponseDecodeError> => {
    const requestId = answer.requestId
    const fail = (detail: string, cause: unknown, recovered = {}) =>
      Either.left(
        new ResponseDecodeError({
          message: truncate(`Unexpected response body for ${target.method} ${target.path}: ${detail}`),
          status: answer.status,
          ...(requestId === undefined ? {} : { requestId }),
          ...(cause === undefined ? {} : { cause }),
          ...recovered
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
      const recovered = options.recover?.(json)
      // the same failure, described from the redacted body
      const shown = secretKeys.length === 0
        ? issue
        : Option.getOrUndefined(Either.getLeft(decode(redactBody(json, secretKeys))))
      if (shown === undefined) return fail("does not match", undefined, recovered)
      const first = describeIssue(shown)
      // Effect's formatters recurse into the value: one nested too deeply for them is left out, cause included
      if (first === tooDeep) return fail("does not match (a value nested too deeply to show)", undefined, recovered)
      return fail(
        first === undefined ? "does not match" : `at ${formatPath(first.path)}: ${first.message}`,
        new ParseResult.ParseError({ issue: shown }),
        recovered
      )
    })
  }
}
