import * as Arbitrary from "effect/Arbitrary"
import * as Schema from "effect/Schema"
import { withErrorCode } from "./errorCode.js"
import { recordKey } from "./jsonArbitrary.js"

// The messages leave out OpenAI's "Invalid '<param>': " prefix: validation adds it with the dotted path of the
// parameter, so one schema serves at any depth.

const show = (value: unknown): string =>
  typeof value === "string"
    ? `'${value}'`
    : typeof value === "object" && value !== null
    ? JSON.stringify(value)
    : String(value)

/**
 * The message and code of a value of the wrong type.
 *
 * @internal
 */
export const expected = (what: string): {
  readonly message: (issue: { readonly actual: unknown }) => string
} & ReturnType<typeof withErrorCode> => ({
  message: (issue: { readonly actual: unknown }) => `expected ${what}, but got ${show(issue.actual)} instead.`,
  ...withErrorCode("invalid_type")
})

/**
 * An integer at least `min` and, when given, at most `max`.
 *
 * @internal
 */
export const integer = (min: number, max?: number) => {
  const atLeast = Schema.Number.annotations(expected("an integer")).pipe(
    Schema.int(expected("an integer")),
    Schema.greaterThanOrEqualTo(min, {
      message: (issue) =>
        `integer below minimum value. Expected a value >= ${min}, but got ${show(issue.actual)} instead.`,
      ...withErrorCode("integer_below_min_value")
    })
  )
  return max === undefined ? atLeast : atLeast.pipe(Schema.lessThanOrEqualTo(max, {
    message: (issue) =>
      `integer above maximum value. Expected a value <= ${max}, but got ${show(issue.actual)} instead.`,
    ...withErrorCode("integer_above_max_value")
  }))
}

/**
 * Any string.
 *
 * @internal
 */
export const string = Schema.String.annotations(expected("a string"))

/**
 * A string of at least one character.
 *
 * @internal
 */
export const nonEmptyString = string.pipe(Schema.minLength(1, {
  message: () => "string too short. Expected a string with minimum length 1, but got an empty string instead.",
  ...withErrorCode("empty_string")
}))

/**
 * A string of at most `maxLength` characters.
 *
 * @internal
 */
export const stringUpTo = (maxLength: number, base: Schema.Schema<string> = string) =>
  base.pipe(Schema.maxLength(maxLength, {
    message: (issue) =>
      `string too long. Expected a string with maximum length ${maxLength}, but got a string with length ${
        String(issue.actual).length
      } instead.`,
    ...withErrorCode("string_above_max_length")
  }))

/**
 * A boolean.
 *
 * @internal
 */
export const boolean = Schema.Boolean.annotations(expected("a boolean"))

/**
 * Exactly one of `values`.
 *
 * @internal
 */
export const oneOf = <const Values extends readonly [string, ...Array<string>]>(...values: Values) =>
  Schema.Literal(...values).annotations({
    message: (issue) => `${show(issue.actual)}. Supported values are: ${values.map(show).join(" and ")}.`,
    ...withErrorCode("invalid_value")
  })

/**
 * The message of an object of the wrong type. Not a code: a struct annotated with one would hide the nested
 * parameter that failed.
 *
 * @internal
 */
export const anObject = { message: expected("an object").message }

const keysOf = (actual: unknown): ReadonlyArray<string> =>
  typeof actual === "object" && actual !== null ? Object.keys(actual) : []

/**
 * A record with at most `maxKeys` keys of at most `maxKeyLength` characters each.
 *
 * @internal
 */
export const boundedRecord = <A, I>(value: Schema.Schema<A, I>, maxKeys: number, maxKeyLength: number) =>
  Schema.Record({ key: Schema.String, value }).annotations({
    ...anObject,
    arbitrary: () => (fc) =>
      fc.dictionary(recordKey(fc.string({ maxLength: maxKeyLength })), Arbitrary.make(value), { maxKeys })
  }).pipe(
    Schema.filter((record) => Object.keys(record).length <= maxKeys, {
      message: (issue) =>
        `too many properties. Expected an object with at most ${maxKeys} properties, but got an object with ${
          keysOf(issue.actual).length
        } properties instead.`,
      ...withErrorCode("object_above_max_properties")
    }),
    Schema.filter((record) => Object.keys(record).every((key) => key.length <= maxKeyLength), {
      message: (issue) =>
        `key too long. Expected keys with maximum length ${maxKeyLength}, but got a key with length ${
          Math.max(...keysOf(issue.actual).map((key) => key.length))
        } instead.`,
      ...withErrorCode("string_above_max_length")
    })
  )
