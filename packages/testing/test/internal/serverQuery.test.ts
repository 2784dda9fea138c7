import { assert, describe, it } from "@effect/vitest"
import { Either, FastCheck } from "effect"
import { parse } from "../../src/internal/serverQuery.js"

/** What `parse` answers, read entirely with `URLSearchParams`. */
const reference = (search: string) => {
  const values = new Map<string, string>()
  for (const [key, value] of new URLSearchParams(search)) {
    if (values.has(key)) return Either.left(key)
    values.set(key, value)
  }
  return Either.right(
    Object.fromEntries(
      Array.from(
        values,
        (
          [key, value]
        ) => [key, key === "limit" && /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/.test(value) ? Number(value) : value]
      )
    )
  )
}

const search = FastCheck.array(
  FastCheck.constantFrom(
    "limit",
    "after",
    "user",
    "=",
    "&",
    "%",
    "%2",
    "%41",
    "+",
    "?",
    "_",
    ".",
    "-",
    "~",
    "1",
    " ",
    "é",
    "__proto__",
    ""
  ),
  { maxLength: 12 }
).map((parts) => parts.join(""))

describe("serverQuery", () => {
  it.prop("parse reads any query as URLSearchParams does", [search], ([search]) => {
    const parsed = parse(search)
    const expected = reference(search)
    if (Either.isLeft(expected)) {
      assert.isTrue(Either.isLeft(parsed))
      assert.strictEqual(Either.isLeft(parsed) ? parsed.left.param : undefined, expected.left)
    } else {
      assert.deepStrictEqual(parsed, Either.right(expected.right))
      assert.deepStrictEqual(Object.keys(Either.getOrThrow(parsed)), Object.keys(expected.right))
    }
  }, { fastCheck: { numRuns: 2000 } })
})
