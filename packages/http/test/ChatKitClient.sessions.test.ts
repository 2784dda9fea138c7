import { ChatKitError, Session, SessionParams, SessionsService } from "@effect-chatkit/core"
import { ChatKitClient } from "@effect-chatkit/http"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it, layer } from "@effect/vitest"
import {
  Arbitrary,
  ConfigProvider,
  Effect,
  Either,
  FastCheck,
  Fiber,
  Inspectable,
  Layer,
  Random,
  Redacted,
  Schedule,
  Schema,
  TestClock,
  TestServices
} from "effect"
import { inspect } from "node:util"
import { runs } from "../../../test/runs.js"
import { expectedTag } from "../../../test/statusErrors.js"
import { makeServices } from "./utils/client.js"
import { assertNotShown } from "./utils/errors.js"
import { apiKey, clientSecret, session } from "./utils/fixtures.js"
import { anyId, refusedIds, segments } from "./utils/ids.js"
import { json, TestServer } from "./utils/server.js"
import { recordingTracer } from "./utils/tracing.js"
import { answer, fail, hang, type Reply, scripted, type Seen } from "./utils/transport.js"

const minimal: SessionParams.CreateSessionParams = { user: "user_1", workflow: { id: "wf_1" } }

const everyParam: SessionParams.CreateSessionParams = {
  user: "user_1",
  workflow: {
    id: "wf_1",
    version: "3",
    state_variables: { plan: "pro", seats: 5, beta: true },
    tracing: { enabled: false }
  },
  expires_after: { anchor: "created_at", seconds: 120 },
  rate_limits: { max_requests_per_1_minute: 30 },
  chatkit_configuration: {
    automatic_thread_titling: { enabled: false },
    file_upload: { enabled: true, max_file_size: 20, max_files: 3 },
    history: { enabled: true, recent_threads: 5 }
  }
}

type Operation = "create" | "cancel"

const call = (sessions: SessionsService.SessionsService.Service, operation: Operation) =>
  operation === "create" ? sessions.create(minimal) : sessions.cancel("cksess_1")

/**
 * Runs one operation over the script with a fixed jitter draw, moving the test clock far enough for every
 * wait (and timeout); returns the outcome and what was sent.
 */
const run = (
  script: ReadonlyArray<Reply>,
  operation: Operation = "create",
  options: Parameters<typeof makeServices>[1] = {}
) =>
  Effect.gen(function*() {
    const transport = scripted(script)
    const { sessions } = yield* makeServices(transport, { timeout: "1 second", ...options })
    const fiber = yield* Effect.fork(
      Effect.either(call(sessions, operation)).pipe(Effect.withRandom(Random.fixed([0])))
    )
    yield* TestClock.adjust("1 hour")
    return { result: yield* Fiber.join(fiber), seen: transport.seen }
  })

/** The error of one operation over the script, without retries. */
const errorOf = (script: ReadonlyArray<Reply>, operation: Operation = "create") =>
  Effect.flatMap(run(script, operation, { maxRetries: 0 }), ({ result }) => {
    assert.isTrue(Either.isLeft(result), "expected a failure")
    return Either.isLeft(result) ? Effect.succeed(result.left) : Effect.die("unreachable")
  })

const ok = answer(200, session("cksess_1"))

/** What `JSON.parse` says of text that is not JSON. */
const parseFailure = (text: string): string => {
  try {
    JSON.parse(text)
    return ""
  } catch (error) {
    return String(error)
  }
}

/** The JSON body of the first request sent. */
const firstBody = (seen: ReadonlyArray<Seen>): unknown => {
  const body = seen[0]?.body
  assert.isDefined(body, "no request with a body was sent")
  return JSON.parse(body)
}

/** The headers but the trace propagation ones (`b3`, `traceparent`), which change with every span. */
const withoutTracing = (headers: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => name !== "b3" && name !== "traceparent"))

