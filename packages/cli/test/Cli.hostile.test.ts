import { assert, describe, it } from "@effect/vitest"
import { Effect, FastCheck } from "effect"
import { runs } from "../../../test/runs.js"
import { lines, runCli } from "./fixtures/runCli.js"
import { json, serve } from "./fixtures/server.js"

const controls = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

/** What end users and models may write into a title, a user or a status reason to drive a terminal. */
const hostile = [
  "\u001b]0;owned\u0007",
  "\u001b[2J",
  "\u001b]52;c;cm0gLXJmIH4=\u0007",
  "\u001b[1A\u001b[2K",
  "\u009b31m",
  "back\bspace",
  "carriage\rreturn",
  "\u0000nul\u007fdel\u0085nel",
  "invoice\u202efdp.exe",
  "\u2067isolated\u2069\u200f"
]

const thread = (text: string, index = 0) => ({
  id: `cthr_${index}`,
  object: "chatkit.thread",
  created_at: 1759737600,
  title: `title ${text}`,
  user: `user ${text}`,
  status: { type: "locked", reason: `reason ${text}` }
})

const page = (data: ReadonlyArray<unknown>) =>
  JSON.stringify({ object: "list", data, first_id: null, last_id: null, has_more: false })

const backend = (url: string) => ["--base-url", url, "--api-key", "sk-live-secret-key-123"]

/** Nothing reaches the terminal but printable text and line ends. */
const assertTerminalSafe = (text: string) => {
  for (const line of text.split("\n")) assert.notMatch(line, controls, JSON.stringify(line))
}

