/**
 * The conformance properties of a `SessionsService`: what `create` makes of valid parameters, that every
 * constraint is enforced naming its parameter, cancel semantics, expiry, and determinism.
 *
 * @internal
 */
import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import * as Session from "@effect-chatkit/core/Session"
import * as SessionParams from "@effect-chatkit/core/SessionParams"
import { SessionsService } from "@effect-chatkit/core/SessionsService"
import { assert } from "@effect/vitest"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import * as Arbitraries from "../Arbitraries.js"
import * as Checks from "./conformanceChecks.js"

type Suite = Checks.Suite<SessionsService>

const encode = Schema.encodeSync(Session.ChatSession)

/**
 * The model: what a session created from `params` holds, but for its id, secret and expiry. The API's
 * documented defaults are written out here rather than read from the implementation's constants, so that a
 * wrong default there fails the suite.
 */
const expectedFields = (params: SessionParams.CreateSessionParams) => {
  const configuration = params.chatkit_configuration
  const maxRequests = params.rate_limits?.max_requests_per_1_minute ?? 10
  return {
    object: "chatkit.session",
    workflow: {
      id: params.workflow.id,
      version: params.workflow.version ?? null,
      state_variables: params.workflow.state_variables ?? null,
      tracing: { enabled: true, ...params.workflow.tracing }
    },
    user: params.user,
    rate_limits: { max_requests_per_1_minute: maxRequests },
    max_requests_per_1_minute: maxRequests,
    status: "active",
    chatkit_configuration: {
      automatic_thread_titling: { enabled: true, ...configuration?.automatic_thread_titling },
      file_upload: { enabled: false, max_file_size: 512, max_files: 10, ...configuration?.file_upload },
      history: { enabled: true, recent_threads: null, ...configuration?.history }
    }
  }
}

/** The documented lifetime: `expires_after.seconds`, 600 by default. */
const lifetime = (params: SessionParams.CreateSessionParams) => params.expires_after?.seconds ?? 600

const nowSeconds = Effect.map(Clock.currentTimeMillis, (millis) => Math.floor(millis / 1000))

type Mutable = Record<string, unknown>

/**
 * A copy of `params` with the dotted `param` set to `value`, creating the objects on its path (an
 * `expires_after` created so gets a valid anchor and seconds first).
 */
const breaking = (params: SessionParams.CreateSessionParams, param: string, value: unknown): Mutable => {
  const copy: Mutable = structuredClone(params)
  const keys = param.split(".")
  const last = keys.pop() ?? param
  const parent = keys.reduce(
    (object, key) => (object[key] ??= key === "expires_after" ? { anchor: "created_at", seconds: 60 } : {}) as Mutable,
    copy
  )
  parent[last] = value
  return copy
}

const notInteger = fc.double({ noNaN: true, min: -1000, max: 1000 }).filter((n) => !Number.isInteger(n))

/** A number outside `[min, max]` (the nearest one often) or not an integer, or a string. */
const outside = (min: number, max?: number) =>
  fc.oneof(
    fc.constant(min - 1),
    fc.integer({ min: min - 1000, max: min - 1 }),
    ...(max === undefined ? [] : [fc.constant(max + 1), fc.integer({ min: max + 1, max: max + 1000 })]),
    notInteger,
    fc.constant("1")
  )

const notBoolean = fc.constantFrom<Array<unknown>>("true", 1, null)

/** One way to break each constraint, by the dotted param the error must name, drawn anew every run. */
const violations = fc.record({
  user: fc.constantFrom<Array<unknown>>("", 1, null),
  "workflow.id": fc.constantFrom<Array<unknown>>("", 7),
  "workflow.version": fc.constantFrom<Array<unknown>>(1, true),
  "workflow.tracing.enabled": notBoolean,
  "workflow.state_variables": fc.oneof(
    fc.integer({ min: SessionParams.maxStateVariables + 1, max: 80 }).map((count) =>
      Object.fromEntries(Array.from({ length: count }, (_, index) => [`v${index}`, index]))
    ),
    fc.integer({ min: SessionParams.maxStateVariableKeyLength + 1, max: 100 }).map((length) => ({
      ["k".repeat(length)]: 1
    })),
    fc.constant("a=1")
  ),
  "workflow.state_variables.k": fc.constantFrom<Array<unknown>>(null, [1], {}),
  "expires_after.anchor": fc.constantFrom("updated_at", ""),
  "expires_after.seconds": outside(1, SessionParams.maxExpiresAfterSeconds),
  "rate_limits.max_requests_per_1_minute": outside(1),
  "chatkit_configuration.automatic_thread_titling.enabled": notBoolean,
  "chatkit_configuration.file_upload.enabled": notBoolean,
  "chatkit_configuration.file_upload.max_file_size": outside(1, SessionParams.maxFileSize),
  "chatkit_configuration.file_upload.max_files": outside(1),
  "chatkit_configuration.history.enabled": notBoolean,
  "chatkit_configuration.history.recent_threads": outside(1),
  unknown_key: fc.constant(1),
  "workflow.unknown_key": fc.constant(1),
  "chatkit_configuration.history.unknown_key": fc.constant(1),
  "rate_limits.unknown_key": fc.constant(1)
})

