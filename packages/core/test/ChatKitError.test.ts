import { ChatKitError } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Duration, FastCheck, Schema } from "effect"
import { expectedTag } from "../../../test/statusErrors.js"

describe("ChatKitError", () => {
  it.prop("fromStatus maps every status as the official SDK does, and statusOf gives it back", [
    FastCheck.integer({ min: 300, max: 599 })
  ], ([status]) => {
    const error = ChatKitError.fromStatus(status, {
      message: "m",
      requestId: "req_1",
      type: "t",
      code: "c",
      param: "p"
    })
    assert.strictEqual(error._tag, expectedTag(status))
    assert.strictEqual(error.status, status)
    assert.strictEqual(error.requestId, "req_1")
    assert.strictEqual(error.param, "p")
    assert.strictEqual(ChatKitError.statusOf(error), status)
    assert.isTrue(ChatKitError.isChatKitError(error))
  })

  it("keeps retryAfter on a rate limit", () => {
    const error = ChatKitError.fromStatus(429, { message: "slow down", retryAfter: Duration.seconds(3) })
    assert.strictEqual(error._tag, "RateLimitError")
    if (error._tag === "RateLimitError") assert.deepStrictEqual(error.retryAfter, Duration.seconds(3))
  })

  it("gives errors without a status the status of their class, and none to errors that are not answers", () => {
    assert.strictEqual(ChatKitError.statusOf(new ChatKitError.NotFoundError({ message: "x" })), 404)
    assert.strictEqual(ChatKitError.statusOf(new ChatKitError.BadRequestError({ message: "x", param: "limit" })), 400)
    assert.strictEqual(ChatKitError.statusOf(new ChatKitError.RateLimitError({ message: "x" })), 429)
    assert.strictEqual(ChatKitError.statusOf(new ChatKitError.ConnectionError({ message: "x" })), undefined)
    assert.strictEqual(ChatKitError.statusOf(new ChatKitError.TimeoutError({ message: "x" })), undefined)
    assert.strictEqual(
      ChatKitError.statusOf(new ChatKitError.PaginationError({ message: "x", reason: "MissingCursor" })),
      undefined
    )
  })

  it("encodes and decodes through the ChatKitError schema", () => {
    const errors: ReadonlyArray<ChatKitError.ChatKitError> = [
      new ChatKitError.NotFoundError({ message: "No thread", status: 404, requestId: "req", param: null, code: null }),
      new ChatKitError.RateLimitError({ message: "slow", status: 429, retryAfter: Duration.millis(1500) }),
      new ChatKitError.PaginationError({ message: "loop", reason: "RepeatedCursor", cursor: "cthr_1" }),
      new ChatKitError.TimeoutError({ message: "late", timeout: Duration.seconds(5) })
    ]
    for (const error of errors) {
      const wire = JSON.parse(JSON.stringify(Schema.encodeSync(ChatKitError.ChatKitError)(error)))
      const decoded = Schema.decodeUnknownSync(ChatKitError.ChatKitError)(wire)
      assert.strictEqual(decoded._tag, error._tag)
      assert.strictEqual(decoded.message, error.message)
      assert.isTrue(ChatKitError.isChatKitError(decoded))
    }
  })

  it("is not confused with other values", () => {
    assert.isFalse(ChatKitError.isChatKitError(new Error("x")))
    assert.isFalse(ChatKitError.isChatKitError({ _tag: "NotFoundError" }))
  })
})
