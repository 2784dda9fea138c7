import * as Arbitrary from "effect/Arbitrary"
import * as Schema from "effect/Schema"
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
 * The raw JSON object of a variant this version of the library does not know.
 *
 * @internal
 */
export interface RawObject {
  readonly type: string
  readonly [key: string]: unknown
}

/**
 * The catch-all member of a union discriminated by `type`: any JSON object whose `type` is a string outside
 * `known` decodes to `{ type: "unknown", raw }`, keeping the whole object, and encodes back to `raw` unchanged.
 *
 * @internal
 */
export const unknownVariant = (known: ReadonlyArray<string>, identifier: string) => {
  const knownTypes = new Set(known)
  const unknownType = Schema.String.pipe(
    Schema.filter((type) => !knownTypes.has(type), {
      message: () => `Expected a type other than ${known.map((type) => JSON.stringify(type)).join(", ")}`
    })
  )
  const Raw = Schema.Struct(
    { type: unknownType },
    Schema.Record({ key: Schema.String, value: Schema.Unknown })
  ).annotations({
    identifier: `${identifier}Raw`,
    arbitrary: () => (fc) =>
      fc.record({
        type: Arbitrary.make(unknownType),
        fields: fc.dictionary(recordKey(fc.string().filter((key) => key !== "type")), jsonValue(fc), {
          maxKeys: 4
        })
      }).map(({ fields, type }): RawObject => ({ ...fields, type }))
  })
  const Decoded = Schema.Struct({
    type: Schema.Literal("unknown"),
    raw: Schema.typeSchema(Raw)
  })
  return Schema.transform(Raw, Decoded, {
    strict: true,
    decode: (raw) => ({ type: "unknown" as const, raw }),
    encode: (decoded) => decoded.raw
  }).annotations({ identifier })
}
