/**
 * Text from the API as a terminal may show it: control characters made visible, width measured in columns.
 *
 * Thread titles, users, item text and error messages are written by end users and models. Printed as they
 * are, their control characters would drive the terminal (set its title, clear the screen, write the
 * clipboard, rewrite earlier lines) and their bidirectional controls would reorder what is shown (text that
 * reads as something it is not), so every one of them is shown as an escape instead.
 *
 * @internal
 */

/**
 * Every DEL (U+007F) and C1 control (U+0080–U+009F, CSI U+009B among them), and every bidirectional control:
 * the marks (U+061C, U+200E, U+200F), embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
 * `JSON.stringify` writes these as they are.
 *
 * @internal
 */
export const controlsJsonKeeps = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** Every C0 control (U+0000–U+001F) and every one of `controlsJsonKeeps`. */
const control = new RegExp(`[\\u0000-\\u001f]|${controlsJsonKeeps.source}`, "g")

const escape = (char: string): string => {
  const code = char.charCodeAt(0)
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`
}

/**
 * `text` with every control character written as a visible escape, e.g. ESC as `\x1b`, BEL as `\x07`, CSI
 * (U+009B) as `\x9b`, RIGHT-TO-LEFT OVERRIDE (U+202E) as `\u202e`; everything else is kept.
 *
 * @internal
 */
export const visible = (text: string): string => text.replace(control, escape)

/**
 * `text` on one line, safe for a terminal: every run of whitespace (newlines, tabs and carriage returns
 * included) becomes one space, the ends are trimmed, and the other control characters are made visible.
 *
 * @internal
 */
export const flat = (text: string): string => visible(text.replace(/\s+/g, " ").trim())

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" })

/** The characters of `text` as the user sees them: a base with its combining marks, an emoji sequence. */
const graphemes = (text: string): ReadonlyArray<string> => Array.from(segmenter.segment(text), (part) => part.segment)

const zeroWidth = /^[\p{Mn}\p{Me}\p{Cf}]+$/u

/** East Asian Wide and Fullwidth characters (Unicode's EastAsianWidth W and F) other than emoji. */
const eastAsianWide =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{16fe0}-\u{18aff}\u{1b000}-\u{1b2ff}\u{20000}-\u{2fffd}\u{30000}-\u{3fffd}]/u

/** Emoji shown as emoji by default, or made so by the variation selector U+FE0F. */
const emoji = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f/u

const graphemeWidth = (grapheme: string): number =>
  zeroWidth.test(grapheme) ? 0 : eastAsianWide.test(grapheme) || emoji.test(grapheme) ? 2 : 1

/**
 * How many terminal columns `text` takes: CJK and emoji take two, combining marks and format characters none,
 * an emoji sequence (a family, a flag, a skin tone) two as a whole. `text` must hold no control characters.
 *
 * @internal
 */
export const width = (text: string): number => graphemes(text).reduce((sum, part) => sum + graphemeWidth(part), 0)

/**
 * `text` in at most `columns` columns: cut before the character that would not fit, with an ellipsis.
 *
 * @internal
 */
export const truncate = (text: string, columns: number): string => {
  if (width(text) <= columns) return text
  let kept = ""
  let used = 0
  for (const part of graphemes(text)) {
    const next = graphemeWidth(part)
    if (used + next > columns - 1) break
    kept += part
    used += next
  }
  return `${kept}…`
}
