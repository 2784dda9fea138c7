import * as Session from "@effect-chatkit/core/Session"
import type * as SessionParams from "@effect-chatkit/core/SessionParams"
import * as ChatKitFake from "@effect-chatkit/testing/ChatKitFake"
import { assert, describe, it } from "@effect/vitest"
import { Effect, FastCheck, Random, Redacted, Schema } from "effect"
import { runs } from "../../../test/runs.js"
import { lines, runCli } from "./fixtures/runCli.js"

const encode = Schema.encodeSync(Session.ChatSession)
const decode = Schema.decodeUnknownSync(Session.ChatSession)

/** The session a fake answers for `params` (at the same clock); the built-in fake's own id and secret differ. */
const expected = (params: SessionParams.CreateSessionParams) =>
  Effect.flatMap(ChatKitFake.make(), (fake) => fake.sessions.service.create(params))

/** A wire session without what identifies it: its id and client secret, drawn afresh by every run. */
const withoutIdentity = (json: unknown) => {
  const { client_secret: _secret, id: _id, ...rest } = json as Record<string, unknown>
  return rest
}

const errorLines = (stderr: string): ReadonlyArray<string> => lines(stderr).filter((line) => line.startsWith("error:"))

const create = ["sessions", "create", "--workflow", "wf_1", "--user", "user_1"]

