import type { ChatKitError } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Cause, Effect, FastCheck, Redacted } from "effect"
import { inspect } from "node:util"
import { runs } from "../../../test/runs.js"
import { makeClient, makeServices } from "./utils/client.js"
import { assertNotShown } from "./utils/errors.js"
import { apiKey, threadJson, threadPageJson } from "./utils/fixtures.js"
import { answer, type Reply, scripted, streamed } from "./utils/transport.js"

/** The error of a call over the script (no retries), with the given options. */
const errorOf = (
  script: ReadonlyArray<Reply>,
  options: Parameters<typeof makeClient>[1] = {},
  operation: "retrieve" | "list" | "listItems" = "retrieve"
) =>
  Effect.gen(function*() {
    const service = yield* makeClient(scripted(script), { maxRetries: 0, ...options })
    return yield* Effect.flip<unknown, ChatKitError.ChatKitError, never>(
      operation === "retrieve"
        ? service.retrieve("cthr_1")
        : operation === "list"
        ? service.list()
        : service.listItems("cthr_1")
    )
  })

/** Every way an error is commonly shown works (Effect's and node's formatters recurse into what they show). */
const renders = (error: ChatKitError.ChatKitError) => {
  for (const text of [String(error), JSON.stringify(error), inspect(error), Cause.pretty(Cause.fail(error))]) {
    assert.isBelow(text.length, 10_000)
  }
}

const depth = 200_000
const deepArray = "[".repeat(depth) + "]".repeat(depth)
const deepObject = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)

