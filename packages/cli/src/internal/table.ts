/**
 * Plain-text tables for a terminal.
 *
 * @internal
 */

/**
 * `text` on one line: every run of whitespace (newlines included) becomes one space, and text longer than
 * `width` characters is cut with an ellipsis.
 *
 * @internal
 */
export const oneLine = (text: string, width: number): string => {
  const flat = text.replace(/\s+/g, " ").trim()
  const chars = Array.from(flat)
  return chars.length <= width ? flat : `${chars.slice(0, Math.max(0, width - 1)).join("")}…`
}

const widthOf = (text: string): number => Array.from(text).length

/**
 * Rows under a header, each column as wide as its widest cell, columns two spaces apart, no trailing
 * spaces. Ends with a newline.
 *
 * @internal
 */
export const render = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths = header.map((title, column) =>
    rows.reduce((widest, row) => Math.max(widest, widthOf(row[column] ?? "")), widthOf(title))
  )
  const line = (cells: ReadonlyArray<string>) =>
    cells.map((cell, column) => cell + " ".repeat(widths[column]! - widthOf(cell))).join("  ").trimEnd()
  return [header, ...rows].map(line).join("\n") + "\n"
}
