import { ChatKitError, Session } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, FastCheck as fc, Schema } from "effect"
import { runs } from "../../../test/runs.js"
import { assertReply, openAiError, send, withServer } from "./utils/fakeServer.js"

const encode = Schema.encodeSync(Session.ChatSession)

const post = (url: string, body: unknown, key?: string) =>
  send(url, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), key })

const minimal = { user: "user_1", workflow: { id: "wf_1" } }

describe("ChatKitFakeServer sessions", () => {
  it.live("create and cancel answer OpenAI's JSON, the store's sessions with secrets in clear", () =>
    withServer({ seed: 3 }, (server) =>
      Effect.gen(function*() {
        const before = Math.floor(Date.now() / 1000)
        const created = yield* post(`${server.url}/chatkit/sessions`, {
          ...minimal,
          workflow: { id: "wf_1", version: "2", state_variables: { plan: "pro", seats: 3 } },
          expires_after: { anchor: "created_at", seconds: 120 }
        })
        const after = Math.floor(Date.now() / 1000)
        assert.strictEqual(created.status, 200)
        assert.strictEqual(created.headers.get("content-type"), "application/json")
        assert.isNotNull(created.headers.get("x-request-id"))
        const [stored] = yield* Effect.flatMap(server.sessionsAdmin("sk-test"), (admin) => admin.snapshot)
        assert.deepStrictEqual(created.body, encode(stored!))
        const body = created.body as Session.ChatSession.Encoded
        assert.match(body.id, /^cksess_/)
        assert.match(body.client_secret, /^ek_/)
        assert.deepStrictEqual(body.workflow, {
          id: "wf_1",
          version: "2",
          state_variables: { plan: "pro", seats: 3 },
          tracing: { enabled: true }
        })
        assert.isAtLeast(body.expires_at, before + 120)
        assert.isAtMost(body.expires_at, after + 120)

        const cancelled = yield* post(`${server.url}/chatkit/sessions/${body.id}/cancel`, undefined)
        assertReply(cancelled, 200, { ...body, status: "cancelled" })
        assertReply(yield* post(`${server.url}/chatkit/sessions/${body.id}/cancel`, "not json"), 200, {
          ...body,
          status: "cancelled"
        })
      })))

  it.live("bodies that are not JSON or not valid params are 400s with core's param, code and message", () =>
    withServer({}, (server) =>
      Effect.gen(function*() {
        const url = `${server.url}/chatkit/sessions`
        assertReply(
          yield* post(url, "{"),
          400,
          openAiError("We could not parse the JSON body of your request.", null, "invalid_value")
        )
        assert.strictEqual((yield* send(url, { method: "POST" })).status, 400)
        for (const notObject of ["[]", "null", "\"x\"", "1"]) {
          const reply = yield* post(url, notObject)
          assert.strictEqual(reply.status, 400, notObject)
          assert.strictEqual((reply.body as { error: { param: unknown } }).error.param, null)
        }
        const cases: ReadonlyArray<readonly [unknown, string, string]> = [
          [
            { ...minimal, expires_after: { anchor: "created_at", seconds: 601 } },
            "expires_after.seconds",
            "integer_above_max_value"
          ],
          [{ ...minimal, user: "" }, "user", "empty_string"],
          [{ user: "u" }, "workflow", "missing_required_parameter"],
          [
            { ...minimal, chatkit_configuration: { history: { limit: 1 } } },
            "chatkit_configuration.history.limit",
            "unknown_parameter"
          ]
        ]
        for (const [params, param, code] of cases) {
          const reply = yield* post(url, params)
          assert.strictEqual(reply.status, 400)
          assert.deepInclude((reply.body as { error: object }).error, { type: "invalid_request_error", param, code })
        }
        assertReply(
          yield* post(`${url}?user=u`, minimal),
          400,
          openAiError("Unrecognized request argument supplied: user", "user", "unknown_parameter")
        )
        assert.deepStrictEqual(yield* Effect.flatMap(server.sessionsAdmin("sk-test"), (admin) => admin.snapshot), [])
      })))

  it.live("cancel of an unknown session is a 404; routes, methods, keys and the beta header as for threads", () =>
    withServer({ apiKeys: ["sk-a", "sk-b"] }, (server) =>
      Effect.gen(function*() {
        const url = `${server.url}/chatkit/sessions`
        assertReply(
          yield* post(`${url}/cksess_nope/cancel`, undefined, "sk-a"),
          404,
          openAiError("No session found with id 'cksess_nope'.", null, null)
        )
        assertReply(
          yield* post(`${url}/%E0%A4%A/cancel`, undefined, "sk-a"),
          400,
          openAiError("Invalid 'session_id': malformed percent-encoding in '%E0%A4%A'.", "session_id", "invalid_value")
        )
        const get = yield* send(url, { key: "sk-a" })
        assert.strictEqual(get.status, 405)
        assert.strictEqual(get.headers.get("allow"), "POST")
        assert.strictEqual((yield* send(`${url}/cksess_1/cancel`, { key: "sk-a" })).headers.get("allow"), "POST")
        assert.strictEqual((yield* post(`${url}/cksess_1`, {}, "sk-a")).status, 404)
        assert.strictEqual((yield* post(url, minimal, "sk-c")).status, 401)
        assert.strictEqual((yield* send(url, { method: "POST", key: "sk-a", beta: null, body: "{}" })).status, 400)
        // each key its own store
        const created = (yield* post(url, minimal, "sk-a")).body as Session.ChatSession.Encoded
        assert.strictEqual((yield* post(`${url}/${created.id}/cancel`, undefined, "sk-b")).status, 404)
        assert.strictEqual((yield* post(`${url}/${created.id}/cancel`, undefined, "sk-a")).status, 200)
      })))

  it.live("faults and latency apply to sessions; admin faults can name create or cancel", () =>
    withServer({ admin: true }, (server) =>
      Effect.gen(function*() {
        const url = `${server.url}/chatkit/sessions`
        const admin = yield* server.sessionsAdmin("sk-test")
        yield* admin.failNext({
          error: new ChatKitError.RateLimitError({ message: "slow", retryAfter: Duration.millis(1500) }),
          operation: "create"
        })
        assert.strictEqual((yield* send(`${server.url}/chatkit/threads`)).status, 200)
        const limited = yield* post(url, minimal)
        assert.strictEqual(limited.status, 429)
        assert.strictEqual(limited.headers.get("retry-after"), "2")
        const fault = yield* send(`${server.origin}/_admin/faults`, {
          method: "POST",
          body: JSON.stringify({ status: 503, operation: "cancel" })
        })
        assert.strictEqual(fault.status, 200)
        const created = (yield* post(url, minimal)).body as Session.ChatSession.Encoded
        assert.strictEqual((yield* post(`${url}/${created.id}/cancel`, undefined)).status, 503)
        const snapshot = yield* send(`${server.origin}/_admin/snapshot`)
        assert.deepStrictEqual((snapshot.body as { sessions: unknown }).sessions, [created])
        yield* (yield* server.admin("sk-test")).failNext({ error: new ChatKitError.ConnectionError({ message: "x" }) })
        assert.isTrue((yield* Effect.either(post(url, minimal)))._tag === "Left")
      })))

  it.live("the same seed and key give the same sessions, secrets included", () =>
    Effect.gen(function*() {
      const secrets = withServer({ seed: 5 }, (server) =>
        Effect.forEach([1, 2, 3], () =>
          Effect.map(post(`${server.url}/chatkit/sessions`, minimal), (reply) => {
            const { client_secret, id } = reply.body as Session.ChatSession.Encoded
            return [id, client_secret]
          })))
      assert.deepStrictEqual(yield* secrets, yield* secrets)
    }))

  it.live("no session body gets a 5xx", () =>
    withServer({}, (server) =>
      Effect.gen(function*() {
        const body = fc.oneof(
          fc.json(),
          fc.string({ maxLength: 30 }),
          fc.constantFrom(
            "{\"__proto__\":{}}",
            "{\"user\":\"u\",\"workflow\":{\"id\":\"w\",\"state_variables\":{\"__proto__\":1}}}"
          )
        )
        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(body, async (text) => {
              const reply = await Effect.runPromise(post(`${server.url}/chatkit/sessions`, text))
              return reply.status === 200 || reply.status === 400
            }),
            { numRuns: runs(150) }
          )
        )
      })))
})
