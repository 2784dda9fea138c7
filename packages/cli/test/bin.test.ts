import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { exec, execFile, spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("../../..", import.meta.url))

const { OPENAI_API_KEY: _key, OPENAI_BASE_URL: _url, ...env } = process.env

const chatkit = (...args: ReadonlyArray<string>) =>
  Effect.async<{ readonly code: number; readonly stdout: string; readonly stderr: string }>((resume) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", "packages/cli/src/bin.ts", ...args],
      { cwd: root, env },
      (error, stdout, stderr) =>
        resume(Effect.succeed({ code: error === null ? 0 : child.exitCode ?? 1, stdout, stderr }))
    )
    return Effect.sync(() => child.kill())
  })

describe("bin", () => {
  it.live("`chatkit threads list` prints the demo threads and exits with 0", () =>
    Effect.gen(function*() {
      const { code, stderr, stdout } = yield* chatkit("threads", "list")
      assert.strictEqual(code, 0, stderr)
      const lines = stdout.trimEnd().split("\n")
      const [header] = lines
      assert.isDefined(header)
      assert.match(header, /^ID\s+CREATED\s+USER\s+STATUS\s+TITLE$/)
      assert.strictEqual(lines.length, 21)
      assert.isTrue(lines.slice(1).every((line) => /^cthr_\w+ {2}2025-10-06T\d\d:\d\d:\d\dZ {2}user_/.test(line)))
      assert.include(stderr, "using the built-in fake (demo data)")
    }))

  it.live("an error is one line on stderr and exit code 1", () =>
    Effect.gen(function*() {
      const { code, stderr, stdout } = yield* chatkit("threads", "get", "cthr_missing")
      assert.strictEqual(code, 1)
      assert.strictEqual(stdout, "")
      assert.deepStrictEqual(stderr.trimEnd().split("\n").filter((line) => line.startsWith("error")), [
        "error: NotFoundError (404): No thread found with id 'cthr_missing'."
      ])
    }))

  it.live("stops quietly when the reader of its output goes away", () =>
    Effect.async<{ readonly code: number | null; readonly stderr: string }>((resume) => {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "packages/cli/src/bin.ts", "threads", "list", "--all", "--json", "--limit", "1"],
        { cwd: root, env }
      )
      let stderr = ""
      child.stderr.on("data", (chunk) => stderr += String(chunk))
      child.stdout.once("data", () => child.stdout.destroy())
      child.on("close", (code) => resume(Effect.succeed({ code, stderr })))
      return Effect.sync(() => child.kill())
    }).pipe(Effect.map(({ code, stderr }) => {
      assert.strictEqual(code, 0, stderr)
      assert.notInclude(stderr, "EPIPE")
    })))

  it.live("the README's pipe of `pnpm chatkit … --json` into a JSON parser works as written", () =>
    Effect.async<{ readonly error: Error | null; readonly stdout: string; readonly stderr: string }>((resume) => {
      const readme = readFileSync(`${root}README.md`, "utf8")
      const documented = /^pnpm chatkit threads list --json \| node -e .*$/m.exec(readme)
      if (documented === null) return resume(Effect.die("the README shows no pipe of chatkit's JSON"))
      // the pnpm this project pins, as CI runs it
      const command = documented[0].replace(/^pnpm /, "npx --yes pnpm@10.34.9 ") + " && echo parsed"
      const child = exec(
        command,
        { cwd: root, env },
        (error, stdout, stderr) => resume(Effect.succeed({ error, stdout, stderr }))
      )
      return Effect.sync(() => child.kill())
    }).pipe(Effect.map(({ error, stderr, stdout }) => {
      assert.isNull(error, stderr)
      assert.strictEqual(stdout, "parsed\n")
    })))
})