describe("ChatKitClient sessions: requests", () => {
  it.effect("create sends POST /chatkit/sessions with the SDK's headers and only the params that are set", () =>
    Effect.gen(function*() {
      const transport = scripted([answer(200, session("cksess_1"))])
      const { sessions } = yield* makeServices(transport, {
        baseUrl: "https://example.test/v1/",
        organization: "org_1",
        project: "proj_1"
      })
      const created = yield* sessions.create(minimal)
      assert.strictEqual(created.id, "cksess_1")
      const [seen] = transport.seen
      assert.strictEqual(seen!.method, "POST")
      assert.strictEqual(seen!.url.href, "https://example.test/v1/chatkit/sessions")
      assert.strictEqual(seen!.body, `{"user":"user_1","workflow":{"id":"wf_1"}}`)
      assert.deepStrictEqual(withoutTracing(seen!.headers), {
        "authorization": `Bearer ${apiKey}`,
        "openai-beta": "chatkit_beta=v1",
        "accept": "application/json",
        "user-agent": "effect-chatkit/0.1.0",
        "openai-organization": "org_1",
        "openai-project": "proj_1",
        "content-type": "application/json",
        "content-length": String(seen!.body!.length)
      })
    }))

  it.effect("create sends every parameter as given", () =>
    Effect.gen(function*() {
      const transport = scripted([ok])
      const { sessions } = yield* makeServices(transport)
      yield* sessions.create(everyParam)
      assert.deepStrictEqual(firstBody(transport.seen), everyParam)
    }))

  it.effect.prop(
    "the body of create is the JSON of exactly the params given",
    [Arbitrary.make(SessionParams.CreateSessionParams)],
    ([params]) =>
      Effect.gen(function*() {
        const transport = scripted([ok])
        const { sessions } = yield* makeServices(transport)
        yield* sessions.create(params)
        assert.deepStrictEqual(firstBody(transport.seen), JSON.parse(JSON.stringify(params)))
      }),
    { fastCheck: { numRuns: runs(50) } }
  )

  it.effect("cancel sends POST /chatkit/sessions/{id}/cancel without a body, the id as one segment", () =>
    Effect.gen(function*() {
      const transport = scripted([answer(200, session("a/b ?#%", "cancelled"))])
      const { sessions } = yield* makeServices(transport, { organization: "org_1" })
      const cancelled = yield* sessions.cancel("a/b ?#%")
      assert.strictEqual(cancelled.status, "cancelled")
      const [seen] = transport.seen
      assert.strictEqual(seen!.method, "POST")
      assert.strictEqual(seen!.url.pathname, "/v1/chatkit/sessions/a%2Fb%20%3F%23%25/cancel")
      assert.strictEqual(seen!.url.search, "")
      assert.isUndefined(seen!.body)
      assert.isUndefined(seen!.headers["content-type"])
      assert.strictEqual(seen!.headers["authorization"], `Bearer ${apiKey}`)
      assert.strictEqual(seen!.headers["openai-beta"], "chatkit_beta=v1")
      assert.strictEqual(seen!.headers["openai-organization"], "org_1")
    }))

  it.effect("cancel refuses ids that no URL can carry as a segment, naming session_id, before sending", () =>
    Effect.gen(function*() {
      const transport = scripted([ok])
      const { sessions } = yield* makeServices(transport)
      for (const id of refusedIds) {
        const error = yield* Effect.flip(sessions.cancel(id))
        assert.strictEqual(error._tag, "BadRequestError", id)
        if (error._tag === "BadRequestError") assert.strictEqual(error.param, "session_id", id)
      }
      assert.strictEqual(transport.seen.length, 0)
    }))

  it.effect("invalid create params are a BadRequestError naming the param, and nothing is sent", () =>
    Effect.gen(function*() {
      const transport = scripted([ok])
      const { sessions } = yield* makeServices(transport)
      const cases: ReadonlyArray<readonly [unknown, string]> = [
        [{ ...minimal, user: "" }, "user"],
        [{ workflow: { id: "wf_1" } }, "user"],
        [{ user: "user_1" }, "workflow"],
        [{ ...minimal, workflow: { id: "" } }, "workflow.id"],
        [{ ...minimal, expires_after: { anchor: "created_at", seconds: 601 } }, "expires_after.seconds"],
        [{ ...minimal, expires_after: { anchor: "now", seconds: 60 } }, "expires_after.anchor"],
        [{ ...minimal, rate_limits: { max_requests_per_1_minute: 0 } }, "rate_limits.max_requests_per_1_minute"],
        [
          { ...minimal, chatkit_configuration: { file_upload: { max_file_size: 513 } } },
          "chatkit_configuration.file_upload.max_file_size"
        ],
        [
          { ...minimal, chatkit_configuration: { history: { enabled: true, recent: 3 } } },
          "chatkit_configuration.history.recent"
        ]
      ]
      for (const [params, param] of cases) {
        const error = yield* Effect.flip(sessions.create(params as SessionParams.CreateSessionParams))
        assert.strictEqual(error._tag, "BadRequestError", param)
        if (error._tag === "BadRequestError") assert.strictEqual(error.param, param)
      }
      assert.strictEqual(transport.seen.length, 0)
    }))
})

