import * as Page from "@effect-chatkit/core/Page"
import * as Thread from "@effect-chatkit/core/Thread"
import * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import { assert, describe, it } from "@effect/vitest"
import { Effect, FastCheck, Schema } from "effect"
import { runs } from "../../../test/runs.js"
import { collect, demoFake } from "./fixtures/demo.js"
import { lines, runCli } from "./fixtures/runCli.js"

const decodePage = Schema.decodeUnknownSync(Page.ThreadPage)
const decodeItemPage = Schema.decodeUnknownSync(Page.ThreadItemPage)
const decodeThread = Schema.decodeUnknownSync(Thread.Thread)
const decodeItem = Schema.decodeUnknownSync(ThreadItem.ThreadItem)
const decodeDeleted = Schema.decodeUnknownSync(Thread.ThreadDeleted)

const firstColumn = (table: string): ReadonlyArray<string> =>
  lines(table).slice(1).flatMap((line) => line.split(" ").slice(0, 1))

const errorLines = (stderr: string): ReadonlyArray<string> => lines(stderr).filter((line) => line.startsWith("error:"))

describe("chatkit threads list", () => {
  it.effect("prints the first page as a table and says it uses the built-in fake", () =>
    Effect.gen(function*() {
      const { service } = yield* demoFake
      const page = yield* service.list()
      const out = yield* runCli(["threads", "list"])
      assert.isTrue(out.ok)
      assert.deepStrictEqual(lines(out.stdout)[0]?.split(/\s+/), ["ID", "CREATED", "USER", "STATUS", "TITLE"])
      assert.deepStrictEqual(firstColumn(out.stdout), page.data.map((thread) => thread.id))
      assert.include(out.stderr, "using the built-in fake (demo data); set OPENAI_API_KEY to use the live API")
      assert.include(out.stderr, `add --after ${page.last_id}`)
    }))

  it.effect("--json prints the wire page, which decodes with the core schema", () =>
    Effect.gen(function*() {
      const { service } = yield* demoFake
      const out = yield* runCli(["threads", "list", "--json", "--limit", "5", "--order", "asc"])
      assert.isTrue(out.ok)
      assert.deepStrictEqual(decodePage(JSON.parse(out.stdout)), yield* service.list({ limit: 5, order: "asc" }))
      assert.notInclude(out.stdout, "using")
    }))

  it.effect.prop(
    "--all --json pages through every thread as JSON Lines, with progress only on stderr",
    [FastCheck.integer({ min: 1, max: 30 }), FastCheck.constantFrom("asc" as const, "desc" as const)],
    ([limit, order]) =>
      Effect.gen(function*() {
        const { service } = yield* demoFake
        const expected = yield* collect(service.stream({ order, limit: 100 }))
        const out = yield* runCli(["threads", "list", "--all", "--json", "--limit", String(limit), "--order", order])
        assert.isTrue(out.ok)
        assert.deepStrictEqual(lines(out.stdout).map((line) => decodeThread(JSON.parse(line))), expected)
        const progress = lines(out.stderr).filter((line) => line.startsWith("fetched"))
        assert.strictEqual(progress.length, Math.ceil(expected.length / limit))
        assert.strictEqual(progress.at(-1), `fetched ${expected.length} threads…`)
      }),
    { fastCheck: { numRuns: runs(15) } }
  )

  it.effect("--all prints one table of every thread, filtered by --user", () =>
    Effect.gen(function*() {
      const { service } = yield* demoFake
      const expected = yield* collect(service.stream({ user: "user_bob", limit: 100 }))
      const out = yield* runCli(["threads", "list", "--all", "--limit", "2", "--user", "user_bob"])
      assert.isTrue(out.ok)
      assert.deepStrictEqual(firstColumn(out.stdout), expected.map((thread) => thread.id))
      assert.isTrue(lines(out.stdout).slice(1).every((line) => line.includes(" user_bob ")))
    }))

  it.effect("on a terminal, progress redraws one line and ends with the count", () =>
    Effect.gen(function*() {
      const out = yield* runCli(["threads", "list", "--all", "--limit", "10", "--json"], { stderrIsTTY: true })
      assert.isTrue(out.ok)
      assert.include(out.stderr, "\r\x1b[2Kfetched 10 threads…\r\x1b[2Kfetched 20 threads…")
      assert.isTrue(out.stderr.endsWith(`\r\x1b[2Kfetched ${lines(out.stdout).length} threads\n`))
    }))

  it.effect("an invalid parameter is core's BadRequestError on one line, and the command fails", () =>
    Effect.gen(function*() {
      for (const args of [["--limit", "500"], ["--limit", "-1"], ["--user", ""], ["--after", ""]]) {
        const out = yield* runCli(["threads", "list", ...args])
        assert.isFalse(out.ok)
        assert.strictEqual(out.stdout, "")
        const errors = errorLines(out.stderr)
        const [error] = errors
        assert.strictEqual(errors.length, 1)
        assert.isDefined(error)
        assert.match(error, /^error: BadRequestError: Invalid '(limit|user|after)': /)
      }
    }))

  it.effect("an unknown cursor is a NotFoundError (404) line", () =>
    Effect.gen(function*() {
      const out = yield* runCli(["threads", "list", "--after", "cthr_missing"])
      assert.isFalse(out.ok)
      assert.deepStrictEqual(errorLines(out.stderr), [
        "error: NotFoundError (404): Invalid 'after': no thread found with id 'cthr_missing'."
      ])
    }))

  it.effect("an argument @effect/cli cannot parse fails the command without output", () =>
    Effect.gen(function*() {
      const out = yield* runCli(["threads", "list", "--limit", "many"])
      assert.isFalse(out.ok)
      assert.strictEqual(out.stdout, "")
    }))
})

