import type { Session } from "@effect-chatkit/core"
import { ChatKitError, SessionParams, SessionsService } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Inspectable, Redacted, Ref, type Tracer } from "effect"

const secret = "ek_test_secret_value"
const stateSecret = "state-variable-secret"

const session = (id: string, user: string): Session.ChatSession => ({
  id,
  object: "chatkit.session",
  expires_at: 1_760_000_600,
  client_secret: Redacted.make(secret),
  workflow: { id: "wf_1", version: null, state_variables: { token: stateSecret }, tracing: { enabled: true } },
  user,
  rate_limits: { max_requests_per_1_minute: 10 },
  max_requests_per_1_minute: 10,
  status: "active",
  chatkit_configuration: SessionParams.defaultChatKitConfiguration
})

type Call =
  | { readonly op: "create"; readonly params: SessionParams.CreateSessionParams }
  | { readonly op: "cancel"; readonly sessionId: string }

/** A service recording every call that reaches the operations, and the span each ran in. */
const recording = Effect.gen(function*() {
  const calls = yield* Ref.make<ReadonlyArray<Call>>([])
  const spans = yield* Ref.make<ReadonlyArray<Tracer.Span>>([])
  const record = (call: Call) =>
    Effect.zipRight(
      Ref.update(calls, (all) => [...all, call]),
      Effect.flatMap(Effect.orDie(Effect.currentSpan), (span) => Ref.update(spans, (all) => [...all, span]))
    )
  const service = SessionsService.make({
    create: (params) => Effect.as(record({ op: "create", params }), session("cksess_1", params.user)),
    cancel: (sessionId) =>
      Effect.as(record({ op: "cancel", sessionId }), { ...session(sessionId, "user_1"), status: "cancelled" as const })
  })
  return { service, calls: Ref.get(calls), spans: Ref.get(spans) }
})

const valid: SessionParams.CreateSessionParams = {
  user: "user_1",
  workflow: { id: "wf_1", version: "2", state_variables: { token: stateSecret, n: 1, b: true } },
  expires_after: { anchor: "created_at", seconds: 600 },
  rate_limits: { max_requests_per_1_minute: 1 },
  chatkit_configuration: { file_upload: { enabled: true, max_file_size: 512, max_files: 1 } }
}

describe("SessionsService.make", () => {
  describe("validation: nothing is called for invalid input", () => {
    const invalid: ReadonlyArray<readonly [unknown, string]> = [
      [{ ...valid, expires_after: { anchor: "created_at", seconds: 601 } }, "expires_after.seconds"],
      [{ ...valid, user: "" }, "user"],
      [{ user: "u" }, "workflow"],
      [{ ...valid, workflow: { ...valid.workflow, id: "" } }, "workflow.id"],
      [
        { ...valid, chatkit_configuration: { history: { recent_threads: 0 } } },
        "chatkit_configuration.history.recent_threads"
      ],
      [
        { ...valid, chatkit_configuration: { file_upload: { max_size: 1 } } },
        "chatkit_configuration.file_upload.max_size"
      ],
      [{ ...valid, workflow: { ...valid.workflow, tracing: { enabled: true, sample: 1 } } }, "workflow.tracing.sample"]
    ]
    for (const [params, param] of invalid) {
      it.effect(`create → BadRequestError(param: ${param})`, () =>
        Effect.gen(function*() {
          const { calls, service } = yield* recording
          const error = yield* Effect.flip(service.create(params as SessionParams.CreateSessionParams))
          assert.strictEqual(error._tag, "BadRequestError")
          if (error._tag === "BadRequestError") {
            assert.strictEqual(error.param, param)
            assert.strictEqual(error.status, undefined)
            assert.strictEqual(error.type, "invalid_request_error")
          }
          assert.deepStrictEqual(yield* calls, [])
        }))
    }

    it.effect("cancel rejects an empty session id", () =>
      Effect.gen(function*() {
        const { calls, service } = yield* recording
        const error = yield* Effect.flip(service.cancel(""))
        assert.strictEqual(error._tag, "BadRequestError")
        if (error._tag === "BadRequestError") {
          assert.strictEqual(error.param, "session_id")
          assert.strictEqual(error.message, "Expected a non-empty value for `session_id` but received \"\"")
        }
        assert.deepStrictEqual(yield* calls, [])
      }))
  })

  it.effect("passes valid params and ids through untouched", () =>
    Effect.gen(function*() {
      const { calls, service } = yield* recording
      const created = yield* service.create(valid)
      yield* service.create({ user: "u", workflow: { id: "wf" } })
      const cancelled = yield* service.cancel("cksess 1/x")
      assert.deepStrictEqual(yield* calls, [
        { op: "create", params: valid },
        { op: "create", params: { user: "u", workflow: { id: "wf" } } },
        { op: "cancel", sessionId: "cksess 1/x" }
      ])
      assert.strictEqual(created.user, "user_1")
      assert.strictEqual(Redacted.value(created.client_secret), secret)
      assert.strictEqual(cancelled.status, "cancelled")
    }))

  it.effect("runs each call in its span, naming user, workflow and session but no secret", () =>
    Effect.gen(function*() {
      const { service, spans } = yield* recording
      yield* service.create(valid)
      yield* service.cancel("cksess_2")
      const [create, cancel] = yield* spans
      assert.isDefined(create)
      assert.isDefined(cancel)
      assert.strictEqual(create.name, "SessionsService.create")
      assert.strictEqual(create.attributes.get("chatkit.user"), "user_1")
      assert.strictEqual(create.attributes.get("chatkit.workflow_id"), "wf_1")
      assert.strictEqual(create.attributes.get("chatkit.workflow_version"), "2")
      assert.strictEqual(create.attributes.get("chatkit.session_id"), "cksess_1")
      assert.strictEqual(cancel.name, "SessionsService.cancel")
      assert.strictEqual(cancel.attributes.get("chatkit.session_id"), "cksess_2")
      for (const span of [create, cancel]) {
        const rendered = Inspectable.format([...span.attributes.entries()])
        assert.notInclude(rendered, secret)
        assert.notInclude(rendered, stateSecret)
      }
    }))

  describe("accessors", () => {
    it.effect("reach the service in context", () =>
      Effect.gen(function*() {
        const { calls, service } = yield* recording
        const program = Effect.zip(SessionsService.create(valid), SessionsService.cancel("cksess_9"))
        const [created, cancelled] = yield* Effect.provideService(program, SessionsService.SessionsService, service)
        assert.strictEqual(created.id, "cksess_1")
        assert.strictEqual(cancelled.id, "cksess_9")
        assert.strictEqual((yield* calls).length, 2)
      }))

    it.effect("surface operation errors unchanged", () =>
      Effect.gen(function*() {
        const notFound = new ChatKitError.NotFoundError({ message: "Session not found.", status: 404 })
        const service = SessionsService.make({
          create: () => Effect.fail(notFound),
          cancel: () => Effect.fail(notFound)
        })
        for (const error of [yield* Effect.flip(service.create(valid)), yield* Effect.flip(service.cancel("x"))]) {
          assert.strictEqual(error._tag, "NotFoundError")
          assert.strictEqual(error.message, notFound.message)
          assert.strictEqual(ChatKitError.statusOf(error), 404)
        }
      }))
  })
})
