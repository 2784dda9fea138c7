import { ListParams } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Either, FastCheck, Schema } from "effect"
import { isPlainListQuery } from "../../src/internal/serverNow.js"

const options = { onExcessProperty: "error" } as const
const validThreads = Schema.decodeUnknownEither(ListParams.ListThreadsParams, options)
const validItems = Schema.decodeUnknownEither(ListParams.ListItemsParams, options)

const value = FastCheck.oneof(
  FastCheck.constantFrom(-1, -0, 0, 1.5, 20, 100, 101, "", "asc", "desc", "ASC", "20", "cthr_1"),
  FastCheck.integer({ min: -5, max: 105 }),
  FastCheck.double({ min: -1, max: 101, noNaN: true }),
  FastCheck.string({ maxLength: 8 }),
  FastCheck.constantFrom(511, 512, 513).map((length) => "u".repeat(length))
)

const query = FastCheck.dictionary(
  FastCheck.constantFrom("limit", "order", "after", "before", "user", "other", "__proto__"),
  value,
  { maxKeys: 5 }
)

describe("serverNow", () => {
  it.prop("a plain list query is one the service's validation accepts unchanged", [query], ([query]) => {
    for (const [withUser, valid] of [[true, validThreads], [false, validItems]] as const) {
      if (isPlainListQuery(query, withUser)) assert.deepStrictEqual(valid(query), Either.right(query))
    }
  }, { fastCheck: { numRuns: 3000 } })

  it.prop(
    "valid params in their common form take the hot path",
    [FastCheck.record({
      limit: FastCheck.integer({ min: 0, max: ListParams.maxLimit }),
      order: FastCheck.constantFrom("asc" as const, "desc" as const),
      after: FastCheck.string({ minLength: 1 }),
      before: FastCheck.string({ minLength: 1 }),
      user: FastCheck.string({ minLength: 1, maxLength: ListParams.maxUserLength })
    }, { requiredKeys: [] })],
    ([params]) => {
      assert.isTrue(isPlainListQuery(params, true))
      assert.strictEqual(isPlainListQuery(params, false), params.user === undefined)
    }
  )
})
