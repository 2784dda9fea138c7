import { BadRequestError, InternalServerError, NotFoundError, RateLimitError } from "@effect-chatkit/core"
import { Session, SessionParams, SessionsService, ThreadsService } from "@effect-chatkit/core"
import { Arbitraries, ChatKitFake, SessionsFake, ThreadsFake } from "@effect-chatkit/testing"
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Exit, FastCheck, Fiber, Redacted, Schema, TestClock } from "effect"
import { runs } from "../../../test/runs.js"

const encode = Schema.encodeSync(Session.ChatSession)

const minimal: SessionParams.CreateSessionParams = { user: "user_1", workflow: { id: "wf_1" } }

const withFake = <A, E>(
  body: (fake: SessionsFake.SessionsFake.Fake) => Effect.Effect<A, E>,
  seed = 0
) => Effect.flatMap(SessionsFake.make({ seed }), body)

describe("SessionsFake", () => {
  it.effect("a minimal session takes every documented default", () =>
    withFake(({ service }) =>
      Effect.gen(function*() {
        yield* TestClock.setTime(1_700_000_000_500)
        const session = yield* service.create(minimal)
        const json = encode(session)
        assert.match(json.id, /^cksess_[0-9a-f]{24}$/)
        assert.match(json.client_secret, /^ek_[0-9a-f]{48}$/)
        assert.deepStrictEqual<unknown>({ ...json, id: "", client_secret: "" }, {
          id: "",
          object: "chatkit.session",
          expires_at: 1_700_000_000 + SessionParams.defaultExpiresAfterSeconds,
          client_secret: "",
          workflow: { id: "wf_1", version: null, state_variables: null, tracing: { enabled: true } },
          user: "user_1",
          rate_limits: { max_requests_per_1_minute: 10 },
          max_requests_per_1_minute: 10,
          status: "active",
          chatkit_configuration: SessionParams.defaultChatKitConfiguration
        })
        assert.strictEqual(String(session.client_secret), "<redacted>")
      })
    ))

  it.effect("the chatkit_configuration given is merged field by field over the defaults", () =>
    withFake(({ service }) =>
      Effect.gen(function*() {
        const session = yield* service.create({
          ...minimal,
          workflow: { id: "wf", version: "3", state_variables: { plan: "pro", seats: 5, trial: false } },
          rate_limits: { max_requests_per_1_minute: 60 },
          chatkit_configuration: { file_upload: { enabled: true }, history: { recent_threads: 5 } }
        })
        assert.deepStrictEqual(session.workflow, {
          id: "wf",
          version: "3",
          state_variables: { plan: "pro", seats: 5, trial: false },
          tracing: { enabled: true }
        })
        assert.deepStrictEqual(session.rate_limits, { max_requests_per_1_minute: 60 })
        assert.strictEqual(session.max_requests_per_1_minute, 60)
        assert.deepStrictEqual(session.chatkit_configuration, {
          automatic_thread_titling: { enabled: true },
          file_upload: { enabled: true, max_file_size: 512, max_files: 10 },
          history: { enabled: true, recent_threads: 5 }
        })
      })
    ))

  it.effect.prop(
    "under TestClock, a session is active until the instant of expires_at, expired from then on",
    [FastCheck.integer({ min: 1, max: SessionParams.maxExpiresAfterSeconds }), FastCheck.integer({ min: 0, max: 999 })],
    ([seconds, offset]) =>
      withFake(({ admin, service }) =>
        Effect.gen(function*() {
          yield* TestClock.setTime(1_000_000 + offset)
          const session = yield* service.create({ ...minimal, expires_after: { anchor: "created_at", seconds } })
          assert.strictEqual(session.expires_at, 1000 + seconds)
          yield* TestClock.setTime(session.expires_at * 1000 - 1)
          assert.deepStrictEqual((yield* admin.snapshot).map((s) => s.status), ["active"])
          yield* TestClock.setTime(session.expires_at * 1000)
          assert.deepStrictEqual((yield* admin.snapshot).map((s) => s.status), ["expired"])
          const cancelled = yield* service.cancel(session.id)
          assert.deepStrictEqual(encode(cancelled), { ...encode(session), status: "expired" })
        })
      ),
    { fastCheck: { numRuns: runs(30) } }
  )

  it.effect("cancel: active → cancelled, then unchanged; expiry does not undo a cancel", () =>
    withFake(({ service }) =>
      Effect.gen(function*() {
        const session = yield* service.create(minimal)
        const cancelled = yield* service.cancel(session.id)
        assert.deepStrictEqual(encode(cancelled), { ...encode(session), status: "cancelled" })
        yield* TestClock.adjust(Duration.hours(1))
        assert.deepStrictEqual(encode(yield* service.cancel(session.id)), encode(cancelled))
      })
    ))

  it.effect("cancelling an unknown id is OpenAI's 404; an empty one a 400 naming session_id", () =>
    withFake(({ service }) =>
      Effect.gen(function*() {
        const missing = yield* Effect.flip(service.cancel("cksess_missing"))
        assert.instanceOf(missing, NotFoundError)
        assert.deepInclude(missing, {
          status: 404,
          type: "invalid_request_error",
          param: null,
          code: null,
          message: "No session found with id 'cksess_missing'."
        })
        const empty = yield* Effect.flip(service.cancel(""))
        assert.instanceOf(empty, BadRequestError)
        assert.strictEqual(empty.param, "session_id")
      })
    ))

  it.effect.prop(
    "the same seed, calls and clock give byte-identical sessions, secrets included; another seed others",
    [FastCheck.array(FastCheck.tuple(Arbitraries.createSessionParams, FastCheck.boolean()), { maxLength: 5 })],
    ([calls]) =>
      Effect.gen(function*() {
        const run = (seed: number) =>
          withFake(({ service }) =>
            Effect.forEach(calls, ([params, cancel]) =>
              Effect.flatMap(
                service.create(params),
                (session) => cancel ? service.cancel(session.id) : Effect.succeed(session)
              ).pipe(Effect.map(encode), Effect.zipLeft(TestClock.adjust(Duration.seconds(7))))), seed)
        const json = (seed: number) => Effect.zipLeft(Effect.map(run(seed), JSON.stringify), TestClock.setTime(0))
        const first = yield* json(3)
        assert.strictEqual(yield* json(3), first)
        if (calls.length > 0) assert.notStrictEqual(yield* json(4), first)
      }),
    { fastCheck: { numRuns: runs(15) } }
  )

  it.effect("faults: failNext by operation, then recovery; validation failures take no fault", () =>
    withFake(({ admin, service }) =>
      Effect.gen(function*() {
        const error = new RateLimitError({ message: "slow down", retryAfter: Duration.seconds(1) })
        const other = new InternalServerError({ message: "other" })
        yield* admin.failNext({ error, operation: "cancel", times: 2 })
        yield* admin.failNext({ error: other, operation: "create" })
        assert.strictEqual((yield* Effect.flip(service.create(minimal))).message, other.message)
        const session = yield* service.create(minimal)
        assert.strictEqual((yield* Effect.flip(service.cancel(session.id))).message, error.message)
        assert.instanceOf(yield* Effect.flip(service.create({ ...minimal, user: "" })), BadRequestError)
        assert.strictEqual((yield* Effect.flip(service.cancel(session.id))).message, error.message)
        assert.strictEqual((yield* service.cancel(session.id)).status, "cancelled")
        yield* admin.failNext({ error })
        assert.strictEqual((yield* Effect.flip(service.create(minimal))).message, error.message)
        assert.strictEqual((yield* admin.snapshot).length, 1)
      })
    ))

  it.effect("latency delays every call, and the session is created when the call completes", () =>
    withFake(({ admin, service }) =>
      Effect.gen(function*() {
        yield* admin.setLatency(Duration.seconds(30))
        const fiber = yield* Effect.fork(
          service.create({ ...minimal, expires_after: { anchor: "created_at", seconds: 60 } })
        )
        yield* TestClock.adjust(Duration.seconds(29))
        assert.isNull(fiber.unsafePoll())
        yield* TestClock.adjust(Duration.seconds(1))
        assert.strictEqual((yield* Fiber.join(fiber)).expires_at, 90)
      })
    ))

  it.effect("admin input that is a test bug dies", () =>
    withFake(({ admin }) =>
      Effect.gen(function*() {
        const exit = yield* Effect.exit(admin.failNext({ error: new InternalServerError({ message: "x" }), times: 0 }))
        assert.isTrue(Exit.isFailure(exit) && !Exit.isInterrupted(exit))
      })
    ))

  it.effect("layer provides the service and its admin", () =>
    Effect.gen(function*() {
      const session = yield* SessionsService.create(minimal)
      const admin = yield* SessionsFake.SessionsFake
      assert.deepStrictEqual((yield* admin.snapshot).map((s) => s.id), [session.id])
      assert.strictEqual(Redacted.value(session.client_secret).slice(0, 3), "ek_")
    }).pipe(Effect.provide(SessionsFake.layer({ seed: 5 }))))
})

