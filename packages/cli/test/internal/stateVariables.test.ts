import { assert, describe, it } from "@effect/vitest"
import { Either, FastCheck } from "effect"
import * as StateVariables from "../../src/internal/stateVariables.js"

const value = FastCheck.oneof(
  FastCheck.boolean(),
  FastCheck.double({ noNaN: true, noDefaultInfinity: true }).map((n) => n + 0),
  FastCheck.string()
)

describe("stateVariables", () => {
  it.prop("a value written as JSON reads back as itself", [value], ([written]) => {
    assert.strictEqual(StateVariables.parseValue(JSON.stringify(written)), written)
  })

  it("other text is taken as written", () => {
    for (const text of ["pro", "", "\"", "01", "1.", "True", "\"a\"b\"", "1e", "NaN"]) {
      assert.strictEqual(StateVariables.parseValue(text), text)
    }
  })

  it.prop(
    "pairs split at the first '=' and keep every key, __proto__ included (in object key order)",
    [FastCheck.uniqueArray(FastCheck.tuple(FastCheck.string().filter((k) => !k.includes("=")), FastCheck.string()), {
      selector: ([key]) => key,
      maxLength: 6
    })],
    ([pairs]) => {
      const parsed = Either.getOrThrow(StateVariables.parse(pairs.map(([key, text]) => `${key}=${text}`)))
      assert.sameMembers(Object.keys(parsed), pairs.map(([key]) => key))
      for (const [key, text] of pairs) {
        assert.strictEqual(Object.getOwnPropertyDescriptor(parsed, key)?.value, StateVariables.parseValue(text))
      }
      assert.deepStrictEqual(
        Either.getOrThrow(StateVariables.parse(["__proto__=1"])),
        Object.defineProperty({}, "__proto__", { value: 1, enumerable: true, writable: true, configurable: true })
      )
    }
  )

  it("a pair without '=' or a repeated key is an error", () => {
    assert.deepStrictEqual(StateVariables.parse(["plan"]), Either.left("--state expects key=value, got 'plan'"))
    assert.deepStrictEqual(StateVariables.parse(["a=1", "a=2"]), Either.left("--state gives 'a' more than once"))
  })
})