describe("ChatKitClient sessions: errors", () => {
  it.effect.prop("every status that is not a success becomes its error class with OpenAI's fields", {
    // 304 cannot carry a body
    status: FastCheck.integer({ min: 300, max: 599 }).filter((status) => status !== 304),
    message: FastCheck.string({ minLength: 1 }),
    operation: FastCheck.constantFrom<Array<Operation>>("create", "cancel")
  }, ({ message, operation, status }) =>
    Effect.gen(function*() {
      const error = yield* errorOf([
        answer(status, { error: { message, type: "invalid_request_error", code: "c", param: "user" } }, {
          "x-request-id": "req_42"
        })
      ], operation)
      assert.strictEqual(error._tag, expectedTag(status))
      assert.strictEqual(ChatKitError.statusOf(error), status)
      assert.strictEqual(error.message, `${status} ${message}`)
      if ("param" in error) {
        assert.strictEqual(error.requestId, "req_42")
        assert.strictEqual(error.param, "user")
      }
    }), { fastCheck: { numRuns: runs(40) } })

  it.effect("a session that fails to decode names the path, never the client secret", () =>
    Effect.gen(function*() {
      const bad = (fields: Record<string, unknown>) => answer(200, { ...session("cksess_1"), ...fields })
      const cases: ReadonlyArray<readonly [Reply, string]> = [
        [bad({ status: 3 }), "$.status"],
        [bad({ expires_at: clientSecret }), "$.expires_at"],
        [bad({ client_secret: { value: clientSecret, expires_at: 1 } }), "$.client_secret"],
        [bad({ client_secret: [[clientSecret]] }), "$.client_secret"],
        [bad({ client_secret: { [clientSecret]: clientSecret } }), "$.client_secret"],
        [bad({ client_secret: undefined }), "$.client_secret"],
        [bad({ [clientSecret]: 1, workflow: { ...session("x").workflow, id: [clientSecret] } }), "$.workflow.id"]
      ]
      for (const [reply, path] of cases) {
        const error = yield* errorOf([reply], "cancel")
        assert.strictEqual(error._tag, "ResponseDecodeError")
        assert.include(error.message, `POST /chatkit/sessions/cksess_1/cancel: at ${path}`)
        assertNotShown(error, clientSecret)
        if (error._tag === "ResponseDecodeError") assertNotShown(error.cause, clientSecret)
      }
    }))

  it.effect("a created session is never lost: a new status decodes, an undecodable body keeps id and secret", () =>
    Effect.gen(function*() {
      const { result } = yield* run([answer(200, { ...session("cksess_1"), status: "pending" })])
      assert.isTrue(Either.isRight(result))
      if (Either.isRight(result)) {
        assert.strictEqual(result.right.status, "pending")
        assert.strictEqual(Redacted.value(result.right.client_secret), clientSecret)
      }
      for (const operation of ["create", "cancel"] as const) {
        const error = yield* errorOf([answer(200, { ...session("cksess_1"), expires_at: "soon" })], operation)
        assert.strictEqual(error._tag, "ResponseDecodeError")
        if (error._tag !== "ResponseDecodeError") continue
        assert.strictEqual(error.sessionId, "cksess_1")
        assert.strictEqual(error.clientSecret && Redacted.value(error.clientSecret), clientSecret)
        assertNotShown(error, clientSecret)
      }
      const { client_secret: _secret, ...withoutSecret } = session("cksess_2")
      const partial = yield* errorOf([answer(200, withoutSecret)])
      assert.strictEqual(partial._tag, "ResponseDecodeError")
      if (partial._tag === "ResponseDecodeError") {
        assert.strictEqual(partial.sessionId, "cksess_2")
        assert.isUndefined(partial.clientSecret)
      }
    }))

  it.effect("a session body that is not JSON is a ResponseDecodeError that does not quote it", () =>
    Effect.gen(function*() {
      const body = `{"id":"cksess_1","client_secret":["psst",x]}`
      // the parser's own message quotes the body around the error
      assert.include(parseFailure(body), "psst")
      const error = yield* errorOf([answer(200, body)])
      assert.strictEqual(error._tag, "ResponseDecodeError")
      assert.include(error.message, "invalid JSON")
      assertNotShown(error, "psst")
    }))
})

