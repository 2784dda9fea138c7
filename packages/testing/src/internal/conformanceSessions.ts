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

type Test = Checks.Test<SessionsService>

const encode = Schema.encodeSync(Session.ChatSession)

/** The fields of a section: every override given, the default otherwise. */
const over = <A extends object>(
  defaults: A,
  overrides: { readonly [K in keyof A]?: A[K] | undefined } | undefined
) => ({
  ...defaults,
  ...Checks.compact(overrides ?? {})
})

/**
 * The API's documented defaults, written out here rather than read from the implementation's constants, so
 * that a wrong default there fails the suite.
 */
const documented: {
  readonly maxRequestsPerMinute: number
  readonly expiresAfterSeconds: number
  readonly tracingEnabled: boolean
  readonly configuration: Session.ChatKitConfiguration
} = {
  maxRequestsPerMinute: 10,
  expiresAfterSeconds: 600,
  tracingEnabled: true,
  configuration: {
    automatic_thread_titling: { enabled: true },
    file_upload: { enabled: false, max_file_size: 512, max_files: 10 },
    history: { enabled: true, recent_threads: null }
  }
}

/** The model: what a session created from `params` holds, but for its id, secret and expiry. */
const expectedFields = (params: SessionParams.CreateSessionParams) => {
  const defaults = documented.configuration
  const configuration = params.chatkit_configuration
  const maxRequests = params.rate_limits?.max_requests_per_1_minute ?? documented.maxRequestsPerMinute
  return {
    object: "chatkit.session",
    workflow: {
      id: params.workflow.id,
      version: params.workflow.version ?? null,
      state_variables: params.workflow.state_variables ?? null,
      tracing: over({ enabled: documented.tracingEnabled }, params.workflow.tracing)
    },
    user: params.user,
    rate_limits: { max_requests_per_1_minute: maxRequests },
    max_requests_per_1_minute: maxRequests,
    status: "active",
    chatkit_configuration: {
      automatic_thread_titling: over(defaults.automatic_thread_titling, configuration?.automatic_thread_titling),
      file_upload: over(defaults.file_upload, configuration?.file_upload),
      history: over(defaults.history, configuration?.history)
    }
  }
}

const nowSeconds = Effect.map(Clock.currentTimeMillis, (millis) => Math.floor(millis / 1000))

const lifetime = (params: SessionParams.CreateSessionParams) =>
  params.expires_after?.seconds ?? documented.expiresAfterSeconds

type Mutable = Record<string, unknown>

interface Violation {
  readonly param: string
  readonly apply: (params: Mutable) => void
}

/** Sets the dotted `param` to a drawn value, creating the objects on its path. */
const set = (param: string, arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<Violation> =>
  arbitrary.map((value) => ({
    param,
    apply: (params) => {
      const keys = param.split(".")
      const last = keys.pop() ?? param
      const parent = keys.reduce((object, key) => {
        const next = object[key]
        if (typeof next === "object" && next !== null) return next as Mutable
        const created: Mutable = {}
        object[key] = created
        return created
      }, params)
      parent[last] = value
    }
  }))

const notInteger = fc.double({ noNaN: true, min: -1000, max: 1000 }).filter((n) => !Number.isInteger(n))

const outside = (min: number, max?: number) =>
  fc.oneof(
    fc.integer({ min: min - 1000, max: min - 1 }),
    ...(max === undefined ? [] : [fc.integer({ min: max + 1, max: max + 1000 })]),
    notInteger,
    fc.constant("1")
  )

const notBoolean = fc.oneof(fc.constant("true"), fc.constant(1), fc.constant(null))

const names = (count: number) => Array.from({ length: count }, (_, index) => [`v${index}`, index] as const)

/** One way to break each constraint, drawn anew every run. */
const violations: ReadonlyArray<fc.Arbitrary<Violation>> = [
  set("user", fc.oneof(fc.constant(""), fc.constant(1), fc.constant(null))),
  set("workflow.id", fc.oneof(fc.constant(""), fc.constant(7))),
  set("workflow.version", fc.oneof(fc.constant(1), fc.constant(true))),
  set("workflow.tracing.enabled", notBoolean),
  set(
    "workflow.state_variables",
    fc.oneof(
      fc.integer({ min: SessionParams.maxStateVariables + 1, max: 80 }).map((count) =>
        Object.fromEntries(names(count))
      ),
      fc.integer({ min: SessionParams.maxStateVariableKeyLength + 1, max: 100 }).map((length) => ({
        ["k".repeat(length)]: 1
      })),
      fc.constant("a=1")
    )
  ),
  set("workflow.state_variables.k", fc.oneof(fc.constant(null), fc.constant([1]), fc.constant({}))),
  set("expires_after.anchor", fc.oneof(fc.constant("updated_at"), fc.constant(""))),
  set("expires_after.seconds", outside(1, SessionParams.maxExpiresAfterSeconds)),
  set("rate_limits.max_requests_per_1_minute", outside(1)),
  set("chatkit_configuration.automatic_thread_titling.enabled", notBoolean),
  set("chatkit_configuration.file_upload.enabled", notBoolean),
  set("chatkit_configuration.file_upload.max_file_size", outside(1, SessionParams.maxFileSize)),
  set("chatkit_configuration.file_upload.max_files", outside(1)),
  set("chatkit_configuration.history.enabled", notBoolean),
  set("chatkit_configuration.history.recent_threads", outside(1)),
  fc.constantFrom("", "workflow.", "chatkit_configuration.history.", "rate_limits.").chain((path) =>
    set(`${path}unknown_key`, fc.constant(1))
  )
]

/**
 * Every constraint, broken in otherwise valid parameters, is a `BadRequestError` naming its dotted path:
 * every run breaks each constraint in turn.
 *
 * @internal
 */
export const validation = (test: Test): void =>
  test(
    "every constraint broken is a BadRequestError naming its parameter",
    fc.record({ params: Arbitraries.createSessionParams, violations: fc.tuple(...violations) }),
    ({ params, violations }, provide) =>
      provide(Effect.gen(function*() {
        const service = yield* SessionsService
        for (const violation of violations) {
          const broken: Mutable = structuredClone(params) as Mutable
          // an expires_after that is added for the violation needs a valid anchor and seconds first
          if (violation.param.startsWith("expires_after.") && broken.expires_after === undefined) {
            broken.expires_after = { anchor: "created_at", seconds: 60 }
          }
          violation.apply(broken)
          // deliberately ill-typed input, as an untyped caller could send it
          yield* Checks.assertFails(
            service.create(broken as unknown as SessionParams.CreateSessionParams),
            "BadRequestError",
            violation.param
          )
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
export const lifecycle = (test: Test): void =>
  test(
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
export const expiry = (example: Checks.Example<SessionsService>): void =>
  example(
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