describe("chatkit sessions create", () => {
  it.effect("prints the session's fields with the client secret masked", () =>
    Effect.gen(function*() {
      // the same Random seed gives the same session in each run
      const sameRun = (args: ReadonlyArray<string>) => Effect.withRandom(runCli(args), Random.make("same"))
      const out = yield* sameRun(create)
      assert.isTrue(out.ok, out.stderr)
      const session = decode(JSON.parse((yield* sameRun([...create, "--json"])).stdout))
      const secret = Redacted.value(session.client_secret)
      assert.strictEqual(
        out.stdout,
        [
          `id             ${session.id}`,
          "status         active",
          "user           user_1",
          "workflow       wf_1 (latest version)",
          "state          (none)",
          "tracing        on",
          "expires        1970-01-01T00:10:00Z",
          "rate limit     10 requests per minute",
          "thread titles  on",
          "file upload    off (at most 10 files of at most 512 MB)",
          "history        on (all threads)",
          `client secret  ek_…${secret.slice(-4)} (add --show-secret to print it)`,
          ""
        ].join("\n")
      )
      assert.notInclude(out.stdout + out.stderr, secret.slice(0, -4))
      assert.include(out.stderr, "using the built-in fake")
      assert.include(out.stderr, "note: the built-in fake keeps no sessions between commands")
      const shown = yield* sameRun([...create, "--show-secret"])
      assert.include(shown.stdout, `client secret  ${secret}\n`)
    }))

  it.effect("every run creates a session of its own: another id and client secret", () =>
    Effect.gen(function*() {
      const runs = yield* Effect.forEach([1, 2, 3], () => runCli([...create, "--json"]))
      const sessions = runs.map((out) => decode(JSON.parse(out.stdout)))
      assert.strictEqual(new Set(sessions.map((session) => session.id)).size, 3)
      assert.strictEqual(new Set(sessions.map((session) => Redacted.value(session.client_secret))).size, 3)
    }))

  it.effect("--json prints the wire session, client secret included", () =>
    Effect.gen(function*() {
      const session = yield* expected({ user: "user_1", workflow: { id: "wf_1" } })
      const out = yield* runCli([...create, "--json"])
      assert.isTrue(out.ok, out.stderr)
      const printed = JSON.parse(out.stdout)
      assert.deepStrictEqual(withoutIdentity(printed), withoutIdentity(encode(session)))
      assert.match(printed.client_secret, /^ek_\w{16,}$/)
    }))

  it.effect.prop(
    "every flag becomes its parameter; --state values are typed as written",
    [
      FastCheck.record({
        version: FastCheck.option(FastCheck.stringMatching(/^[a-z0-9.]{1,6}$/), { nil: undefined }),
        seconds: FastCheck.option(FastCheck.integer({ min: 1, max: 600 }), { nil: undefined }),
        max: FastCheck.option(FastCheck.integer({ min: 1, max: 1000 }), { nil: undefined }),
        state: FastCheck.dictionary(
          FastCheck.stringMatching(/^[a-z_]{1,8}$/),
          FastCheck.oneof(
            FastCheck.boolean(),
            FastCheck.integer(),
            FastCheck.double({ noNaN: true, noDefaultInfinity: true }).map((n) => n + 0),
            FastCheck.string()
          ),
          { maxKeys: 4 }
        )
      })
    ],
    ([{ max, seconds, state, version }]) =>
      Effect.gen(function*() {
        const args = [
          ...create,
          "--json",
          ...(version === undefined ? [] : ["--workflow-version", version]),
          ...(seconds === undefined ? [] : ["--expires-after", String(seconds)]),
          ...(max === undefined ? [] : ["--max-requests-per-minute", String(max)]),
          ...Object.entries(state).flatMap(([key, value]) => ["--state", `${key}=${JSON.stringify(value)}`])
        ]
        const session = yield* expected({
          user: "user_1",
          workflow: {
            id: "wf_1",
            ...(version === undefined ? {} : { version }),
            ...(Object.keys(state).length === 0 ? {} : { state_variables: state })
          },
          ...(seconds === undefined ? {} : { expires_after: { anchor: "created_at", seconds } }),
          ...(max === undefined ? {} : { rate_limits: { max_requests_per_1_minute: max } })
        })
        const out = yield* runCli(args)
        assert.isTrue(out.ok, out.stderr)
        assert.deepStrictEqual(withoutIdentity(JSON.parse(out.stdout)), withoutIdentity(encode(session)))
      }),
    { fastCheck: { numRuns: runs(20) } }
  )

  it.effect("parameters out of range are core's BadRequestError, naming the param", () =>
    Effect.gen(function*() {
      const cases: ReadonlyArray<readonly [ReadonlyArray<string>, string]> = [
        [["--expires-after", "0"], "expires_after.seconds"],
        [["--expires-after", "601"], "expires_after.seconds"],
        [["--max-requests-per-minute", "0"], "rate_limits.max_requests_per_1_minute"],
        [["--state", `${"k".repeat(65)}=1`], "workflow.state_variables"]
      ]
      for (const [args, param] of cases) {
        const out = yield* runCli([...create, ...args])
        assert.isFalse(out.ok)
        assert.strictEqual(out.stdout, "")
        const [error] = errorLines(out.stderr)
        assert.match(error!, new RegExp(`^error: BadRequestError: Invalid '${param.replaceAll(".", "\\.")}'`))
      }
      const empty = yield* runCli(["sessions", "create", "--workflow", "wf_1", "--user", ""])
      assert.deepStrictEqual(errorLines(empty.stderr).map((line) => line.slice(0, 40)), [
        "error: BadRequestError: Invalid 'user': "
      ])
    }))

  it.effect("a --state without '=', or with a key twice, fails the command before anything is sent", () =>
    Effect.gen(function*() {
      for (const state of [["--state", "plan"], ["--state", "a=1", "--state", "a=2"]]) {
        const out = yield* runCli([...create, ...state])
        assert.isFalse(out.ok)
        assert.strictEqual(out.stdout, "")
        assert.notInclude(out.stderr, "using")
      }
    }))
})

describe("chatkit sessions cancel", () => {
  it.effect("an unknown session is a NotFoundError line; an empty id a BadRequestError", () =>
    Effect.gen(function*() {
      const missing = yield* runCli(["sessions", "cancel", "cksess_nope"])
      assert.isFalse(missing.ok)
      assert.strictEqual(missing.stdout, "")
      assert.deepStrictEqual(errorLines(missing.stderr), [
        "error: NotFoundError (404): No session found with id 'cksess_nope'."
      ])
      assert.include(missing.stderr, "note: the built-in fake keeps no sessions between commands")
      const empty = yield* runCli(["sessions", "cancel", ""])
      assert.isFalse(empty.ok)
      assert.match(errorLines(empty.stderr).join("\n"), /^error: BadRequestError: .*session_id/)
    }))
})