/**
 * Every constraint, broken in otherwise valid parameters, is a `BadRequestError` naming its dotted path:
 * every run breaks each constraint in turn.
 *
 * @internal
 */
export const validation = (suite: Suite): void =>
  suite.test(
    "every constraint broken is a BadRequestError naming its parameter",
    fc.record({ params: Arbitraries.createSessionParams, violations }),
    ({ params, violations }, provide) =>
      provide(Effect.gen(function*() {
        const service = yield* SessionsService
        for (const [param, value] of Object.entries(violations)) {
          // deliberately ill-typed input, as an untyped caller could send it
          const broken = breaking(params, param, value) as unknown as SessionParams.CreateSessionParams
          yield* Checks.assertFails(service.create(broken), "BadRequestError", param)
        }
        yield* Checks.assertFails(service.cancel(""), "BadRequestError", "session_id")
      }))
  )

/**
 * Valid parameters give an active session with the model's fields, a fresh id and secret, and `expires_at`
 * the creation second plus the lifetime; cancel turns it `cancelled` and changes nothing else, again answers
 * it unchanged; an id never issued is a `NotFoundError`; and two services built from the layer answer the
 * same calls with the same JSON, ids and secrets included (`expires_at` aside: the two runs may fall in
 * different seconds).
 *
 * @internal
 */
export const lifecycle = (suite: Suite): void =>
  suite.test(
    "valid parameters give an active session reflecting them over the documented defaults; cancel turns it cancelled, again answers it unchanged, and an unknown id is a 404; the same calls on two fresh services give identical sessions, ids and secrets included",
    fc.record({
      calls: fc.array(fc.record({ params: Arbitraries.createSessionParams, cancel: fc.boolean() }), {
        minLength: 1,
        maxLength: 3
      }),
      // any id a client can send as a path segment ("." and ".." cannot be)
      unknown: fc.string({ minLength: 1, maxLength: 40 }).map((suffix) => `cksess_${suffix}`)
    }),
    ({ calls, unknown }, provide) =>
      Effect.gen(function*() {
        const run = provide(Effect.gen(function*() {
          const service = yield* SessionsService
          const seen = new Set<string>()
          const answers: Array<unknown> = []
          for (const call of calls) {
            const params = call.params
            // a session of a few seconds may expire before the cancel: `expiry` covers those
            const cancel = call.cancel && lifetime(params) > 5
            const before = yield* nowSeconds
            const created = encode(yield* service.create(params))
            const after = yield* nowSeconds
            const { client_secret, expires_at, id, ...fields } = created
            assert.deepStrictEqual<unknown>(fields, expectedFields(params))
            assert.isAtLeast(expires_at, before + lifetime(params), "expires_at")
            assert.isAtMost(expires_at, after + lifetime(params), "expires_at")
            for (const fresh of [id, client_secret]) {
              assert.isFalse(fresh.length === 0 || seen.has(fresh), `'${fresh}' is a new non-empty string`)
              seen.add(fresh)
            }
            const answer = cancel ? encode(yield* service.cancel(id)) : created
            if (cancel) {
              assert.deepStrictEqual(answer, { ...created, status: "cancelled" })
              assert.deepStrictEqual(encode(yield* service.cancel(id)), answer)
            }
            answers.push({ ...answer, expires_at: null })
          }
          if (!seen.has(unknown)) yield* Checks.assertFails(service.cancel(unknown), "NotFoundError")
          return JSON.stringify(answers)
        }))
        assert.strictEqual(yield* run, yield* run)
      })
  )

const sleepUntil = (millis: number) =>
  Effect.flatMap(Clock.currentTimeMillis, (now) => Effect.sleep(Duration.millis(Math.max(0, millis - now))))

const statusOf = (effect: Effect.Effect<Session.ChatSession, ChatKitError.ChatKitError>) =>
  Effect.map(effect, (session) => session.status)

/**
 * A session is active until `expires_at` and expired from then on (cancel answers it unchanged), on the
 * live clock with the shortest lifetime, one second.
 *
 * @internal
 */
export const expiry = (suite: Suite): void =>
  suite.example(
    "a session is active until expires_at, then expired; cancelling it then changes nothing",
    (provide) =>
      provide(Effect.gen(function*() {
        const service = yield* SessionsService
        // start just after a second begins, so that the one-second sessions live close to a whole second
        yield* Effect.flatMap(Clock.currentTimeMillis, (now) => sleepUntil((Math.floor(now / 1000) + 1) * 1000 + 10))
        const params = {
          user: "conformance",
          workflow: { id: "wf_expiry" },
          expires_after: { anchor: "created_at", seconds: 1 }
        } as const
        const early = yield* service.create(params)
        const late = yield* service.create(params)
        yield* sleepUntil(early.expires_at * 1000 - 300)
        assert.strictEqual(yield* statusOf(service.cancel(early.id)), "cancelled", "cancelled before expires_at")
        yield* sleepUntil(late.expires_at * 1000 + 10)
        const expired = yield* service.cancel(late.id)
        assert.deepStrictEqual(encode(expired), { ...encode(late), status: "expired" })
        assert.strictEqual(yield* statusOf(service.cancel(early.id)), "cancelled", "a cancelled session stays so")
      }))
  )
