/**
 * Plain-text tables for a terminal.
 *
 * @internal
 */
import * as Arr from "effect/Array"
import * as TerminalText from "./terminalText.js"

/**
 * `text` on one line ({@link TerminalText.flat}), cut with an ellipsis when it takes more than `columns`
 * terminal columns.
 *
 * @internal
 */
export const oneLine = (text: string, columns: number): string =>
  TerminalText.truncate(TerminalText.flat(text), columns)

/** A column cut to fit a terminal keeps at least this many columns. */
const minColumn = 12

/**
 * The widths that fit `natural` in `maxWidth` (with two spaces between columns): the last column is cut
 * first, then the ones before it, each down to 12 columns; the first (the ids) is never cut.
 */
const fitted = (natural: ReadonlyArray<number>, maxWidth: number): ReadonlyArray<number> => {
  const [first, ...rest] = natural
  if (first === undefined) return natural
  const excess = natural.reduce((sum, width) => sum + width, 0) + 2 * (natural.length - 1) - maxWidth
  const [, cutFromTheEnd] = Arr.mapAccum(Arr.reverse(rest), Math.max(0, excess), (left, width) => {
    const cut = Math.min(left, Math.max(0, width - minColumn))
    return [left - cut, width - cut]
  })
  return [first, ...Arr.reverse(cutFromTheEnd)]
}

/**
 * Rows under a header, each column as wide (in terminal columns) as its widest cell, columns two spaces apart,
 * no trailing spaces. Every cell is put on one line with {@link TerminalText.flat}, so each row is exactly one
 * line and no control character gets through. When `maxWidth` is given, cells are cut with an ellipsis so
 * that each line fits in it: the last column first, then the ones before it, each kept at 12 columns at least,
 * the first never. Ends with a newline.
 *
 * @internal
 */
export const render = (
  header: ReadonlyArray<string>,
  body: ReadonlyArray<ReadonlyArray<string>>,
  maxWidth?: number
): string => {
  const flatRows = [header, ...body].map((row) => row.map(TerminalText.flat))
  const natural = header.map((_, column) =>
    flatRows.reduce((widest, row) => Math.max(widest, TerminalText.width(row[column] ?? "")), 0)
  )
  const widths = maxWidth === undefined ? natural : fitted(natural, maxWidth)
  const line = (cells: ReadonlyArray<string>) =>
    Arr.zip(cells, widths).map(([cell, width]) => {
      const shown = TerminalText.truncate(cell, width)
      return shown + " ".repeat(width - TerminalText.width(shown))
    }).join("  ").trimEnd()
  return flatRows.map(line).join("\n") + "\n"
}