describe("hostile API data", () => {
  it.scoped("tables and details show control characters as escapes; --json keeps them exactly", () =>
    Effect.gen(function*() {
      const threads = hostile.map(thread)
      const url = yield* serve((request, response) =>
        request.url?.startsWith("/v1/chatkit/threads/")
          ? json(response, 200, JSON.stringify(threads[0]))
          : json(response, 200, page(threads))
      )
      const table = yield* runCli(["threads", "list", ...backend(url)])
      assert.isTrue(table.ok, table.stderr)
      assertTerminalSafe(table.stdout + table.stderr)
      assert.strictEqual(lines(table.stdout).length, threads.length + 1)
      assert.include(table.stdout, "\\x1b]0;owned\\x07")
      assert.include(table.stdout, "\\x9b31m")
      assert.include(table.stdout, "invoice\\u202efdp.exe")
      const details = yield* runCli(["threads", "get", "cthr_0", ...backend(url)])
      assertTerminalSafe(details.stdout + details.stderr)
      assert.include(details.stdout, "title    title \\x1b]0;owned\\x07\n")
      const exact = yield* runCli(["threads", "list", "--json", ...backend(url)])
      assert.deepStrictEqual(JSON.parse(exact.stdout).data, threads)
      assertTerminalSafe(exact.stdout)
    }))

  it.scoped.prop(
    "no text of a thread, however made, puts a control character on the terminal",
    [FastCheck.array(FastCheck.string({ unit: "binary", maxLength: 30 }), { minLength: 1, maxLength: 5 })],
    ([texts]) =>
      Effect.gen(function*() {
        const threads = texts.map(thread)
        const url = yield* serve((_, response) => json(response, 200, page(threads)))
        const out = yield* runCli(["threads", "list", ...backend(url)], { stdoutColumns: 80 })
        assert.isTrue(out.ok, out.stderr)
        assertTerminalSafe(out.stdout + out.stderr)
        assert.strictEqual(lines(out.stdout).length, threads.length + 1)
        const exact = yield* runCli(["threads", "list", "--json", ...backend(url)])
        assert.deepStrictEqual(JSON.parse(exact.stdout).data, threads)
        assertTerminalSafe(exact.stdout)
      }),
    { fastCheck: { numRuns: runs(10) } }
  )

  it.scoped("an error line shows no control character and no API key, even one echoed by the server", () =>
    Effect.gen(function*() {
      const url = yield* serve((_, response) =>
        json(
          response,
          404,
          JSON.stringify({
            error: {
              message: "No thread \u001b]0;owned\u0007 here for sk-live-secret-key-123",
              type: "invalid_request_error",
              param: null,
              code: null
            }
          }),
          { "x-request-id": "sk-live-secret-key-123" }
        )
      )
      const out = yield* runCli(["threads", "get", "cthr_1", ...backend(url)])
      assert.isFalse(out.ok)
      assert.strictEqual(out.stdout, "")
      assertTerminalSafe(out.stderr)
      assert.notInclude(out.stderr, "sk-live-secret-key-123")
      const [error, ...more] = lines(out.stderr).filter((line) => line.startsWith("error:"))
      assert.deepStrictEqual(more, [])
      assert.match(error!, /^error: NotFoundError \(404\): .*No thread \\x1b\]0;owned\\x07 here for <redacted>/)
    }))

  it.scoped("an answer nested 200,000 levels deep is one error line on stderr, nothing on stdout", () =>
    Effect.gen(function*() {
      const deep = `{"object":"list","data":${"[".repeat(200_000)}${"]".repeat(200_000)},"has_more":false}`
      const url = yield* serve((_, response) => json(response, 200, deep))
      for (const args of [["threads", "list"], ["threads", "list", "--all", "--json"]]) {
        const out = yield* runCli([...args, ...backend(url)])
        assert.isFalse(out.ok)
        assert.strictEqual(out.stdout, "")
        const errors = lines(out.stderr).filter((line) => line.startsWith("error:"))
        const [error] = errors
        assert.strictEqual(errors.length, 1, out.stderr)
        assert.isDefined(error)
        // the client's typed error, or at worst a defect named as such: never a stack trace
        assert.match(error, /^error: (ResponseDecodeError|unexpected RangeError)\b/)
        assert.notInclude(out.stderr, "    at ")
      }
    }))

  it.scoped("when a later page fails, stdout holds only the complete lines of the pages before", () =>
    Effect.gen(function*() {
      const url = yield* serve((request, response) =>
        request.url?.includes("after=")
          ? json(response, 500, "{\"error\":{\"message\":\"down\",\"type\":\"server_error\"}}")
          : json(
            response,
            200,
            JSON.stringify({
              object: "list",
              data: [thread("a", 1)],
              first_id: "cthr_1",
              last_id: "cthr_1",
              has_more: true
            })
          )
      )
      const jsonLines = yield* runCli(["threads", "list", "--all", "--json", "--max-retries", "0", ...backend(url)])
      assert.isFalse(jsonLines.ok)
      assert.deepStrictEqual(lines(jsonLines.stdout).map((line) => JSON.parse(line).id), ["cthr_1"])
      assert.isTrue(jsonLines.stdout.endsWith("\n"))
      const table = yield* runCli(["threads", "list", "--all", "--max-retries", "0", ...backend(url)])
      assert.isFalse(table.ok)
      assert.strictEqual(table.stdout, "")
      const lastLine = lines(table.stderr).at(-1)
      assert.isDefined(lastLine)
      assert.match(lastLine, /^error: InternalServerError \(500\): .*down/)
    }))
})

describe("secrets on screen", () => {
  it.live("a base URL is shown without its credentials; one with a query is refused, masked", () =>
    Effect.gen(function*() {
      const withUser = yield* runCli([
        "threads",
        "get",
        "x",
        "--max-retries",
        "0",
        "--base-url",
        "http://admin:s3cr3t@127.0.0.1:9/v1"
      ])
      assert.isFalse(withUser.ok)
      assert.include(withUser.stderr, "using the API at http://***@127.0.0.1:9/v1")
      assert.notInclude(withUser.stderr + withUser.stdout, "s3cr3t")
      const withQuery = yield* runCli(["threads", "list", "--base-url", "http://127.0.0.1:9/v1?token=s3cr3t"])
      assert.isFalse(withQuery.ok)
      assert.notInclude(withQuery.stderr, "s3cr3t")
      assert.deepStrictEqual(lines(withQuery.stderr), [
        "error: BaseUrlError: --base-url http://127.0.0.1:9/v1?*** has a query or fragment: give the base URL " +
        "alone (e.g. https://api.openai.com/v1)"
      ])
      const fromEnv = yield* runCli(["threads", "list"], {
        env: { OPENAI_API_KEY: "sk-env", OPENAI_BASE_URL: "https://u:p4ss@127.0.0.1:9/v1?key=s3cr3t" }
      })
      assert.notInclude(fromEnv.stderr, "s3cr3t")
      assert.notInclude(fromEnv.stderr, "p4ss")
    }))
})
