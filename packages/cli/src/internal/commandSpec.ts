/**
 * A command tree of `@effect/cli` read as plain data (names, flags, arguments, defaults), so that help, the
 * synopsis and argument errors can be written in the project's words, from the same declarations that parse
 * the command line.
 *
 * `@effect/cli` keeps these in its descriptors without public accessors; this module is the one place that
 * reads them, and the tests of the help and the README's synopsis fail if its reading goes wrong.
 *
 * @internal
 */
import type * as Command from "@effect/cli/Command"
import type * as HelpDoc from "@effect/cli/HelpDoc"
import type * as Span from "@effect/cli/HelpDoc/Span"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"

/**
 * One flag, e.g. `--limit N`.
 *
 * @internal
 */
export interface Flag {
  /** With its dashes: `--limit`. */
  readonly name: string
  /** What its value looks like (`N`, `asc|desc`), `undefined` for a flag without a value. */
  readonly value: string | undefined
  readonly description: string
  readonly required: boolean
  readonly repeatable: boolean
  /** The value used when the flag is not given, as text, when there is one worth showing. */
  readonly fallback: string | undefined
}

/**
 * One positional argument, e.g. `<thread-id>`.
 *
 * @internal
 */
export interface Arg {
  /** Without angle brackets: `thread-id`. */
  readonly name: string
  readonly description: string
}

/**
 * A command: either a group of subcommands (`children` not empty) or one that runs.
 *
 * @internal
 */
export interface Spec {
  /** From the root: `["chatkit", "threads", "list"]`. */
  readonly path: ReadonlyArray<string>
  readonly description: string
  readonly args: ReadonlyArray<Arg>
  readonly flags: ReadonlyArray<Flag>
  readonly children: ReadonlyArray<Spec>
}

/** The fields of `@effect/cli`'s descriptor, options, args and primitive instructions that are read here. */
interface Node {
  readonly _tag: string
  readonly [field: string]: unknown
}

const node = (value: unknown): Node =>
  Predicate.hasProperty(value, "_tag") && typeof value._tag === "string" ? value as Node : { _tag: "Empty" }

const spanText = (span: Span.Span): string => {
  switch (span._tag) {
    case "Text":
    case "URI":
      return span.value
    case "Highlight":
    case "Weak":
    case "Strong":
      return spanText(span.value)
    case "Sequence":
      return spanText(span.left) + spanText(span.right)
  }
}

/**
 * A help document as plain text, one paragraph per line.
 *
 * @internal
 */
export const docText = (doc: HelpDoc.HelpDoc): string => {
  switch (doc._tag) {
    case "Empty":
      return ""
    case "Header":
    case "Paragraph":
      return spanText(doc.value)
    case "DescriptionList":
      return doc.definitions.map(([term, description]) => `${spanText(term)}: ${docText(description)}`).join("\n")
    case "Enumeration":
      return doc.elements.map(docText).join("\n")
    case "Sequence":
      return [docText(doc.left), docText(doc.right)].filter((text) => text !== "").join("\n")
  }
}

const description = (value: unknown): string =>
  Predicate.hasProperty(value, "_tag") ? docText(value as HelpDoc.HelpDoc) : ""

const placeholder = (primitive: Node): string | undefined => {
  switch (primitive._tag) {
    case "Bool":
      return undefined
    case "Choice":
      return (primitive.alternatives as ReadonlyArray<readonly [string, unknown]>).map(([name]) => name).join("|")
    case "Integer":
      return "N"
    case "Float":
      return "X"
    default:
      return "TEXT"
  }
}

const shown = (value: unknown): string | undefined => {
  const plain = Option.isOption(value) ? Option.getOrUndefined(value) : value
  return typeof plain === "string" || typeof plain === "number" ? String(plain) : undefined
}

const flagsOf = (options: Node): ReadonlyArray<Flag> => {
  switch (options._tag) {
    case "Single": {
      const primitive = node(options.primitiveType)
      const pseudoName = options.pseudoName as Option.Option<string>
      return [{
        name: options.fullName as string,
        value: primitive._tag === "Bool" ? undefined : Option.getOrElse(pseudoName, () => placeholder(primitive)),
        description: description(options.description),
        required: primitive._tag !== "Bool",
        repeatable: false,
        fallback: undefined
      }]
    }
    case "Map":
    case "WithFallback":
      return flagsOf(node(options.options)).map((flag) =>
        options._tag === "WithFallback" ? { ...flag, required: false } : flag
      )
    case "Both":
    case "OrElse":
      return [...flagsOf(node(options.left)), ...flagsOf(node(options.right))]
    case "Variadic":
    case "KeyValueMap":
      return flagsOf(node(options.argumentOption)).map((flag) => ({ ...flag, required: false, repeatable: true }))
    case "WithDefault":
      return flagsOf(node(options.options)).map((flag) => ({
        ...flag,
        required: false,
        fallback: flag.value === undefined ? undefined : shown(options.fallback)
      }))
    default:
      return []
  }
}

const argsOf = (args: Node): ReadonlyArray<Arg> => {
  switch (args._tag) {
    case "Single":
      return [{ name: String(args.name).replace(/^<(.*)>$/, "$1"), description: description(args.description) }]
    case "Map":
    case "Variadic":
    case "WithDefault":
    case "WithFallbackConfig":
      return argsOf(node(args.args))
    case "Both":
      return [...argsOf(node(args.left)), ...argsOf(node(args.right))]
    default:
      return []
  }
}

const specOf = (descriptor: Node, parent: ReadonlyArray<string>): Spec => {
  switch (descriptor._tag) {
    case "Map":
      return specOf(node(descriptor.command), parent)
    case "Subcommands": {
      const self = specOf(node(descriptor.parent), parent)
      return {
        ...self,
        children: (descriptor.children as ReadonlyArray<unknown>).map((child) => specOf(node(child), self.path))
      }
    }
    default:
      return {
        path: [...parent, String(descriptor.name)],
        description: description(descriptor.description),
        args: argsOf(node(descriptor.args)),
        flags: flagsOf(node(descriptor.options)),
        children: []
      }
  }
}

/**
 * The tree of `command` and its subcommands.
 *
 * @internal
 */
export const fromCommand = <Name extends string, R, E, A>(command: Command.Command<Name, R, E, A>): Spec =>
  specOf(node(command.descriptor), [])

/**
 * Every command of the tree that runs (has no subcommands), in order.
 *
 * @internal
 */
export const leaves = (spec: Spec): ReadonlyArray<Spec> =>
  spec.children.length === 0 ? [spec] : spec.children.flatMap(leaves)
