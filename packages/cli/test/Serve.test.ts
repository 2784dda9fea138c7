import * as Session from "@effect-chatkit/core/Session"
import * as Thread from "@effect-chatkit/core/Thread"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { Schema } from "effect"
import { collect, demoFake } from "./fixtures/demo.js"
import { lines, runCli } from "./fixtures/runCli.js"
import { startServer, startServing } from "./fixtures/servers.js"

const decodeThread = Schema.decodeUnknownSync(Thread.Thread)
const decodeSession = Schema.decodeUnknownSync(Session.ChatSession)

const withoutId = ({ id: _, ...thread }: Thread.Thread) => thread

const get = (url: string, key: string) =>
  Effect.promise(() =>
    fetch(url, { headers: { authorization: `Bearer ${key}`, "openai-beta": "chatkit_beta=v1" } }).then(async (
      response
    ) => ({ status: response.status, body: await response.json() as unknown }))
  )

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

  it.scopedLive("the demo data has the same ids whatever the key", () =>
    Effect.gen(function*() {
      const url = yield* startServer("--demo")
      const ids = (key: string) =>
        Effect.map(
          get(`${url}/chatkit/threads?limit=100`, key),
          ({ body }) => (body as { data: ReadonlyArray<{ id: string }> }).data.map((thread) => thread.id)
        )
      const first = yield* ids("sk-one")
      assert.isAbove(first.length, 0)
      assert.deepStrictEqual(yield* ids("sk-two"), first)
      const { service } = yield* demoFake
      assert.deepStrictEqual(first, (yield* collect(service.stream({ limit: 100 }))).map((thread) => thread.id))
    }))

  it.scopedLive("accepted keys are masked on screen: a short key shows nothing of itself", () =>
    Effect.gen(function*() {
      const long = "sk-proj-abcdefghijklmnopqrstuvwxyz"
      const { output } = yield* startServing("--api-key", "e", "--api-key", "sk-short-1", "--api-key", long)
      assert.notInclude(output.stdout, "sk-short-1")
      assert.notInclude(output.stdout, "abcdefghijklmnopqrstuv")
      assert.include(output.stdout, "API keys: ********, ********, sk-********wxyz\n")
    }))

  it.scopedLive("--admin serves the admin routes; each request is one line on stderr unless --quiet", () =>
    Effect.gen(function*() {
      const { output, url } = yield* startServing("--admin", "--fault-rate", "0")
      const origin = new URL(url).origin
      const created = yield* Effect.promise(() =>
        fetch(`${origin}/_admin/threads`, {
          method: "POST",
          headers: { authorization: "Bearer sk-test" },
          body: JSON.stringify({ user: "user_1", title: "Hello" })
        }).then((response) => response.status)
      )
      assert.strictEqual(created, 200)
      assert.strictEqual((yield* get(`${url}/chatkit/nope`, "sk-test")).status, 404)
      assert.match(output.stderr, /^POST \/_admin\/threads 200 \d+\.\dms\nGET \/v1\/chatkit\/nope 404 \d+\.\dms\n$/)
      const quiet = yield* startServing("--quiet")
      assert.strictEqual((yield* get(`${quiet.url}/chatkit/threads`, "sk-test")).status, 200)
      assert.strictEqual(quiet.output.stderr, "")
      const closed = yield* startServing()
      assert.strictEqual((yield* get(`${new URL(closed.url).origin}/_admin/snapshot`, "sk-test")).status, 404)
    }))

  it.scopedLive("--fault-seed picks the fault sequence, logged with each fault", () =>
    Effect.gen(function*() {
      const faults = (...args: ReadonlyArray<string>) =>
        Effect.gen(function*() {
          const { output, url } = yield* startServing("--fault-rate", "0.5", ...args)
          for (let i = 0; i < 12; i++) {
            yield* Effect.promise(() =>
              fetch(`${url}/chatkit/threads`, {
                headers: { authorization: "Bearer k", "openai-beta": "chatkit_beta=v1" }
              }).then((response) => response.text(), () => "")
            )
          }
          return output.stderr.split("\n").map((line) => line.replace(/ \d+\.\dms/, ""))
        })
      const seeded = yield* faults("--seed", "5")
      assert.deepStrictEqual(yield* faults("--seed", "9", "--fault-seed", "5"), seeded)
      assert.isTrue(seeded.some((line) => / fault=\w+$/.test(line)))
    }))

  it.effect("an invalid fault rate is one error line", () =>
    Effect.gen(function*() {
      const out = yield* runCli(["serve", "--port", "0", "--fault-rate", "3"])
      assert.isFalse(out.ok)
      assert.deepStrictEqual(lines(out.stderr), [
        "error: IllegalArgumentException: ChatKitFakeServer: faultRate must be between 0 and 1, got 3"
      ])
    }))
})
