import { assert, describe, it } from "@effect/vitest"
import { Effect, FastCheck } from "effect"
import * as Table from "../../src/internal/table.js"

const cell = FastCheck.stringOf(FastCheck.constantFrom("a", "é", "字", " ", "\n", "\t"), { maxLength: 12 })

const table = FastCheck.integer({ min: 1, max: 5 }).chain((columns) =>
  FastCheck.tuple(
    FastCheck.array(cell, { minLength: columns, maxLength: columns }),
    FastCheck.array(FastCheck.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 8 })
  )
)

describe("table", () => {
  it.effect.prop(
    "every cell is one line and starts at its column's offset, columns two spaces apart",
    [table],
    ([[header, rows]]) =>
      Effect.sync(() => {
        const rendered = Table.render(header, rows)
        assert.isTrue(rendered.endsWith("\n"))
        const lines = rendered.slice(0, -1).split("\n")
        assert.strictEqual(lines.length, rows.length + 1)
        const all = [header, ...rows].map((row) => row.map(Table.flat))
        const widths = header.map((_, column) => Math.max(...all.map((row) => Array.from(row[column]!).length)))
        all.forEach((row, index) => {
          const chars = Array.from(lines[index]!)
          let offset = 0
          row.forEach((text, column) => {
            assert.strictEqual(chars.slice(offset, offset + Array.from(text).length).join(""), text)
            offset += widths[column]! + 2
          })
          assert.isFalse(lines[index]!.endsWith(" "))
        })
      })
  )

  it.effect.prop(
    "oneLine flattens whitespace and cuts to the width with an ellipsis",
    [FastCheck.string({ maxLength: 60 }), FastCheck.integer({ min: 1, max: 40 })],
    ([text, width]) =>
      Effect.sync(() => {
        const line = Table.oneLine(text, width)
        const flat = text.replace(/\s+/g, " ").trim()
        assert.notMatch(line, /\s\s|\n|\t/)
        assert.isAtMost(Array.from(line).length, width)
        if (Array.from(flat).length <= width) assert.strictEqual(line, flat)
        else assert.isTrue(line.endsWith("…") && flat.startsWith(line.slice(0, -1)))
      })
  )

  it("renders an aligned table", () => {
    assert.strictEqual(
      Table.render(["ID", "NAME"], [["a", "first"], ["bbbb", "second"]]),
      "ID    NAME\na     first\nbbbb  second\n"
    )
  })
})
