/**
 * Plain-text tables for a terminal.
 *
 * @internal
 */

/**
 * `text` on one line: every run of whitespace (newlines included) becomes one space, trimmed.
 *
 * @internal
 */
export const flat = (text: string): string => text.replace(/\s+/g, " ").trim()

/**
 * `text` on one line: every run of whitespace (newlines included) becomes one space, and text longer than
 * `width` characters is cut with an ellipsis.
 *
 * @internal
 */
export const oneLine = (text: string, width: number): string => {
  const chars = Array.from(flat(text))
  return chars.length <= width ? chars.join("") : `${chars.slice(0, Math.max(0, width - 1)).join("")}…`
}

const widthOf = (text: string): number => Array.from(text).length

/**
 * Rows under a header, each column as wide as its widest cell, columns two spaces apart, no trailing
 * spaces. Every cell is put on one line with {@link flat}, so each row is exactly one line. Ends with a
 * newline.
 *
 * @internal
 */
export const render = (header: ReadonlyArray<string>, body: ReadonlyArray<ReadonlyArray<string>>): string => {
  const rows = [header, ...body].map((row) => row.map(flat))
  const widths = header.map((_, column) =>
    rows.reduce((widest, row) => Math.max(widest, widthOf(row[column] ?? "")), 0)
  )
  const line = (cells: ReadonlyArray<string>) =>
    cells.map((cell, column) => cell + " ".repeat(widths[column]! - widthOf(cell))).join("  ").trimEnd()
  return rows.map(line).join("\n") + "\n"
}
