/**
 * Decoding input nobody vouches for (response bodies, request bodies, untyped callers' parameters) with this
 * library's schemas, or any other, without ever throwing.
 *
 * Effect's own decoders can throw on such input: a union whose members are told apart by a literal field
 * (every ChatKit item and status union) reads that field with `String(value)`, which throws a `TypeError` on
 * an object whose `toString` and `valueOf` are not functions, as JSON `{"type": {"toString": 1}}` gives.
 * These decoders answer exactly as Effect's wherever Effect's answer, and with a parse issue at that field
 * where Effect's would throw.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import type * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"

const cannotConvert = (value: object): boolean => {
  try {
    String(value)
    return false
  } catch {
    return true
  }
}

/**
 * Where in `input` the first object is (depth first) that `String` cannot convert to a string, if any.
 * Objects convert with their own prototype's `toString` whatever their fields hold, and arrays element by
 * element, so such an object is the culprit itself, not one of its containers.
 */
const unconvertiblePath = (input: unknown): ReadonlyArray<PropertyKey> | undefined => {
  const stack: Array<{ readonly value: unknown; readonly path: ReadonlyArray<PropertyKey> }> = [{
    value: input,
    path: []
  }]
  const seen = new Set<object>()
  while (stack.length > 0) {
    const { path, value } = stack.pop()!
    if (typeof value !== "object" || value === null || seen.has(value)) continue
    seen.add(value)
    if (!Array.isArray(value) && cannotConvert(value)) return path
    const entries = Object.entries(value)
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!
      stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] })
    }
  }
  return undefined
}

const unconvertibleIssue = (input: unknown, path: ReadonlyArray<PropertyKey>): ParseResult.ParseIssue => {
  const actual = path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown>)[key], input)
  const issue = new ParseResult.Type(
    AST.unknownKeyword,
    actual,
    "Expected a string, number, boolean or null, actual an object that cannot be converted to a string"
  )
  const [head, ...tail] = path
  return head === undefined ? issue : new ParseResult.Pointer([head, ...tail], input, issue)
}

/**
 * `ParseResult.decodeUnknownEither(schema, options)`, except that it never throws on input its schema cannot
 * read (see the module's description): such input is a `Left` whose issue points at the object that cannot be
 * converted. Anything else thrown (a defect of a schema's own code) is thrown again.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeUnknownEither = <A, I>(
  schema: Schema.Schema<A, I, never>,
  options?: AST.ParseOptions
): (input: unknown, overrideOptions?: AST.ParseOptions) => Either.Either<A, ParseResult.ParseIssue> => {
  const decode = ParseResult.decodeUnknownEither(schema, options)
  return (input, overrideOptions) => {
    try {
      return decode(input, overrideOptions)
    } catch (error) {
      const path = unconvertiblePath(input)
      if (path === undefined) throw error
      return Either.left(unconvertibleIssue(input, path))
    }
  }
}