describe("ChatKitClient against hostile answers", () => {
  it.effect("JSON nested 200,000 levels in a success body is a ResponseDecodeError, wherever it is", () =>
    Effect.gen(function*() {
      const page = JSON.stringify(threadPageJson(["a"], false))
      const thread = JSON.stringify(threadJson("cthr_1"))
      const bodies: ReadonlyArray<readonly [string, "retrieve" | "list" | "listItems"]> = [
        [deepArray, "retrieve"],
        [deepObject, "retrieve"],
        [deepArray, "list"],
        [deepObject, "listItems"],
        [page.replace("\"data\":[", `"data":[${deepArray},`), "list"],
        [page.replace("\"data\":[", `"data":[${deepObject},`), "list"],
        [page.replace("\"object\":\"list\"", `"object":${deepObject}`), "list"],
        [thread.replace("\"title\":null", `"title":${deepArray}`), "retrieve"],
        [thread.replace("\"status\":{\"type\":\"active\"}", `"status":${deepObject}`), "retrieve"]
      ]
      for (const [body, operation] of bodies) {
        const error = yield* errorOf([answer(200, body)], {}, operation)
        assert.strictEqual(error._tag, "ResponseDecodeError", body.slice(0, 80))
        assert.isBelow(error.message.length, 1000)
        renders(error)
      }
      // a deep value where the schema ignores it is no failure at all
      const extra = thread.replace("\"status\":{", `"status":{"extra":${deepObject},`)
      const service = yield* makeClient(scripted([answer(200, extra)]))
      assert.strictEqual((yield* service.retrieve("cthr_1")).id, "cthr_1")
    }))

  it.effect("JSON nested 200,000 levels in an error body is the status's error, with a short message", () =>
    Effect.gen(function*() {
      const bodies = [
        deepArray,
        deepObject,
        `{"error":${deepObject}}`,
        `{"error":{"message":${deepArray},"type":"invalid_request_error"}}`,
        `{"error":{"message":"gone","type":"invalid_request_error","code":${deepObject}}}`
      ]
      for (const body of bodies) {
        const error = yield* errorOf([answer(404, body)])
        assert.strictEqual(error._tag, "NotFoundError", body.slice(0, 80))
        assert.isBelow(error.message.length, 1100)
        renders(error)
      }
      const error = yield* errorOf([answer(404, bodies[3])])
      assert.strictEqual(error._tag === "NotFoundError" ? error.type : undefined, "invalid_request_error")
    }))

  it.effect("a body over maxResponseBytes is a ResponseDecodeError that says so, declared length or not", () =>
    Effect.gen(function*() {
      const body = JSON.stringify(threadJson("cthr_1"))
      const declared = yield* errorOf([answer(200, body, { "content-length": String(body.length) })], {
        maxResponseBytes: body.length - 1
      })
      const undeclared = yield* errorOf([answer(200, body)], { maxResponseBytes: body.length - 1 })
      const error = yield* errorOf([answer(500, "x".repeat(100), { "x-request-id": "req_1" })], {
        maxResponseBytes: 10
      })
      for (const e of [declared, undeclared, error]) {
        assert.strictEqual(e._tag, "ResponseDecodeError")
        assert.include(e.message, "larger than maxResponseBytes")
        assert.include(e.message, "GET /chatkit/threads/cthr_1")
      }
      assert.strictEqual(error._tag === "ResponseDecodeError" ? error.requestId : undefined, "req_1")
      // exactly at the limit is read
      const services = yield* makeServices(scripted([answer(200, body)]), { maxResponseBytes: body.length })
      assert.strictEqual((yield* services.threads.retrieve("cthr_1")).id, "cthr_1")
    }))

  it.effect("an endless body stops being read at the limit", () =>
    Effect.gen(function*() {
      const chunk = new TextEncoder().encode("[".repeat(64 * 1024))
      let sent = 0
      const endless = streamed(200, () => {
        sent += chunk.length
        return chunk
      })
      const error = yield* errorOf([endless], { maxResponseBytes: 1024 * 1024 })
      assert.strictEqual(error._tag, "ResponseDecodeError")
      assert.include(error.message, "larger than maxResponseBytes (1048576 bytes)")
      assert.isBelow(sent, 4 * 1024 * 1024)
    }))

  it.effect("a server that echoes the key in x-request-id gets no key shown", () =>
    Effect.gen(function*() {
      const echo = { "x-request-id": apiKey }
      const errors = [
        yield* errorOf([answer(404, { error: { message: "no" } }, echo)]),
        yield* errorOf([answer(200, "{", echo)]),
        yield* errorOf([answer(200, "xx", { "x-request-id": `req_${apiKey}` })], { maxResponseBytes: 1 })
      ]
      for (const error of errors) {
        assertNotShown(error, apiKey)
        assert.include("requestId" in error ? String(error.requestId) : "", "<redacted>")
      }
    }))

  it.effect("a one-letter key does not mangle messages, and the error keeps its type, code and param", () =>
    Effect.gen(function*() {
      const services = yield* makeServices(
        scripted([
          answer(404, {
            error: {
              message: "Thread not found: cthr_e",
              type: "invalid_request_error",
              code: "thread_not_found",
              param: "thread_id"
            }
          }, { "x-request-id": "req_e" }),
          answer(401, { error: { message: "Incorrect API key provided: e. See the docs.", type: "e" } })
        ]),
        { apiKey: Redacted.make("e"), maxRetries: 0 }
      )
      const notFound = yield* Effect.flip(services.threads.retrieve("cthr_e"))
      assert.strictEqual(notFound._tag, "NotFoundError")
      assert.strictEqual(notFound.message, "404 Thread not found: cthr_e")
      if (notFound._tag === "NotFoundError") {
        assert.strictEqual(notFound.type, "invalid_request_error")
        assert.strictEqual(notFound.code, "thread_not_found")
        assert.strictEqual(notFound.param, "thread_id")
        assert.strictEqual(notFound.requestId, "req_e")
      }
      const unauthorized = yield* Effect.flip(services.threads.retrieve("cthr_e"))
      assert.strictEqual(unauthorized.message, "401 Incorrect API key provided: <redacted>. See the docs.")
      assert.strictEqual(unauthorized._tag === "AuthenticationError" ? unauthorized.type : "", "<redacted>")
    }))

  it.effect.prop("a key of 8 characters or more shows nowhere in an error, wherever the server repeats it", {
    key: FastCheck.string({ minLength: 8, maxLength: 40 }).filter((key) => key.trim() === key && key.length >= 8),
    before: FastCheck.string({ maxLength: 20 }),
    after: FastCheck.string({ maxLength: 20 })
  }, ({ after, before, key }) =>
    Effect.gen(function*() {
      const services = yield* makeServices(
        scripted([answer(400, { error: { message: before + key + after, code: key, param: `${key}x` } })]),
        { apiKey: Redacted.make(key), maxRetries: 0 }
      )
      const error = yield* Effect.flip(services.threads.retrieve("cthr_1"))
      assertNotShown(error, key)
    }), { fastCheck: { numRuns: runs(30) } })

  it.effect.prop("a short key is hidden where it stands alone, and leaves every other message as it was", {
    key: FastCheck.stringMatching(/^[a-z0-9]{1,7}$/),
    words: FastCheck.array(FastCheck.stringMatching(/^[a-z0-9]{1,10}$/), { minLength: 1, maxLength: 6 })
  }, ({ key, words }) =>
    Effect.gen(function*() {
      const message = words.join(" ")
      const services = yield* makeServices(
        scripted([answer(404, { error: { message, type: "invalid_request_error" } })]),
        { apiKey: Redacted.make(key), maxRetries: 0 }
      )
      const error = yield* Effect.flip(services.threads.retrieve("cthr_1"))
      const expected = words.map((word) => word === key ? "<redacted>" : word).join(" ")
      assert.strictEqual(error.message, `404 ${expected}`)
    }), { fastCheck: { numRuns: runs(30) } })
})
