/**
 * Plain-text tables for a terminal.
 *
 * @internal
 */
import * as TerminalText from "./terminalText.js"

/**
 * `text` on one line ({@link TerminalText.flat}), cut with an ellipsis when it takes more than `columns`
 * terminal columns.
 *
 * @internal
 */
export const oneLine = (text: string, columns: number): string =>
  TerminalText.truncate(TerminalText.flat(text), columns)

/** The last column never gets narrower than this to fit a terminal. */
const minLastColumn = 12

/**
 * Rows under a header, each column as wide (in terminal columns) as its widest cell, columns two spaces apart,
 * no trailing spaces. Every cell is put on one line with {@link TerminalText.flat}, so each row is exactly one
 * line and no control character gets through. When `maxWidth` is given, the cells of the last column are cut
 * with an ellipsis so that each line fits in it (the last column keeps at least 12 columns). Ends with a
 * newline.
 *
 * @internal
 */
export const render = (
  header: ReadonlyArray<string>,
  body: ReadonlyArray<ReadonlyArray<string>>,
  maxWidth?: number
): string => {
  const flatRows = [header, ...body].map((row) => row.map(TerminalText.flat))
  const columnWidths = (rows: ReadonlyArray<ReadonlyArray<string>>) =>
    header.map((_, column) => rows.reduce((widest, row) => Math.max(widest, TerminalText.width(row[column] ?? "")), 0))
  const last = header.length - 1
  const room = maxWidth === undefined ? Infinity : Math.max(
    minLastColumn,
    maxWidth - columnWidths(flatRows).slice(0, last).reduce((sum, columnWidth) => sum + columnWidth + 2, 0)
  )
  const rows = flatRows.map((row) =>
    row.map((cell, column) => column === last ? TerminalText.truncate(cell, room) : cell)
  )
  const widths = columnWidths(rows)
  const line = (cells: ReadonlyArray<string>) =>
    cells.map((cell, column) => cell + " ".repeat(widths[column]! - TerminalText.width(cell))).join("  ").trimEnd()
  return rows.map(line).join("\n") + "\n"
}
