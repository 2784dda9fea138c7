import { ListParams } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Either, FastCheck, Schema } from "effect"

const decodeThreads = Schema.decodeUnknownEither(ListParams.ListThreadsParams, { onExcessProperty: "error" })
const decodeItems = Schema.decodeUnknownEither(ListParams.ListItemsParams, { onExcessProperty: "error" })

describe("ListParams", () => {
  it("documents the API defaults", () => {
    assert.strictEqual(ListParams.defaultLimit, 20)
    assert.strictEqual(ListParams.maxLimit, 100)
    assert.strictEqual(ListParams.defaultOrder, "desc")
    assert.strictEqual(ListParams.maxUserLength, 512)
  })

  it.prop("accepts every integer limit from 0 to 100", [FastCheck.integer({ min: 0, max: 100 })], ([limit]) => {
    assert.isTrue(Either.isRight(decodeThreads({ limit })))
    assert.isTrue(Either.isRight(decodeItems({ limit })))
  })

  it.prop(
    "rejects every other limit",
    [FastCheck.oneof(
      FastCheck.integer({ max: -1 }),
      FastCheck.integer({ min: 101 }),
      FastCheck.double({ noNaN: true }).filter((n) => !Number.isInteger(n)),
      FastCheck.constant(Number.NaN),
      FastCheck.string()
    )],
    ([limit]) => {
      assert.isTrue(Either.isLeft(decodeThreads({ limit })))
    }
  )

  it.prop(
    "accepts users of 1 to 512 characters and rejects the rest",
    [FastCheck.string({ maxLength: 600 })],
    ([user]) => {
      assert.strictEqual(Either.isRight(decodeThreads({ user })), user.length >= 1 && user.length <= 512)
    }
  )

  it("accepts only asc and desc", () => {
    assert.isTrue(Either.isRight(decodeItems({ order: "asc" })))
    assert.isTrue(Either.isRight(decodeItems({ order: "desc" })))
    assert.isTrue(Either.isLeft(decodeItems({ order: "up" })))
    assert.isTrue(Either.isLeft(decodeItems({ order: "ASC" })))
  })

  it("has no user filter for items", () => {
    assert.isTrue(Either.isLeft(decodeItems({ user: "u" })))
    assert.isTrue(
      Either.isRight(decodeThreads({ user: "u", after: "cthr_1", before: "cthr_2", limit: 5, order: "asc" }))
    )
  })
})