describe("chatkit threads get / delete", () => {
  it.effect("get shows one thread, --json as the wire thread", () =>
    Effect.gen(function*() {
      const { service } = yield* demoFake
      const [thread] = (yield* service.list({ limit: 1, order: "asc" })).data
      const table = yield* runCli(["threads", "get", thread!.id])
      assert.isTrue(table.ok)
      assert.include(table.stdout, `id       ${thread!.id}\n`)
      assert.include(table.stdout, "created  2025-10-06T08:00:00Z\n")
      assert.include(table.stdout, "status   closed: Resolved: refund issued\n")
      const json = yield* runCli(["threads", "get", thread!.id, "--json"])
      assert.deepStrictEqual(decodeThread(JSON.parse(json.stdout)), thread)
    }))

  it.effect("delete answers the deletion", () =>
    Effect.gen(function*() {
      const { service } = yield* demoFake
      const [thread] = (yield* service.list({ limit: 1 })).data
      const text = yield* runCli(["threads", "delete", thread!.id])
      assert.strictEqual(text.stdout, `deleted ${thread!.id}\n`)
      const json = yield* runCli(["threads", "delete", thread!.id, "--json"])
      assert.deepStrictEqual(decodeDeleted(JSON.parse(json.stdout)), {
        id: thread!.id,
        object: "chatkit.thread.deleted",
        deleted: true
      })
    }))

  it.effect("an unknown or empty id is one error line and a failure", () =>
    Effect.gen(function*() {
      for (const command of ["get", "delete"]) {
        const missing = yield* runCli(["threads", command, "nope"])
        assert.isFalse(missing.ok)
        assert.strictEqual(missing.stdout, "")
        assert.deepStrictEqual(errorLines(missing.stderr), [
          "error: NotFoundError (404): No thread found with id 'nope'."
        ])
        const empty = yield* runCli(["threads", command, ""])
        assert.isFalse(empty.ok)
        assert.match(errorLines(empty.stderr).join("\n"), /^error: BadRequestError: /)
      }
    }))
})

describe("chatkit items list", () => {
  it.effect("prints a page of items as a table and as the wire page", () =>
    Effect.gen(function*() {
      const { service } = yield* demoFake
      const [thread] = (yield* service.list({ limit: 1, order: "asc" })).data
      const page = yield* service.listItems(thread!.id, { limit: 4 })
      const table = yield* runCli(["items", "list", thread!.id, "--limit", "4"])
      assert.isTrue(table.ok)
      assert.deepStrictEqual(lines(table.stdout)[0]?.split(/\s+/), ["ID", "CREATED", "TYPE", "SUMMARY"])
      assert.deepStrictEqual(firstColumn(table.stdout), page.data.map((item) => item.id))
      const json = yield* runCli(["items", "list", thread!.id, "--limit", "4", "--json"])
      assert.deepStrictEqual(decodeItemPage(JSON.parse(json.stdout)), page)
    }))

  it.effect("--all --json gives every item of every demo thread, in order", () =>
    Effect.gen(function*() {
      const { service } = yield* demoFake
      const threads = yield* collect(service.stream({ limit: 100 }))
      for (const thread of threads) {
        const expected = yield* collect(service.streamItems(thread.id, { order: "asc", limit: 100 }))
        const out = yield* runCli(["items", "list", thread.id, "--all", "--json", "--limit", "2", "--order", "asc"])
        assert.isTrue(out.ok)
        assert.deepStrictEqual(lines(out.stdout).map((line) => decodeItem(JSON.parse(line))), expected)
      }
    }))

  it.effect("items of an unknown thread is a NotFoundError line", () =>
    Effect.gen(function*() {
      const out = yield* runCli(["items", "list", "cthr_nope", "--all"])
      assert.isFalse(out.ok)
      assert.deepStrictEqual(errorLines(out.stderr), [
        "error: NotFoundError (404): No thread found with id 'cthr_nope'."
      ])
    }))
})

describe("backend choice", () => {
  it.live("an API key selects the live API, and a connection failure is one error line", () =>
    Effect.gen(function*() {
      const out = yield* runCli(["threads", "get", "cthr_1", "--base-url", "http://127.0.0.1:9/v1"], {
        env: { OPENAI_API_KEY: "sk-test" }
      })
      assert.isFalse(out.ok)
      assert.include(out.stderr, "using the API at http://127.0.0.1:9/v1\n")
      assert.notInclude(out.stderr, "sk-test")
      assert.match(errorLines(out.stderr).join("\n"), /^error: ConnectionError: /)
    }))
})
