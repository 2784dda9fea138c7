import { assert, describe, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const examples = fileURLToPath(new URL("..", import.meta.url))
const readme = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8")

const exampleFiles = ["src", "test"].flatMap((dir) =>
  readdirSync(`${examples}/${dir}`)
    .filter((name) => name.endsWith(".ts") && name !== "readme.test.ts")
    .map((name) => ({ name: `${dir}/${name}`, text: readFileSync(`${examples}/${dir}/${name}`, "utf8") }))
)

const readmeBlocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].flatMap(([, block]) =>
  block === undefined ? [] : [block]
)

describe("README", () => {
  it("shows every TypeScript example exactly as it is type-checked and run in examples/", () => {
    assert.isAbove(readmeBlocks.length, 0)
    for (const block of readmeBlocks) {
      const source = exampleFiles.find((file) => file.text === block)
      assert.isDefined(source, `README block not found verbatim in examples/:\n${block.slice(0, 200)}`)
    }
  })

  it("shows every example of examples/", () => {
    for (const file of exampleFiles) {
      assert.include(readmeBlocks, file.text, `${file.name} is not in the README`)
    }
  })
})