describe("ChatKitClient sessions: retries", () => {
  it.effect("create is retried as openai-node retries it: the same body each time, and no idempotency key", () =>
    Effect.gen(function*() {
      const { result, seen } = yield* run([answer(503), answer(429, undefined, { "retry-after-ms": "10" }), ok])
      assert.isTrue(Either.isRight(result))
      assert.strictEqual(seen.length, 3)
      assert.deepStrictEqual(seen.map((s) => s.at), [0, 375, 385])
      const [first] = seen
      assert.isDefined(first)
      for (const attempt of seen) {
        assert.strictEqual(attempt.body, first.body)
        assert.deepStrictEqual(withoutTracing(attempt.headers), withoutTracing(first.headers))
        assert.isUndefined(attempt.headers["idempotency-key"])
      }
    }))

  it.effect("4xx answers other than 408, 409 and 429 are not retried", () =>
    Effect.gen(function*() {
      for (const status of [400, 401, 403, 404, 422]) {
        const { result, seen } = yield* run([answer(status), ok])
        assert.strictEqual(seen.length, 1)
        assert.strictEqual(Either.isLeft(result) ? result.left._tag : "success", expectedTag(status))
      }
    }))

  it.effect("cancel is retried after a connection error or a timeout, up to maxRetries", () =>
    Effect.gen(function*() {
      const recovered = yield* run([fail(new Error("socket hang up")), hang, ok], "cancel")
      assert.isTrue(Either.isRight(recovered.result))
      assert.deepStrictEqual(recovered.seen.map((s) => `${s.method} ${s.url.pathname}`), [
        "POST /v1/chatkit/sessions/cksess_1/cancel",
        "POST /v1/chatkit/sessions/cksess_1/cancel",
        "POST /v1/chatkit/sessions/cksess_1/cancel"
      ])
      const exhausted = yield* run([answer(500)], "cancel", { maxRetries: 1 })
      assert.strictEqual(exhausted.seen.length, 2)
      assert.strictEqual(
        Either.isLeft(exhausted.result) ? exhausted.result.left._tag : "success",
        "InternalServerError"
      )
    }))
})

