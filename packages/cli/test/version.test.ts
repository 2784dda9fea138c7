import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { readFileSync } from "node:fs"
import { runCli } from "./fixtures/runCli.js"

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }

describe("chatkit --version", () => {
  it.effect("prints the version of package.json", () =>
    Effect.gen(function*() {
      const out = yield* runCli(["--version"])
      assert.isTrue(out.ok)
      assert.strictEqual(out.stdout, `chatkit ${pkg.version}\n`)
    }))
})
