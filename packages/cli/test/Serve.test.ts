import * as Session from "@effect-chatkit/core/Session"
import * as Thread from "@effect-chatkit/core/Thread"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { Schema } from "effect"
import { collect, demoFake } from "./fixtures/demo.js"
import { lines, runCli } from "./fixtures/runCli.js"
import { startServer } from "./fixtures/servers.js"

const decodeThread = Schema.decodeUnknownSync(Thread.Thread)
const decodeSession = Schema.decodeUnknownSync(Session.ChatSession)

const withoutId = ({ id: _, ...thread }: Thread.Thread) => thread

describe("chatkit serve", () => {
  it.scopedLive("--demo serves the demo data, which the live backend pages through", () =>
    Effect.gen(function*() {
      const url = yield* startServer("--demo")
      const { service } = yield* demoFake
      const expected = yield* collect(service.stream({ limit: 100 }))
      const out = yield* runCli([
        "threads",
        "list",
        "--all",
        "--json",
        "--limit",
        "7",
        "--base-url",
        url,
        "--api-key",
        "x"
      ])
      assert.isTrue(out.ok, out.stderr)
      assert.include(out.stderr, `using the API at ${url}\n`)
      assert.deepStrictEqual(
        lines(out.stdout).map((line) => withoutId(decodeThread(JSON.parse(line)))),
        expected.map(withoutId)
      )
    }))

  it.scopedLive("only the given keys are accepted; another is an AuthenticationError line", () =>
    Effect.gen(function*() {
      const url = yield* startServer("--api-key", "sk-one", "--api-key", "sk-two")
      const good = yield* runCli(["threads", "list", "--json", "--base-url", url, "--api-key", "sk-two"])
      assert.isTrue(good.ok, good.stderr)
      assert.deepStrictEqual(JSON.parse(good.stdout), {
        object: "list",
        data: [],
        first_id: null,
        last_id: null,
        has_more: false
      })
      const bad = yield* runCli(["threads", "list", "--base-url", url, "--api-key", "sk-three"])
      assert.isFalse(bad.ok)
      assert.strictEqual(bad.stdout, "")
      assert.match(
        lines(bad.stderr).filter((line) => line.startsWith("error:")).join("\n"),
        /^error: AuthenticationError \(401\): /
      )
    }))

  it.scopedLive("serves sessions: create, then cancel twice, each store its own", () =>
    Effect.gen(function*() {
      const url = yield* startServer("--api-key", "sk-one", "--api-key", "sk-two", "--seed", "4")
      const backend = (key: string) => ["--base-url", url, "--api-key", key, "--json"]
      const created = yield* runCli([
        "sessions",
        "create",
        "--workflow",
        "wf_1",
        "--user",
        "user_1",
        "--state",
        "plan=pro",
        ...backend("sk-one")
      ])
      assert.isTrue(created.ok, created.stderr)
      const session = decodeSession(JSON.parse(created.stdout))
      assert.strictEqual(session.status, "active")
      assert.deepStrictEqual(session.workflow.state_variables, { plan: "pro" })
      const cancel = (key: string) => runCli(["sessions", "cancel", session.id, ...backend(key)])
      const elsewhere = yield* cancel("sk-two")
      assert.isFalse(elsewhere.ok)
      assert.match(
        lines(elsewhere.stderr).filter((line) => line.startsWith("error:")).join("\n"),
        /NotFoundError \(404\)/
      )
      const cancelled = yield* cancel("sk-one")
      assert.deepStrictEqual(JSON.parse(cancelled.stdout), { ...JSON.parse(created.stdout), status: "cancelled" })
      assert.strictEqual((yield* cancel("sk-one")).stdout, cancelled.stdout)
    }))

  it.effect("an invalid fault rate is one error line", () =>
    Effect.gen(function*() {
      const out = yield* runCli(["serve", "--port", "0", "--fault-rate", "3"])
      assert.isFalse(out.ok)
      assert.deepStrictEqual(lines(out.stderr), [
        "error: IllegalArgumentException: ThreadsFakeServer: faultRate must be between 0 and 1, got 3"
      ])
    }))
})