describe("ChatKitClient sessions: decoding", () => {
  it.effect("the client secret is Redacted, hidden when shown, and given back by encoding", () =>
    Effect.gen(function*() {
      const wire = { ...session("cksess_1"), extra: "ignored" }
      const { sessions } = yield* makeServices(scripted([answer(200, wire)]))
      const created = yield* sessions.create(minimal)
      assert.isTrue(Redacted.isRedacted(created.client_secret))
      assert.strictEqual(Redacted.value(created.client_secret), clientSecret)
      for (const text of [String(created.client_secret), JSON.stringify(created), inspect(created, { depth: 10 })]) {
        assert.notInclude(text, clientSecret)
      }
      assert.deepStrictEqual(Schema.encodeSync(Session.ChatSession)(created), session("cksess_1"))
    }))

  it.effect.prop("any session decodes and encodes back to the same wire JSON", [Arbitrary.make(Session.ChatSession)], ([
    value
  ]) =>
    Effect.gen(function*() {
      const wire = JSON.parse(JSON.stringify(Schema.encodeSync(Session.ChatSession)(value)))
      const { sessions } = yield* makeServices(scripted([answer(200, wire)]))
      const cancelled = yield* sessions.cancel("cksess_1")
      assert.deepStrictEqual(Schema.encodeSync(Session.ChatSession)(cancelled), wire)
    }), { fastCheck: { numRuns: runs(50) } })
})

describe("ChatKitClient sessions: tracing and layers", () => {
  it.effect("spans carry the status, request id, retries and session id, never the client secret or key", () =>
    Effect.gen(function*() {
      const { spans, tracer } = yield* recordingTracer
      const transport = scripted([
        answer(503),
        answer(200, session("cksess_1"), { "x-request-id": "req_1" }),
        answer(200, session("cksess_1", "cancelled"), { "x-request-id": "req_2" }),
        answer(200, { ...session("cksess_1"), status: 3 })
      ])
      const { sessions } = yield* makeServices(transport)
      const fiber = yield* Effect.fork(
        Effect.gen(function*() {
          yield* sessions.create(everyParam)
          yield* sessions.cancel("cksess_1")
          yield* Effect.flip(sessions.cancel("cksess_1"))
        }).pipe(Effect.withTracer(tracer))
      )
      yield* TestClock.adjust("10 seconds")
      yield* Fiber.join(fiber)
      const [create, cancel] = ["SessionsService.create", "SessionsService.cancel"].map((name) =>
        spans.find((s) => s.name === name)!
      )
      assert.strictEqual(create!.attributes.get("http.response.status_code"), 200)
      assert.strictEqual(create!.attributes.get("chatkit.request_id"), "req_1")
      assert.strictEqual(create!.attributes.get("chatkit.retries"), 1)
      assert.strictEqual(create!.attributes.get("chatkit.session_id"), "cksess_1")
      assert.strictEqual(cancel!.attributes.get("chatkit.request_id"), "req_2")
      assert.strictEqual(cancel!.attributes.get("chatkit.session_id"), "cksess_1")
      assert.isAbove(spans.length, 4) // the platform's client spans too
      // as Effect's loggers show values: in the fiber's redactable context (which hides the Authorization
      // header of the platform's request objects)
      const fiberRefs = yield* Effect.getFiberRefs
      for (const span of spans) {
        for (const secret of [clientSecret, apiKey]) {
          assertNotShown([...span.attributes], secret)
          Inspectable.withRedactableContext(fiberRefs, () => assertNotShown(span.status, secret))
        }
      }
    }))

  it.effect("layer and layerConfig provide both services from one setup", () =>
    Effect.gen(function*() {
      const transport = scripted([ok])
      const http = Layer.succeed(HttpClient.HttpClient, transport.client)
      const program = Effect.zip(SessionsService.cancel("cksess_1"), SessionsService.create(minimal))
      yield* program.pipe(
        Effect.provide(ChatKitClient.layer({ apiKey: Redacted.make(apiKey) }).pipe(Layer.provide(http)))
      )
      yield* program.pipe(
        Effect.provide(ChatKitClient.layerConfig().pipe(Layer.provide(http))),
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["OPENAI_API_KEY", "other-key"]])))
      )
      assert.deepStrictEqual(transport.seen.map((s) => `${s.method} ${s.url.href} ${s.headers["authorization"]}`), [
        `POST https://api.openai.com/v1/chatkit/sessions/cksess_1/cancel Bearer ${apiKey}`,
        `POST https://api.openai.com/v1/chatkit/sessions Bearer ${apiKey}`,
        "POST https://api.openai.com/v1/chatkit/sessions/cksess_1/cancel Bearer other-key",
        "POST https://api.openai.com/v1/chatkit/sessions Bearer other-key"
      ])
    }))
})

