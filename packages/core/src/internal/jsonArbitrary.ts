/**
 * Building blocks of the schemas' arbitraries: values as they come back from the wire, so that generated data
 * survives `JSON.parse(JSON.stringify(value))` and decoding unchanged.
 *
 * @internal
 */
import type * as FastCheck from "effect/FastCheck"

/**
 * Finite numbers without `-0`, which JSON writes as `0`.
 *
 * @internal
 */
export const jsonNumber = (fc: typeof FastCheck): FastCheck.Arbitrary<number> =>
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => n + 0)

/**
 * Any JSON value, as JSON gives it back (fast-check's `jsonValue` may draw `-0`).
 *
 * @internal
 */
export const jsonValue = (fc: typeof FastCheck): FastCheck.Arbitrary<unknown> =>
  fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown)

/**
 * The keys of a generated record: a decoded record cannot hold an own `"__proto__"` key, so none is drawn.
 *
 * @internal
 */
export const recordKey = (key: FastCheck.Arbitrary<string>): FastCheck.Arbitrary<string> =>
  key.filter((name) => name !== "__proto__")
