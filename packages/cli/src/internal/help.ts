/**
 * `chatkit … --help` and the synopsis of every command: plain text (no colour, so it reads the same piped,
 * under `NO_COLOR` or on a terminal), wrapped to a width.
 *
 * @internal
 */
import * as Arr from "effect/Array"
import * as Option from "effect/Option"
import type * as CommandSpec from "./commandSpec.js"
import * as TerminalText from "./terminalText.js"

/**
 * The widest `--help` is: it fits in 100 columns, or in the terminal when it is narrower.
 *
 * @internal
 */
export const maxWidth = 100

const flagUsage = (flag: CommandSpec.Flag): string => {
  const words = flag.value === undefined ? flag.name : `${flag.name} ${flag.value}`
  if (flag.repeatable) return `[${words} ...]`
  return flag.required ? words : `[${words}]`
}

/**
 * How `spec` is called, on one line: `chatkit threads get <thread-id> [--json] …`, `chatkit threads <command>`.
 *
 * @internal
 */
export const usage = (spec: CommandSpec.Spec): string => usageParts(spec).join(" ")

const usageParts = (spec: CommandSpec.Spec): ReadonlyArray<string> => [
  ...spec.path,
  ...(spec.children.length > 0 ? ["<command>"] : []),
  ...spec.args.map((arg) => `<${arg.name}>`),
  ...spec.flags.map(flagUsage)
]

/**
 * One usage line per command that runs, every flag included: the synopsis the README shows.
 *
 * @internal
 */
export const synopsis = (leaves: ReadonlyArray<CommandSpec.Spec>): string => leaves.map(usage).join("\n") + "\n"

/** Words in lines of at most `width` columns, a space apart (a longer word gets a line of its own). */
const wrapWords = (words: ReadonlyArray<string>, width: number): ReadonlyArray<string> =>
  words.reduce<Array<string>>((lines, word) => {
    const last = lines.at(-1)
    if (last !== undefined && last !== "" && TerminalText.width(`${last} ${word}`) <= width) {
      lines[lines.length - 1] = `${last} ${word}`
    } else if (last === "") {
      lines[lines.length - 1] = word
    } else {
      lines.push(word)
    }
    return lines
  }, [""])

/** `text` in lines of at most `width` columns, broken between words. */
const wrap = (text: string, width: number): ReadonlyArray<string> => wrapWords(text.split(" "), width)

const usageIndent = " ".repeat(9)

/** `Usage: ` and the usage of `spec`, wrapped between flags to `width`, continuation lines indented. */
const usageLines = (spec: CommandSpec.Spec, width: number): ReadonlyArray<string> =>
  wrapWords(usageParts(spec), width - usageIndent.length).map((part, index) =>
    index === 0 ? `Usage: ${part}` : usageIndent + part
  )

const labelWidth = 24

/** Terms and their descriptions, the descriptions in one column, wrapped; a long term gets its own line. */
const definitions = (entries: ReadonlyArray<readonly [string, string]>, width: number): string => {
  const column = Math.min(labelWidth, Math.max(...entries.map(([term]) => term.length))) + 4
  return entries.flatMap(([term, text]) => {
    const lines = wrap(text, Math.max(20, width - column))
    const pad = " ".repeat(column)
    const head = `  ${term}`
    return head.length + 2 <= column
      ? [`${head.padEnd(column)}${lines[0]}`, ...lines.slice(1).map((line) => pad + line)]
      : [head, ...lines.map((line) => pad + line)]
  }).join("\n")
}

const flagText = (flag: CommandSpec.Flag): string =>
  [
    TerminalText.flat(flag.description),
    ...(flag.fallback === undefined ? [] : [`(default: ${flag.fallback})`]),
    ...(flag.repeatable ? ["(repeatable)"] : [])
  ].join(" ")

const section = (title: string, body: string): ReadonlyArray<string> => ["", `${title}:`, body]

/**
 * The help of `spec`, in at most `width` columns (capped at {@link maxWidth}); ends with a newline.
 *
 * @internal
 */
export const render = (spec: CommandSpec.Spec, width: number = maxWidth): string => {
  const columns = Math.max(40, Math.min(width, maxWidth))
  const name = spec.path.join(" ")
  const lines = [
    ...usageLines(spec, columns),
    "",
    ...wrap(TerminalText.flat(spec.description), columns),
    ...(spec.children.length === 0 ? [] : section(
      "Commands",
      definitions(
        Arr.filterMap(
          spec.children,
          (child) => Option.map(Arr.last(child.path), (name) => [name, TerminalText.flat(child.description)] as const)
        ),
        columns
      )
    )),
    ...(spec.args.length === 0 ? [] : section(
      "Arguments",
      definitions(spec.args.map((arg) => [`<${arg.name}>`, TerminalText.flat(arg.description)]), columns)
    )),
    ...section(
      "Options",
      definitions([
        ...spec.flags.map((flag): readonly [string, string] => [
          flag.value === undefined ? flag.name : `${flag.name} ${flag.value}`,
          flagText(flag)
        ]),
        ["--help", "Show this help"]
      ], columns)
    ),
    ...(spec.children.length === 0
      ? []
      : ["", ...wrap(`Run '${name} <command> --help' for the flags of a command.`, columns)])
  ]
  return lines.join("\n") + "\n"
}
