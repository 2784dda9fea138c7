import { Session } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Cause, Effect, Either, Exit, Inspectable, Logger, Redacted, Schema } from "effect"
import { inspect } from "node:util"

const decodeSession = Schema.decodeUnknownSync(Session.ChatSession)
const encodeSession = Schema.encodeSync(Session.ChatSession)

const secret = "ek_68e5_live_secret_do_not_log"

/** The session of chatkit-js#189 (API reference §7), with the fields the issue elides filled in. */
const reference = {
  id: "cksess_68e5f0a1b2c3",
  object: "chatkit.session",
  expires_at: 1_760_000_600,
  client_secret: secret,
  workflow: { id: "wf_68e5", version: null, state_variables: null, tracing: { enabled: true } },
  user: "user_123",
  rate_limits: { max_requests_per_1_minute: 10 },
  max_requests_per_1_minute: 10,
  status: "active",
  chatkit_configuration: {
    automatic_thread_titling: { enabled: true },
    file_upload: { enabled: false, max_file_size: 512, max_files: 10 },
    history: { enabled: true, recent_threads: null }
  }
} as const

describe("Session", () => {
  it("decodes the reference session and encodes it back to the same JSON", () => {
    const session = decodeSession(reference)
    assert.strictEqual(session.status, "active")
    assert.isTrue(session.chatkit_configuration.automatic_thread_titling.enabled)
    assert.deepStrictEqual(session.chatkit_configuration.file_upload, {
      enabled: false,
      max_file_size: 512,
      max_files: 10
    })
    assert.deepStrictEqual(session.chatkit_configuration.history, { enabled: true, recent_threads: null })
    assert.strictEqual(session.max_requests_per_1_minute, 10)
    assert.strictEqual(Redacted.value(session.client_secret), secret)
    assert.deepStrictEqual(encodeSession(session), reference)
  })

  it.prop("decode ∘ encode is the identity, through JSON", [Arbitrary.make(Session.ChatSession)], ([session]) => {
    const wire = encodeSession(session)
    const decoded = decodeSession(JSON.parse(JSON.stringify(wire)))
    assert.deepStrictEqual(decoded, session)
    // Redacted values all look alike to a deep comparison: compare the secrets themselves
    assert.strictEqual(Redacted.value(decoded.client_secret), Redacted.value(session.client_secret))
    assert.deepStrictEqual(encodeSession(decoded), wire)
  })

  it("accepts every status and state variables of every kind", () => {
    for (const status of ["active", "expired", "cancelled"] as const) {
      const stateVariables = { plan: "pro", beta: false, seats: 3, ratio: 0.5 }
      const input = { ...reference, status, workflow: { ...reference.workflow, state_variables: stateVariables } }
      const session = decodeSession(input)
      assert.strictEqual(session.status, status)
      assert.deepStrictEqual(encodeSession(session), input)
    }
  })

  it("keeps a status the API does not have today, as sent", () => {
    const input = { ...reference, status: "pending" }
    const session = decodeSession(input)
    assert.strictEqual(session.status, "pending")
    assert.deepStrictEqual(encodeSession(session), input)
  })

  it("decodes absent nullable fields as null and writes null back", () => {
    const input = {
      ...reference,
      workflow: { id: "wf_1", tracing: { enabled: false } },
      chatkit_configuration: {
        ...reference.chatkit_configuration,
        file_upload: { enabled: true },
        history: { enabled: false }
      }
    }
    const encoded = encodeSession(decodeSession(input))
    assert.deepStrictEqual(encoded.workflow, {
      id: "wf_1",
      version: null,
      state_variables: null,
      tracing: { enabled: false }
    })
    assert.deepStrictEqual(encoded.chatkit_configuration.file_upload, {
      enabled: true,
      max_file_size: null,
      max_files: null
    })
    assert.deepStrictEqual(encoded.chatkit_configuration.history, { enabled: false, recent_threads: null })
  })

  it("rejects a wrong field, naming the path", () => {
    const cases: ReadonlyArray<readonly [unknown, string]> = [
      [{ ...reference, status: 3 }, "[\"status\"]"],
      [{ ...reference, object: "chatkit.thread" }, "[\"object\"]"],
      [{ ...reference, expires_at: 1.5 }, "[\"expires_at\"]"],
      [{ ...reference, client_secret: null }, "[\"client_secret\"]"],
      [{ ...reference, workflow: { ...reference.workflow, state_variables: { a: null } } }, "[\"state_variables\"]"],
      [{ ...reference, rate_limits: {} }, "[\"max_requests_per_1_minute\"]"]
    ]
    for (const [input, path] of cases) {
      const result = Schema.decodeUnknownEither(Session.ChatSession)(input)
      assert.isTrue(Either.isLeft(result))
      if (Either.isLeft(result)) assert.include(result.left.message, path)
    }
  })

  describe("the client secret never shows once decoded", () => {
    const session = decodeSession(reference)

    it("not in String, JSON, inspect or Effect's formatting", () => {
      for (
        const rendering of [
          String(session),
          JSON.stringify(session),
          inspect(session, { depth: null }),
          Inspectable.format(session),
          String(session.client_secret),
          `${session.client_secret}`
        ]
      ) {
        assert.notInclude(rendering, secret)
      }
      assert.include(JSON.stringify(session), "<redacted>")
    })

    it.effect("not in logs nor in the causes of failures that carry the session", () =>
      Effect.gen(function*() {
        const lines: Array<string> = []
        const logger = Logger.map(Logger.logfmtLogger, (line) => lines.push(line))
        yield* Effect.log("session created", session).pipe(
          Effect.annotateLogs("session", session),
          Effect.provide(Logger.replace(Logger.defaultLogger, logger))
        )
        const exit = yield* Effect.exit(Effect.fail(session))
        assert.isTrue(Exit.isFailure(exit))
        if (Exit.isFailure(exit)) lines.push(Cause.pretty(exit.cause))
        assert.isAbove(lines.length, 1)
        for (const line of lines) {
          assert.notInclude(line, secret)
          assert.include(line, "<redacted>")
        }
      }))

    it("not in the message of a failed decode of the wire form", () => {
      const result = Schema.decodeUnknownEither(Session.ChatSession)({ ...reference, status: 3 })
      assert.isTrue(Either.isLeft(result))
      if (Either.isLeft(result)) assert.notInclude(result.left.message, secret)
    })

    it("while encoding gives the full string for the wire", () => {
      assert.strictEqual(encodeSession(session).client_secret, secret)
      assert.include(JSON.stringify(encodeSession(session)), secret)
    })
  })
})
