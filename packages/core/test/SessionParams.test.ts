import { Session, SessionParams, SessionsService } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Either, FastCheck, Schema } from "effect"

const decode = Schema.decodeUnknownEither(SessionParams.CreateSessionParams, { onExcessProperty: "error" })

const minimal = { user: "user_1", workflow: { id: "wf_1" } } as const

/** Validation as every service applies it: the `BadRequestError` of `create`, or `null` when valid. */
const rejection = (params: unknown) =>
  SessionsService.make({
    create: () => Effect.die("valid"),
    cancel: () => Effect.die("unused")
  }).create(params as SessionParams.CreateSessionParams).pipe(
    Effect.flip,
    Effect.map((error) => error._tag === "BadRequestError" ? error : null),
    Effect.catchAllDefect(() => Effect.succeed(null))
  )

const stateVariables = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`v${i}`, i]))

describe("SessionParams", () => {
  it("documents the defaults the API applies", () => {
    assert.strictEqual(SessionParams.defaultExpiresAfterSeconds, 600)
    assert.strictEqual(SessionParams.maxExpiresAfterSeconds, 600)
    assert.strictEqual(SessionParams.defaultMaxRequestsPerMinute, 10)
    assert.isTrue(SessionParams.defaultTracingEnabled)
    assert.strictEqual(SessionParams.maxStateVariables, 64)
    assert.strictEqual(SessionParams.maxStateVariableKeyLength, 64)
    assert.strictEqual(SessionParams.maxStateVariableStringLength, 10_485_760)
    assert.strictEqual(SessionParams.maxFileSize, 512)
    assert.deepStrictEqual(SessionParams.defaultChatKitConfiguration, {
      automatic_thread_titling: { enabled: true },
      file_upload: { enabled: false, max_file_size: 512, max_files: 10 },
      history: { enabled: true, recent_threads: null }
    })
    // the resolved configuration is a valid session configuration
    assert.isTrue(
      Either.isRight(
        Schema.decodeUnknownEither(Session.ChatKitConfiguration)(SessionParams.defaultChatKitConfiguration)
      )
    )
  })

  it("accepts the smallest body and the fullest one", () => {
    const full = {
      user: "u",
      workflow: {
        id: "wf_1",
        version: "3",
        state_variables: { plan: "pro", beta: true, seats: 3, ratio: 0.25 },
        tracing: { enabled: false }
      },
      expires_after: { anchor: "created_at", seconds: 60 },
      rate_limits: { max_requests_per_1_minute: 100 },
      chatkit_configuration: {
        automatic_thread_titling: { enabled: false },
        file_upload: { enabled: true, max_file_size: 20, max_files: 3 },
        history: { enabled: true, recent_threads: 5 }
      }
    }
    for (const params of [minimal, full, { ...minimal, rate_limits: {}, chatkit_configuration: {} }]) {
      assert.deepStrictEqual<unknown>(Either.getOrUndefined(decode(params)), params)
    }
  })

  describe("boundaries, each naming the param", () => {
    const cases: ReadonlyArray<readonly [string, unknown, string | null]> = [
      [
        "expires_after.seconds 0",
        { ...minimal, expires_after: { anchor: "created_at", seconds: 0 } },
        "expires_after.seconds"
      ],
      ["expires_after.seconds 1", { ...minimal, expires_after: { anchor: "created_at", seconds: 1 } }, null],
      ["expires_after.seconds 600", { ...minimal, expires_after: { anchor: "created_at", seconds: 600 } }, null],
      [
        "expires_after.seconds 601",
        { ...minimal, expires_after: { anchor: "created_at", seconds: 601 } },
        "expires_after.seconds"
      ],
      [
        "expires_after.seconds 1.5",
        { ...minimal, expires_after: { anchor: "created_at", seconds: 1.5 } },
        "expires_after.seconds"
      ],
      [
        "expires_after.anchor other",
        { ...minimal, expires_after: { anchor: "updated_at", seconds: 60 } },
        "expires_after.anchor"
      ],
      [
        "expires_after without seconds",
        { ...minimal, expires_after: { anchor: "created_at" } },
        "expires_after.seconds"
      ],
      [
        "max_requests_per_1_minute 0",
        { ...minimal, rate_limits: { max_requests_per_1_minute: 0 } },
        "rate_limits.max_requests_per_1_minute"
      ],
      ["max_requests_per_1_minute 1", { ...minimal, rate_limits: { max_requests_per_1_minute: 1 } }, null],
      ...[0, 1, 512, 513].map((size) =>
        [
          `max_file_size ${size}`,
          { ...minimal, chatkit_configuration: { file_upload: { max_file_size: size } } },
          size === 1 || size === 512 ? null : "chatkit_configuration.file_upload.max_file_size"
        ] as const
      ),
      ...[0, 1].map((files) =>
        [
          `max_files ${files}`,
          { ...minimal, chatkit_configuration: { file_upload: { max_files: files } } },
          files === 1 ? null : "chatkit_configuration.file_upload.max_files"
        ] as const
      ),
      ...[0, 1].map((recent) =>
        [
          `recent_threads ${recent}`,
          { ...minimal, chatkit_configuration: { history: { recent_threads: recent } } },
          recent === 1 ? null : "chatkit_configuration.history.recent_threads"
        ] as const
      ),
      ["64 state variables", { user: "u", workflow: { id: "wf", state_variables: stateVariables(64) } }, null],
      [
        "65 state variables",
        { user: "u", workflow: { id: "wf", state_variables: stateVariables(65) } },
        "workflow.state_variables"
      ],
      ["a key of 64 characters", { user: "u", workflow: { id: "wf", state_variables: { ["k".repeat(64)]: 1 } } }, null],
      [
        "a key of 65 characters",
        { user: "u", workflow: { id: "wf", state_variables: { ["k".repeat(65)]: 1 } } },
        "workflow.state_variables"
      ],
      [
        "a null state variable",
        { user: "u", workflow: { id: "wf", state_variables: { k: null } } },
        "workflow.state_variables.k"
      ],
      [
        "a NaN state variable",
        { user: "u", workflow: { id: "wf", state_variables: { k: Number.NaN } } },
        "workflow.state_variables.k"
      ],
      ["empty user", { ...minimal, user: "" }, "user"],
      ["missing user", { workflow: { id: "wf" } }, "user"],
      ["missing workflow", { user: "u" }, "workflow"],
      ["missing workflow.id", { user: "u", workflow: {} }, "workflow.id"],
      ["empty workflow.id", { user: "u", workflow: { id: "" } }, "workflow.id"],
      ["workflow not an object", { user: "u", workflow: "wf_1" }, "workflow"],
      [
        "tracing.enabled not a boolean",
        { user: "u", workflow: { id: "wf", tracing: { enabled: "yes" } } },
        "workflow.tracing.enabled"
      ],
      ["unknown top-level key", { ...minimal, model: "gpt" }, "model"],
      [
        "unknown nested key",
        { ...minimal, chatkit_configuration: { history: { limit: 3 } } },
        "chatkit_configuration.history.limit"
      ],
      ["unknown workflow key", { user: "u", workflow: { id: "wf", name: "x" } }, "workflow.name"]
    ]
    for (const [name, params, param] of cases) {
      it.effect(`${name} → ${param === null ? "accepted" : `BadRequestError(param: ${param})`}`, () =>
        Effect.gen(function*() {
          const error = yield* rejection(params)
          if (param === null) {
            assert.isNull(error)
          } else {
            assert.strictEqual(error?.param, param)
            assert.strictEqual(error?.type, "invalid_request_error")
            assert.strictEqual(error?.status, undefined)
            assert.include(error?.message, param)
          }
        }))
    }
  })

  it.effect("states the constraints in OpenAI's words, with OpenAI's codes", () =>
    Effect.gen(function*() {
      const expectations: ReadonlyArray<readonly [unknown, string, string]> = [
        [
          { ...minimal, expires_after: { anchor: "created_at", seconds: 601 } },
          "Invalid 'expires_after.seconds': integer above maximum value. Expected a value <= 600, but got 601 instead.",
          "integer_above_max_value"
        ],
        [
          { ...minimal, rate_limits: { max_requests_per_1_minute: 0 } },
          "Invalid 'rate_limits.max_requests_per_1_minute': integer below minimum value. Expected a value >= 1, but got 0 instead.",
          "integer_below_min_value"
        ],
        [
          { ...minimal, expires_after: { anchor: "created_at", seconds: 1.5 } },
          "Invalid 'expires_after.seconds': expected an integer, but got 1.5 instead.",
          "invalid_type"
        ],
        [
          { ...minimal, expires_after: { anchor: "updated_at", seconds: 60 } },
          "Invalid 'expires_after.anchor': 'updated_at'. Supported values are: 'created_at'.",
          "invalid_value"
        ],
        [
          { ...minimal, user: "" },
          "Invalid 'user': string too short. Expected a string with minimum length 1, but got an empty string instead.",
          "empty_string"
        ],
        [{ user: "u" }, "Missing required parameter: 'workflow'.", "missing_required_parameter"],
        [
          { user: "u", workflow: { id: "wf", state_variables: stateVariables(65) } },
          "Invalid 'workflow.state_variables': too many properties. Expected an object with at most 64 properties, but got an object with 65 properties instead.",
          "object_above_max_properties"
        ],
        [
          { user: "u", workflow: { id: "wf", state_variables: { ["k".repeat(65)]: 1 } } },
          "Invalid 'workflow.state_variables': key too long. Expected keys with maximum length 64, but got a key with length 65 instead.",
          "string_above_max_length"
        ],
        [
          { user: "u", workflow: { id: "wf", state_variables: { k: null } } },
          "Invalid 'workflow.state_variables.k': expected a string, boolean or number, but got null instead.",
          "invalid_type"
        ],
        [
          { user: "u", workflow: "wf_1" },
          "Invalid 'workflow': expected an object, but got 'wf_1' instead.",
          "invalid_value"
        ],
        [
          { ...minimal, chatkit_configuration: { history: { limit: 3 } } },
          "Unrecognized request argument supplied: chatkit_configuration.history.limit",
          "unknown_parameter"
        ]
      ]
      for (const [params, message, code] of expectations) {
        const error = yield* rejection(params)
        assert.strictEqual(error?.message, message)
        assert.strictEqual(error?.code, code)
      }
    }))

  it.effect("bounds the length of a state variable's string value", () =>
    Effect.gen(function*() {
      const at = (length: number) => ({ user: "u", workflow: { id: "wf", state_variables: { k: "x".repeat(length) } } })
      assert.isNull(yield* rejection(at(SessionParams.maxStateVariableStringLength)))
      const error = yield* rejection(at(SessionParams.maxStateVariableStringLength + 1))
      assert.strictEqual(error?.param, "workflow.state_variables.k")
      assert.strictEqual(error?.code, "string_above_max_length")
      assert.notInclude(error?.message ?? "", "xxxx")
    }))

  it.prop(
    "accepts exactly the integer lifetimes from 1 to 600 seconds",
    [FastCheck.oneof(FastCheck.integer({ min: -1000, max: 1000 }), FastCheck.double())],
    ([seconds]) => {
      const valid = Number.isInteger(seconds) && seconds >= 1 && seconds <= 600
      assert.strictEqual(
        Either.isRight(decode({ ...minimal, expires_after: { anchor: "created_at", seconds } })),
        valid
      )
    }
  )

  it.prop(
    "accepts exactly the integer file sizes from 1 to 512",
    [FastCheck.integer({ min: -10, max: 1000 })],
    ([size]) => {
      const params = { ...minimal, chatkit_configuration: { file_upload: { max_file_size: size } } }
      assert.strictEqual(Either.isRight(decode(params)), size >= 1 && size <= 512)
    }
  )

  it.prop(
    "accepts up to 64 state variables of every kind, named with up to 64 characters",
    [FastCheck.dictionary(
      FastCheck.string({ maxLength: 70 }).filter((key) => key !== "__proto__"),
      FastCheck.oneof(
        FastCheck.string(),
        FastCheck.boolean(),
        FastCheck.double({ noNaN: true, noDefaultInfinity: true })
      ),
      { maxKeys: 70 }
    )],
    ([variables]) => {
      const keys = Object.keys(variables)
      const valid = keys.length <= 64 && keys.every((key) => key.length <= 64)
      const params = { user: "u", workflow: { id: "wf", state_variables: variables } }
      assert.strictEqual(Either.isRight(decode(params)), valid)
    }
  )
})
