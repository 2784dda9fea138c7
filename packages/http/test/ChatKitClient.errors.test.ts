import { ChatKitError } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Either, FastCheck, Fiber, TestClock } from "effect"
import { runs } from "../../../test/runs.js"
import { expectedTag } from "../../../test/statusErrors.js"
import { makeClient } from "./utils/client.js"
import { assertNotShown } from "./utils/errors.js"
import { apiKey, threadJson, threadPageJson } from "./utils/fixtures.js"
import { answer, fail, hang, type Reply, scripted } from "./utils/transport.js"

/** The error of retrieving a thread over the script, without retries. */
const errorOf = (script: ReadonlyArray<Reply>, operation: "retrieve" | "list" = "retrieve") =>
  Effect.gen(function*() {
    const service = yield* makeClient(scripted(script), { maxRetries: 0, timeout: "1 millis" })
    const fiber = yield* Effect.fork(
      Effect.either<unknown, ChatKitError.ChatKitError, never>(
        operation === "retrieve" ? service.retrieve("cthr_1") : service.list()
      )
    )
    // only an unanswered request needs the clock to move (to its timeout); moving it costs time
    if (script.some((reply) => reply._tag === "Hang")) yield* TestClock.adjust("1 second")
    const result = yield* Fiber.join(fiber)
    assert.isTrue(Either.isLeft(result), "expected a failure")
    return Either.isLeft(result) ? result.left : new ChatKitError.ApiError({ message: "unreachable" })
  })

const assertNoKey = (error: ChatKitError.ChatKitError) => assertNotShown(error, apiKey)

describe("ChatKitClient errors", () => {
  it.effect.prop("every status that is not a success becomes its error class with OpenAI's fields", {
    // 304 cannot carry a body
    status: FastCheck.integer({ min: 300, max: 599 }).filter((status) => status !== 304),
    message: FastCheck.string({ minLength: 1 }),
    code: FastCheck.option(FastCheck.string())
  }, ({ code, message, status }) =>
    Effect.gen(function*() {
      const error = yield* errorOf([
        answer(status, { error: { message, type: "invalid_request_error", code, param: "thread_id" } }, {
          "x-request-id": "req_42"
        })
      ])
      assert.strictEqual(error._tag, expectedTag(status))
      assert.strictEqual(ChatKitError.statusOf(error), status)
      if (error._tag === "ConnectionError" || error._tag === "TimeoutError" || error._tag === "PaginationError") return
      assert.strictEqual(error.message, `${status} ${message}`)
      assert.strictEqual(error.requestId, "req_42")
      if (error._tag === "ResponseDecodeError") return
      assert.strictEqual(error.type, "invalid_request_error")
      assert.strictEqual(error.code, code)
      assert.strictEqual(error.param, "thread_id")
    }), { fastCheck: { numRuns: runs(50) } })

  it.effect("an empty error body says so", () =>
    Effect.gen(function*() {
      const error = yield* errorOf([answer(404)])
      assert.strictEqual(error._tag, "NotFoundError")
      assert.strictEqual(error.message, "404 status code (no body)")
    }))

  it.effect("a non-JSON error body gives its text, truncated", () =>
    Effect.gen(function*() {
      const short = yield* errorOf([answer(502, "<html>Bad Gateway</html>")])
      assert.strictEqual(short.message, "502 <html>Bad Gateway</html>")
      const long = yield* errorOf([answer(500, "x".repeat(5000))])
      assert.isBelow(long.message.length, 1100)
      assert.include(long.message, "(5000 characters)")
    }))

  it.effect("a JSON error body without an error object is given whole", () =>
    Effect.gen(function*() {
      const error = yield* errorOf([answer(400, { detail: "nope" })])
      assert.strictEqual(error._tag, "BadRequestError")
      assert.strictEqual(error.message, `400 {"detail":"nope"}`)
    }))

  it.effect("a success body that is not JSON is a ResponseDecodeError with the request id", () =>
    Effect.gen(function*() {
      const error = yield* errorOf([answer(200, "{\"object\": \"list\", ", { "x-request-id": "req_7" })], "list")
      assert.strictEqual(error._tag, "ResponseDecodeError")
      if (error._tag !== "ResponseDecodeError") return
      assert.strictEqual(error.requestId, "req_7")
      assert.strictEqual(error.status, 200)
      assert.include(error.message, "GET /chatkit/threads")
      assert.include(error.message, "invalid JSON")
    }))

  it.effect("a success body that does not match the schema names the failing path", () =>
    Effect.gen(function*() {
      const page = threadPageJson(["a", "b"], false)
      const broken = { ...page, data: [page.data[0], { ...page.data[1], created_at: "yesterday" }] }
      const error = yield* errorOf([answer(200, broken, { "x-request-id": "req_8" })], "list")
      assert.strictEqual(error._tag, "ResponseDecodeError")
      assert.include(error.message, "$.data[1].created_at")
      if (error._tag === "ResponseDecodeError") assert.strictEqual(error.requestId, "req_8")
    }))

  it.effect("a success body Effect's union decoding cannot read is a ResponseDecodeError naming the path", () =>
    Effect.gen(function*() {
      const page = threadPageJson(["a"], false)
      const broken = { ...page, data: [{ ...page.data[0], status: { type: { toString: 1 } } }] }
      const error = yield* errorOf([answer(200, broken, { "x-request-id": "req_9" })], "list")
      assert.strictEqual(error._tag, "ResponseDecodeError")
      assert.include(error.message, "$.data[0].status.type")
    }))

  it.effect("an empty success body is a ResponseDecodeError", () =>
    Effect.gen(function*() {
      const error = yield* errorOf([answer(200)])
      assert.strictEqual(error._tag, "ResponseDecodeError")
      assert.include(error.message, "empty body")
    }))

  it.effect("the API key appears in no error, even when the server or the transport repeats it", () =>
    Effect.gen(function*() {
      const errors: Array<ChatKitError.ChatKitError> = [
        yield* errorOf([answer(401, { error: { message: `Incorrect API key provided: ${apiKey}`, type: "auth" } })]),
        yield* errorOf([answer(500, `Authorization: Bearer ${apiKey}`)]),
        yield* errorOf([answer(403, { error: { message: "no", type: apiKey, code: apiKey, param: apiKey } })]),
        yield* errorOf([answer(429, undefined, { "retry-after": "1" })]),
        yield* errorOf([fail(new TypeError(`invalid header value: Bearer ${apiKey}`, { cause: new Error(apiKey) }))]),
        yield* errorOf([fail(new Error("socket hang up"))]),
        yield* errorOf([hang]),
        yield* errorOf([answer(200, `{"leak": "${apiKey}"`)]),
        yield* errorOf([answer(200, { id: apiKey })])
      ]
      assert.deepStrictEqual(errors.map((e) => e._tag), [
        "AuthenticationError",
        "InternalServerError",
        "PermissionDeniedError",
        "RateLimitError",
        "ConnectionError",
        "ConnectionError",
        "TimeoutError",
        "ResponseDecodeError",
        "ResponseDecodeError"
      ])
      errors.forEach(assertNoKey)
      const [first] = errors
      assert.isDefined(first)
      assert.include(first.message, "Incorrect API key provided: <redacted>")
    }))

  it.effect("retrieve decodes a thread", () =>
    Effect.gen(function*() {
      const service = yield* makeClient(scripted([answer(200, threadJson("cthr_1"))]))
      const thread = yield* service.retrieve("cthr_1")
      assert.strictEqual(thread.id, "cthr_1")
    }))
})
