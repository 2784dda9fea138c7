/**
 * The command line before and after `@effect/cli` parses it: which command it names, whether it asks for
 * help, and argument errors as one line that names the flag and the fix.
 *
 * @internal
 */
import type * as ValidationError from "@effect/cli/ValidationError"
import * as Arr from "effect/Array"
import * as CommandSpec from "./commandSpec.js"
import * as TerminalText from "./terminalText.js"

/**
 * What the words of a command line ask for.
 *
 * - `Help`: the help of `spec` (`--help` or `-h` anywhere before `--`);
 * - `Version`: the version (`chatkit --version`);
 * - `UnknownCommand`: `word` is not a subcommand of `spec`;
 * - `MissingCommand`: `spec` is a group and no subcommand was named;
 * - `Run`: `spec` runs; `@effect/cli` parses the rest.
 *
 * @internal
 */
export type Route =
  | { readonly _tag: "Help"; readonly spec: CommandSpec.Spec }
  | { readonly _tag: "Version" }
  | { readonly _tag: "UnknownCommand"; readonly spec: CommandSpec.Spec; readonly word: string }
  | { readonly _tag: "MissingCommand"; readonly spec: CommandSpec.Spec }
  | { readonly _tag: "Run"; readonly spec: CommandSpec.Spec }

const beforeSeparator = (args: ReadonlyArray<string>): ReadonlyArray<string> => {
  const end = args.indexOf("--")
  return end < 0 ? args : args.slice(0, end)
}

/**
 * Follows `args` (without the runtime and script) down the tree from `root`.
 *
 * @internal
 */
export const route = (root: CommandSpec.Spec, args: ReadonlyArray<string>): Route => {
  const words = beforeSeparator(args)
  const help = words.includes("--help") || words.includes("-h")
  let spec = root
  for (const word of words) {
    if (spec.children.length === 0 || word.startsWith("-")) break
    const child = spec.children.find((candidate) => candidate.path.at(-1) === word)
    if (child === undefined) return help ? { _tag: "Help", spec } : { _tag: "UnknownCommand", spec, word }
    spec = child
  }
  if (help) return { _tag: "Help", spec }
  if (spec === root && words[0] === "--version") return { _tag: "Version" }
  return spec.children.length > 0 ? { _tag: "MissingCommand", spec } : { _tag: "Run", spec }
}

const quoted = (text: string): string => `'${TerminalText.flat(text)}'`

const commandNames = (spec: CommandSpec.Spec): string => spec.children.map((child) => child.path.at(-1)).join(", ")

/**
 * The error line of a route that does not run, e.g. `'lst' is not a command of chatkit threads: use one of
 * list, get, delete`.
 *
 * @internal
 */
export const routeError = (route: Extract<Route, { readonly _tag: "UnknownCommand" | "MissingCommand" }>): string => {
  const name = route.spec.path.join(" ")
  const fix = `use one of ${commandNames(route.spec)} (see '${name} --help')`
  return route._tag === "UnknownCommand"
    ? `${quoted(route.word)} is not a command of ${name}: ${fix}`
    : `${name} needs a command: ${fix}`
}

/** The flag whose value is `value` on the command line: `--limit many` or `--limit=many`. */
const flagWithValue = (args: ReadonlyArray<string>, value: string): string | undefined => {
  for (const [index, arg] of args.entries()) {
    if (arg.startsWith("--") && arg.endsWith(`=${value}`)) return arg.slice(0, arg.indexOf("="))
    if (arg.startsWith("-") && args[index + 1] === value) return arg
  }
  return undefined
}

const article = (noun: string): string => /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`

const flagValueHint = (spec: CommandSpec.Spec, name: string): string => {
  const flag = spec.flags.find((candidate) => candidate.name === name)
  return flag?.value === undefined ? "" : `: give ${name} ${flag.value}`
}

/** The edit distance of two short words: the last cell of the edit table, built one row per character of `a`. */
const distance = (a: string, b: string): number => {
  const charsB = Array.from(b)
  const lastRow = Array.from(a).reduce<Arr.NonEmptyReadonlyArray<number>>((previous, charA, i) => {
    const [, row] = Arr.mapAccum(
      Arr.zip(charsB, Arr.zip(previous, previous.slice(1))),
      i + 1,
      (left, [charB, [diagonal, above]]) => {
        const edits = Math.min(above + 1, left + 1, diagonal + (charA === charB ? 0 : 1))
        return [edits, edits]
      }
    )
    return [i + 1, ...row]
  }, Arr.range(0, charsB.length))
  return Arr.lastNonEmpty(lastRow)
}

const unknownArgument = (spec: CommandSpec.Spec, word: string): string => {
  const known = spec.flags.find((flag) => flag.name === word)
  if (known !== undefined) return `${word} needs a value${flagValueHint(spec, word)}`
  if (!word.startsWith("-")) return `unexpected argument ${quoted(word)}`
  const [name = word] = word.split("=")
  const [closest] = spec.flags
    .map((flag) => [flag.name, distance(flag.name, name)] as const)
    .filter(([, edits]) => edits <= 2)
    .sort(([, a], [, b]) => a - b)
  return `unknown flag ${quoted(word)}${closest === undefined ? "" : `: did you mean ${closest[0]}?`}`
}

/** `@effect/cli`'s message, rewritten to name the flag it is about and what it needs. */
const rewrite = (spec: CommandSpec.Spec, args: ReadonlyArray<string>, message: string): string => {
  const [, unknown] = /^Received unknown argument: '([\s\S]*)'$/.exec(message) ?? []
  if (unknown !== undefined) return unknownArgument(spec, unknown)
  const [, missing] = /^Expected to find option: '([\w-]+)'$/.exec(message) ?? []
  if (missing !== undefined) return `${missing} is required${flagValueHint(spec, missing)}`
  const [, value, noun] = /^'([\s\S]*)' is not an? (\w+)$/.exec(message) ?? []
  if (value !== undefined && noun !== undefined) {
    const flag = flagWithValue(args, value)
    const what = `${quoted(value)} is not ${article(noun)}`
    return flag === undefined ? what : `${flag}: ${what}${flagValueHint(spec, flag)}`
  }
  const [, cases] = /^Expected one of the following cases: (.*)$/.exec(message) ?? []
  if (cases !== undefined) {
    const flag = spec.flags.find((candidate) => candidate.value === cases.split(", ").join("|"))
    return flag === undefined ? message : `${flag.name} must be one of ${cases}`
  }
  return message
}

/**
 * An argument error of `@effect/cli` as one line naming the flag and the fix, with a pointer to the
 * command's help, e.g. `--limit: 'many' is not an integer: give --limit N (see 'chatkit threads list --help')`.
 *
 * @internal
 */
export const describe = (
  spec: CommandSpec.Spec,
  args: ReadonlyArray<string>,
  error: ValidationError.ValidationError
): string => {
  const message = CommandSpec.docText(error.error).replace(/\s+/g, " ").trim()
  const text = rewrite(spec, args, message)
  return `${TerminalText.flat(text)} (see '${spec.path.join(" ")} --help')`
}