const overSocket = (name: string, httpClient: Layer.Layer<HttpClient.HttpClient>) =>
  layer(Layer.merge(TestServer.layer, httpClient))(`ChatKitClient sessions over a socket (${name})`, (it) => {
    const sessionsAt = Effect.flatMap(TestServer, (server) =>
      ChatKitClient.make({
        apiKey: Redacted.make(apiKey),
        baseUrl: server.url,
        retrySchedule: Schedule.spaced("1 millis")
      })).pipe(Effect.map((services) => services.sessions))

    it.effect("create: POST /v1/chatkit/sessions with the headers and the JSON body, byte for byte", () =>
      Effect.gen(function*() {
        const server = yield* TestServer
        const received = yield* server.handle(() => json(200, session("cksess_1")))
        const sessions = yield* sessionsAt
        const params = { ...everyParam, user: "üser ✓ 😀" }
        const created = yield* sessions.create(params)
        assert.strictEqual(Redacted.value(created.client_secret), clientSecret)
        const [request] = received
        assert.strictEqual(request!.method, "POST")
        assert.strictEqual(request!.target, "/v1/chatkit/sessions")
        assert.deepStrictEqual(JSON.parse(request!.body), params)
        assert.strictEqual(request!.headers["content-type"], "application/json")
        assert.strictEqual(request!.headers["content-length"], String(Buffer.byteLength(request!.body)))
        assert.strictEqual(request!.headers["authorization"], `Bearer ${apiKey}`)
        assert.strictEqual(request!.headers["openai-beta"], "chatkit_beta=v1")
        assert.strictEqual(request!.headers["accept"], "application/json")
        assert.strictEqual(request!.headers["user-agent"], "effect-chatkit/0.1.0")
      }))

    it.effect.prop(
      "cancel: any id reaches the server as exactly one path segment before /cancel, with no body",
      [anyId],
      ([id]) =>
        Effect.gen(function*() {
          const server = yield* TestServer
          const received = yield* server.handle((request) =>
            json(200, session(decodeURIComponent(segments(request.target)[3] ?? ""), "cancelled"))
          )
          const sessions = yield* sessionsAt
          assert.strictEqual((yield* sessions.cancel(id)).id, id)
          const [request] = received
          const [v1, chatkit, collection, segment, ...rest] = segments(request!.target)
          assert.deepStrictEqual([request!.method, v1, chatkit, collection], ["POST", "v1", "chatkit", "sessions"])
          assert.strictEqual(decodeURIComponent(segment!), id)
          assert.deepStrictEqual(rest, ["cancel"])
          assert.strictEqual(request!.body, "")
          assert.isUndefined(request!.headers["content-type"])
        }),
      { fastCheck: { numRuns: runs(40) } }
    )

    // real time below: the retry wait runs on the live clock
    it.effect("create retried after a 503 sends the same body again; a 409 error body becomes a ConflictError", () =>
      TestServices.provideLive(Effect.gen(function*() {
        const server = yield* TestServer
        let calls = 0
        const received = yield* server.handle(() => ++calls === 1 ? { status: 503 } : json(200, session("cksess_1")))
        const sessions = yield* sessionsAt
        yield* sessions.create(everyParam)
        assert.strictEqual(received.length, 2)
        assert.strictEqual(received[1]?.body, received[0]?.body)
        yield* server.handle(() =>
          json(409, { error: { message: "Session already cancelled", type: "invalid_request_error" } }, {
            "x-should-retry": "false",
            "x-request-id": "req_9"
          })
        )
        const error = yield* Effect.flip(sessions.cancel("cksess_1"))
        assert.strictEqual(error._tag, "ConflictError")
        assert.strictEqual(error.message, "409 Session already cancelled")
        if (error._tag === "ConflictError") assert.strictEqual(error.requestId, "req_9")
      })))
  })

describe("ChatKitClient sessions over real sockets", () => {
  overSocket("undici", NodeHttpClient.layerUndici)
  overSocket("fetch", FetchHttpClient.layer)
})
