import * as Cli from "@effect-chatkit/cli/Cli"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as CommandSpec from "../src/internal/commandSpec.js"
import { demoFake } from "./fixtures/demo.js"
import { lines, runCli } from "./fixtures/runCli.js"
import { json, serve } from "./fixtures/server.js"

const tree = CommandSpec.fromCommand(Cli.command)

const every = (spec: CommandSpec.Spec): ReadonlyArray<CommandSpec.Spec> => [spec, ...spec.children.flatMap(every)]

const errorLines = (stderr: string): ReadonlyArray<string> => lines(stderr).filter((line) => line.startsWith("error:"))

describe("--help", () => {
  it.effect("of every command fits 100 columns (or a narrower terminal), without colour, in its own usage", () =>
    Effect.gen(function*() {
      for (const spec of every(tree)) {
        const words = spec.path.slice(1)
        for (const columns of [undefined, 60]) {
          const out = yield* runCli([...words, "--help"], columns === undefined ? {} : { stdoutColumns: columns })
          assert.isTrue(out.ok, out.stderr)
          assert.strictEqual(out.stderr, "")
          assert.isTrue(out.stdout.startsWith(`Usage: ${spec.path.join(" ")} `))
          assert.notMatch(out.stdout, /\u001b/)
          for (const line of lines(out.stdout)) assert.isAtMost(line.length, columns ?? 100, line)
          for (const flag of spec.flags) assert.include(out.stdout, `\n  ${flag.name}`)
          for (const arg of spec.args) assert.include(out.stdout, ` <${arg.name}>`)
          assert.notInclude(out.stdout, "<<")
        }
      }
    }))

  it.effect("shows defaults, and optional repeatable flags in brackets", () =>
    Effect.gen(function*() {
      const serve = yield* runCli(["serve", "--help"])
      assert.match(serve.stdout, /--port N +Port, 0 for any free one \(default: 8787\)/)
      assert.include(serve.stdout, "[--api-key TEXT ...]")
      const create = yield* runCli(["sessions", "create", "-h"])
      assert.include(create.stdout, "[--state KEY=VALUE ...]")
      assert.include(create.stdout, "chatkit sessions create --workflow ID --user USER ")
      const list = yield* runCli(["threads", "list", "--help"])
      assert.include(list.stdout, "Usage: chatkit threads list [--limit N] [--order asc|desc]")
      assert.include(list.stdout, "(default 20)")
    }))

  it.effect("a group lists its commands", () =>
    Effect.gen(function*() {
      const out = yield* runCli(["threads", "--help"])
      assert.match(out.stdout, /Commands:\n {2}list +List threads, newest first\n {2}get +Show one thread\n/)
    }))
})

describe("argument errors", () => {
  it.effect("name the flag and the fix, on one line, with nothing on stdout", () =>
    Effect.gen(function*() {
      const cases: ReadonlyArray<readonly [ReadonlyArray<string>, string]> = [
        [
          ["threads", "list", "--limit", "many"],
          "error: --limit: 'many' is not an integer: give --limit N (see 'chatkit threads list --help')"
        ],
        [
          ["threads", "list", "--order", "sideways"],
          "error: --order must be one of asc, desc (see 'chatkit threads list --help')"
        ],
        [
          ["threads", "list", "--limt", "3"],
          "error: unknown flag '--limt': did you mean --limit? (see 'chatkit threads list --help')"
        ],
        [
          ["threads", "list", "--limit"],
          "error: --limit needs a value: give --limit N (see 'chatkit threads list --help')"
        ],
        [
          ["sessions", "create", "--user", "u"],
          "error: --workflow is required: give --workflow ID (see 'chatkit sessions create --help')"
        ],
        [
          ["threads", "list", "--max-retries", "-1"],
          "error: --max-retries must be at least 0, got -1 (see 'chatkit threads list --help')"
        ],
        [
          ["threads", "get", "x", "--timeout", "0"],
          "error: --timeout must be at least 1, got 0 (see 'chatkit threads get --help')"
        ],
        [
          ["threads", "lst"],
          "error: 'lst' is not a command of chatkit threads: use one of list, get, delete " +
          "(see 'chatkit threads --help')"
        ],
        [
          ["thread"],
          "error: 'thread' is not a command of chatkit: use one of threads, items, sessions, serve, doctor " +
          "(see 'chatkit --help')"
        ],
        [
          ["sessions"],
          "error: chatkit sessions needs a command: use one of create, cancel (see 'chatkit sessions --help')"
        ]
      ]
      for (const [args, line] of cases) {
        const out = yield* runCli(args)
        assert.isFalse(out.ok)
        assert.strictEqual(out.stdout, "")
        assert.deepStrictEqual(lines(out.stderr), [line])
      }
    }))
})

describe("results in words", () => {
  it.effect("an empty result says so on stderr; a count of one is singular", () =>
    Effect.gen(function*() {
      const empty = yield* runCli(["threads", "list", "--user", "nobody"])
      assert.isTrue(empty.ok)
      assert.strictEqual(empty.stdout, "")
      assert.include(empty.stderr, "no threads found\n")
      const one = yield* runCli(["threads", "list", "--all", "--json", "--limit", "1", "--user", "user_bob"])
      assert.strictEqual(lines(one.stderr).filter((line) => line.startsWith("fetched"))[0], "fetched 1 thread…")
    }))

  it.effect("a table fits the terminal, cutting long titles with an ellipsis", () =>
    Effect.gen(function*() {
      const wide = yield* runCli(["threads", "list"])
      const narrow = yield* runCli(["threads", "list"], { stdoutColumns: 90 })
      assert.isAbove(Math.max(...lines(wide.stdout).map((line) => line.length)), 90)
      for (const line of lines(narrow.stdout)) assert.isAtMost(line.length, 90)
      assert.isTrue(lines(narrow.stdout).some((line) => line.endsWith("…")))
    }))

  it.effect("the built-in fake says a delete is not kept, and indeed the thread is back in the next command", () =>
    Effect.gen(function*() {
      const { service } = yield* demoFake
      const [thread] = (yield* service.list({ limit: 1 })).data
      const deleted = yield* runCli(["threads", "delete", thread!.id])
      assert.strictEqual(deleted.stdout, `deleted ${thread!.id}\n`)
      assert.include(
        deleted.stderr,
        "note: the built-in fake keeps no changes between commands (the next command sees this thread again); " +
          "to keep them, run 'chatkit serve --demo' and give --base-url\n"
      )
      const again = yield* runCli(["threads", "get", thread!.id])
      assert.isTrue(again.ok)
    }))
})

describe("--max-retries and --timeout", () => {
  it.live("a server that never answers is a TimeoutError after --timeout, tried 1 + --max-retries times", () =>
    Effect.gen(function*() {
      let requests = 0
      const url = yield* serve(() => {
        requests++
      })
      const out = yield* runCli(["threads", "list", "--base-url", url, "--timeout", "1", "--max-retries", "1"])
      assert.isFalse(out.ok)
      assert.match(errorLines(out.stderr).join("\n"), /^error: TimeoutError/)
      assert.strictEqual(requests, 2)
    }).pipe(Effect.scoped))

  it.scoped("--max-retries 0 sends one request for a 500", () =>
    Effect.gen(function*() {
      let requests = 0
      const url = yield* serve((_, response) => {
        requests++
        json(response, 500, "{\"error\":{\"message\":\"down\",\"type\":\"server_error\"}}")
      })
      const out = yield* runCli(["threads", "list", "--base-url", url, "--max-retries", "0"])
      assert.isFalse(out.ok)
      assert.strictEqual(requests, 1)
    }))
})
