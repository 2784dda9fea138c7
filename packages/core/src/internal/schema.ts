/**
 * The building blocks of the open models: nullable keys, arrays that may be absent, open string enums and the
 * catch-all member of unions discriminated by `type`.
 *
 * @internal
 */
import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import type * as FastCheck from "effect/FastCheck"
import * as ParseResult from "effect/ParseResult"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"
import { jsonValue, recordKey } from "./jsonArbitrary.js"

/**
 * A key the API always sends, possibly as `null`. Decoding accepts an absent key as `null` (the Python SDK
 * does the same); encoding always writes the key, `null` included.
 *
 * @internal
 */
export const nullable = <A, I, R>(schema: Schema.Schema<A, I, R>) =>
  Schema.optionalWith(Schema.NullOr(schema), { default: () => null })

/**
 * An array the API always sends. Decoding accepts an absent key as `[]`; encoding always writes the key.
 *
 * @internal
 */
export const array = <A, I, R>(schema: Schema.Schema<A, I, R>) =>
  Schema.optionalWith(Schema.Array(schema), { default: () => [] })

const otherThan = (known: ReadonlyArray<string>) => {
  const knownValues = new Set(known)
  return Schema.String.pipe(
    Schema.filter((value) => !knownValues.has(value), {
      message: () => `Expected a value other than ${known.map((value) => JSON.stringify(value)).join(", ")}`
    })
  )
}

/**
 * An open string enum: the `known` literals, or any other string branded `brand`. A value the API adds later
 * decodes unchanged (it stays a plain string on the wire and on screen) and is typed apart from the known ones.
 *
 * @internal
 */
export const openLiteral = <const Known extends readonly [string, ...Array<string>], const B extends string>(
  known: Known,
  brand: B
) =>
  Schema.Union(Schema.Literal(...known), otherThan(known).pipe(Schema.brand(brand)).annotations({ identifier: brand }))

/**
 * The raw JSON object of a variant this version of the library does not know.
 *
 * @internal
 */
export interface RawObject {
  readonly type: string
  readonly [key: string]: unknown
}

/**
 * A copy of a JSON object made of data properties only: an own `"__proto__"` key (which `JSON.parse` can
 * give) stays an ordinary key, and the copy's prototype is `Object.prototype` whatever the input's. A spread
 * copies as `Object.fromEntries(Object.entries(input))` does for such an object, forty times faster (unknown
 * items and parts are copied on every page).
 *
 * @internal
 */
export const copyObject = <A extends object>(input: A): A => ({ ...input })

const ignoreExcess = (options: AST.ParseOptions | undefined): AST.ParseOptions | undefined =>
  options?.onExcessProperty === undefined || options.onExcessProperty === "ignore"
    ? options
    : { ...options, onExcessProperty: "ignore" }

/** Fields that identify an object. */
type IdentityFields = { readonly [key: string]: Schema.Schema.AnyNoContext }

/** The parser of a declared object type: any object whose fields pass `check`, itself (not a copy). */
const passThrough = <A>(
  check: (input: unknown, options?: AST.ParseOptions) => Either.Either<unknown, ParseResult.ParseIssue>
) =>
() =>
(input: unknown, options: AST.ParseOptions, ast: AST.Declaration): Either.Either<A, ParseResult.ParseIssue> =>
  Predicate.isRecord(input)
    ? Either.map(check(input, ignoreExcess(options)), () => input as A)
    : Either.left(new ParseResult.Type(ast, input))

/**
 * `union` behind a check of the fields that identify each of its members (`id`, …): a missing or wrongly typed
 * one is the first failure, pointing at that field, whatever the member (the union alone would first report
 * that a `type` it does not know is not one of those it knows).
 *
 * @internal
 */
export const identifiedBy = <A, I>(
  identity: IdentityFields,
  union: Schema.Schema<A, I>
): Schema.Schema<A, I> => {
  const check = ParseResult.decodeUnknownEither(Schema.Struct(identity))
  const Identified = Schema.declare([], { decode: passThrough<I>(check), encode: passThrough<I>(check) })
  return Schema.compose(Identified, union)
}

/**
 * The catch-all member of a union discriminated by `type`. Any JSON object whose `type` is a string outside
 * `known`, and that has the `identity` fields (checked as declared, their failures pointing at the field),
 * decodes to `{ type: "unknown", ...identity, raw }`: `raw` is a copy of the whole object (made without
 * assigning keys, so that a `"__proto__"` key cannot change its prototype) and is what encoding writes back.
 *
 * @internal
 */
export const unknownVariant = <Identity extends IdentityFields>(
  known: ReadonlyArray<string>,
  identifier: string,
  identity: Identity
) => {
  type Raw = RawObject & Schema.Struct.Type<Identity>
  // (typed by hand: TypeScript cannot see that a struct of generic fields has no context)
  const Identified = Schema.Struct({ type: otherThan(known), ...identity }) as unknown as Schema.Schema<Raw>
  const check = ParseResult.decodeUnknownEither(Identified)
  const rawArbitrary = (fc: typeof FastCheck) =>
    fc.record({
      identified: Arbitrary.make(Identified),
      fields: fc.dictionary(
        recordKey(fc.string().filter((key) => key !== "type" && !Object.hasOwn(identity, key))),
        jsonValue(fc),
        { maxKeys: 4 }
      )
    }).map(({ fields, identified }) => ({ ...fields, ...identified }) as Raw)
  const Raw = Schema.declare(
    [],
    {
      decode: () => (input, options, ast) => Either.map(passThrough<Raw>(check)()(input, options, ast), copyObject),
      encode: passThrough<Raw>(check)
    },
    { identifier: `${identifier}Raw`, arbitrary: () => rawArbitrary }
  )
  const Decoded = Schema.Struct({ type: Schema.Literal("unknown"), ...identity, raw: Raw })
  const keys = Object.keys(identity)
  const fromRaw = (raw: Raw): typeof Decoded.Type => {
    const decoded: Record<string, unknown> = { type: "unknown" }
    for (const key of keys) decoded[key] = raw[key]
    decoded.raw = raw
    return decoded as typeof Decoded.Type
  }
  return Schema.transform(
    Raw,
    // generated from a raw object, so that the copies of its identity fields agree with it
    Decoded.annotations({ arbitrary: () => (fc) => rawArbitrary(fc).map(fromRaw) }),
    { strict: false, decode: fromRaw, encode: (decoded) => (decoded as { readonly raw: Raw }).raw }
  ).annotations({ identifier })
}
