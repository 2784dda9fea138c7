import { assert, describe, it } from "@effect/vitest"
import { type Console, Effect } from "effect"
import { readFileSync } from "node:fs"
import { runCli } from "./fixtures/runCli.js"

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }

describe("chatkit --version", () => {
  it.effect("prints the version of package.json", () =>
    Effect.gen(function*() {
      const logged: Array<string> = []
      const console = yield* Effect.map(Effect.console, (base): Console.Console => ({
        ...base,
        log: (...args) => Effect.sync(() => void logged.push(args.join(" ")))
      }))
      const out = yield* runCli(["--version"]).pipe(Effect.withConsole(console))
      assert.isTrue(out.ok)
      assert.deepStrictEqual(logged.map((line) => line.trim()), [pkg.version])
    }))
})
