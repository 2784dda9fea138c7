import * as Cli from "@effect-chatkit/cli/Cli"
import { assert, describe, it } from "@effect/vitest"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const readme = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8")

/** The first `sh` block of the README's section on the `chatkit` command. */
const documented = (): string => {
  const section = readme.slice(readme.indexOf("## The `chatkit` command"))
  const [, block] = /```sh\n([\s\S]*?)```/.exec(section) ?? []
  assert.isDefined(block, "the README has no synopsis of the chatkit command")
  return block
}

describe("the README's synopsis of chatkit", () => {
  it("lists every command with every flag it takes, exactly as the parser declares them", () => {
    assert.strictEqual(documented(), Cli.synopsis)
  })

  it("names every flag of every command", () => {
    for (const flag of ["--workflow-version", "--max-requests-per-minute", "--show-secret", "--max-retries"]) {
      assert.include(Cli.synopsis, flag)
    }
    for (const command of ["threads get", "threads delete", "sessions cancel"]) {
      assert.match(Cli.synopsis, new RegExp(`^chatkit ${command} .*\\[--json\\]`, "m"))
    }
  })
})
