import { assert, describe, it } from "@effect/vitest"
import { Array as Arr, FastCheck } from "effect"
import * as Table from "../../src/internal/table.js"

/**
 * Characters with the number of terminal columns each takes, known here independently of the code: narrow
 * letters, a letter with a combining accent, CJK, emoji (a ZWJ family is one emoji), and whitespace and
 * control characters, which a cell never shows as they are.
 */
const glyphs: ReadonlyArray<readonly [string, number]> = [
  ["a", 1],
  ["é", 1],
  ["e\u0301", 1],
  ["字", 2],
  ["ｶ", 1],
  ["한", 2],
  ["👍", 2],
  ["👨‍👩‍👧", 2],
  ["❤️", 2]
]

const columnsOf = (text: string): number => {
  let rest = text
  let columns = 0
  while (rest.length > 0) {
    const glyph = [...glyphs].sort(([a], [b]) => b.length - a.length).find(([g]) => rest.startsWith(g))
    if (glyph === undefined) throw new Error(`unexpected text in a cell: ${JSON.stringify(rest)}`)
    columns += glyph[1]
    rest = rest.slice(glyph[0].length)
  }
  return columns
}

const cell = FastCheck.array(FastCheck.constantFrom(...glyphs.map(([glyph]) => glyph)), { maxLength: 8 })
  .map((parts) => parts.join(""))

const table = FastCheck.integer({ min: 1, max: 5 }).chain((columns) =>
  FastCheck.tuple(
    FastCheck.array(cell.filter((text) => text !== ""), { minLength: columns, maxLength: columns }),
    FastCheck.array(FastCheck.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 8 })
  )
)

/** The text of each cell of a rendered line, with the terminal column it starts at. */
const cellsAt = (line: string): ReadonlyArray<readonly [number, string]> => {
  const found: Array<readonly [number, string]> = []
  let column = 0
  for (const part of line.split(/( {2,})/)) {
    if (part.startsWith("  ")) column += part.length
    else if (part !== "") {
      found.push([column, part])
      column += columnsOf(part)
    }
  }
  return found
}

describe("table", () => {
  it.prop(
    "every cell starts at its column's offset in terminal columns, wide characters included",
    [table],
    ([[header, rows]]) => {
      const rendered = Table.render(header, rows)
      assert.isTrue(rendered.endsWith("\n"))
      const lines = rendered.slice(0, -1).split("\n")
      assert.strictEqual(lines.length, rows.length + 1)
      const starts = header.map((_, column) =>
        column === 0 ? 0 : header.slice(0, column).reduce(
          (sum, __, previous) => sum + Math.max(...[header, ...rows].map((row) => columnsOf(row[previous] ?? ""))) + 2,
          0
        )
      )
      Arr.zip(lines, [header, ...rows]).forEach(([line, row]) => {
        const expected = Arr.zip(starts, row).flatMap(([start, text]) => text === "" ? [] : [[start, text] as const])
        assert.deepStrictEqual(cellsAt(line), expected)
        assert.isFalse(line.endsWith(" "))
      })
    }
  )

  it.prop(
    "with a width, every line fits in it, cutting columns from the last, each to 12 columns, never the first",
    [table, FastCheck.integer({ min: 1, max: 60 })],
    ([[header, rows], maxWidth]) => {
      const lines = Table.render(header, rows, maxWidth).slice(0, -1).split("\n")
      assert.strictEqual(lines.length, rows.length + 1)
      const natural = header.map((_, column) =>
        Math.max(...[header, ...rows].map((row) => columnsOf(row[column] ?? "")))
      )
      const floor = natural.reduce(
        (sum, width, column) => sum + (column === 0 ? width : Math.min(width, 12)) + (column === 0 ? 0 : 2),
        0
      )
      Arr.zip(lines, [header, ...rows]).forEach(([line, [first = ""]]) => {
        assert.isAtMost(columnsOf(line.replaceAll("…", "a").replaceAll(" ", "a")), Math.max(maxWidth, floor))
        assert.isTrue(line.startsWith(first))
      })
    }
  )

  it.prop(
    "oneLine flattens whitespace, shows control characters and cuts to the width with an ellipsis",
    [FastCheck.string({ unit: "binary", maxLength: 60 }), FastCheck.integer({ min: 1, max: 40 })],
    ([text, width]) => {
      const line = Table.oneLine(text, width)
      assert.notMatch(line, /[\u0000-\u001f\u007f-\u009f]/)
      assert.notMatch(line, /\s\s/)
    }
  )

  it("cuts a long last cell with an ellipsis at the terminal's width", () => {
    assert.strictEqual(
      Table.render(["ID", "TITLE"], [["a", "字字字字字字字字字字字字字字"]], 18),
      "ID  TITLE\na   字字字字字字…\n"
    )
  })

  it("renders an aligned table, wide characters counted as two columns", () => {
    assert.strictEqual(
      Table.render(["ID", "NAME"], [["字", "first"], ["bbbb", "second"], ["👍", "x"]]),
      "ID    NAME\n字    first\nbbbb  second\n👍    x\n"
    )
  })
})