describe("ChatKitFake", () => {
  it.effect("threads and sessions share one fault queue and one latency", () =>
    Effect.gen(function*() {
      const fake = yield* ChatKitFake.make({ seed: 1 })
      const error = new InternalServerError({ message: "boom", status: 503 })
      yield* fake.threads.admin.failNext({ error, times: 2 })
      assert.strictEqual((yield* Effect.flip(fake.sessions.service.create(minimal))).message, error.message)
      assert.strictEqual((yield* Effect.flip(fake.threads.service.list())).message, error.message)
      yield* fake.sessions.admin.failNext({ error, operation: "create" })
      assert.strictEqual((yield* fake.threads.service.list()).data.length, 0)
      assert.strictEqual((yield* Effect.flip(fake.sessions.service.create(minimal))).message, error.message)
      yield* fake.sessions.admin.setLatency(Duration.seconds(5))
      const fiber = yield* Effect.fork(fake.threads.service.list())
      yield* TestClock.adjust(Duration.seconds(5))
      yield* Fiber.join(fiber)
    }))

  it.effect("sessions never change the ids of threads, which are ThreadsFake's for the same seed", () =>
    Effect.gen(function*() {
      const fake = yield* ChatKitFake.make({ seed: 9 })
      const alone = yield* ThreadsFake.make({ seed: 9 })
      yield* fake.sessions.service.create(minimal)
      const thread = yield* fake.threads.admin.createThread({ user: "u", createdAt: 1 })
      assert.strictEqual((yield* alone.admin.createThread({ user: "u", createdAt: 1 })).id, thread.id)
    }))

  it.effect("layer provides both services and both admins", () =>
    Effect.gen(function*() {
      const session = yield* SessionsService.create(minimal)
      const thread = yield* Effect.flatMap(ThreadsFake.ThreadsFake, (admin) => admin.createThread({ user: "u" }))
      assert.deepStrictEqual((yield* ThreadsService.list()).data, [thread])
      assert.deepStrictEqual((yield* (yield* SessionsFake.SessionsFake).snapshot).map((s) => s.id), [session.id])
    }).pipe(Effect.provide(ChatKitFake.layer({ seed: 2 }))))
})
