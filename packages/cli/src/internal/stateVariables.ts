/**
 * `--state key=value` flags as a workflow's state variables.
 *
 * @internal
 */
import * as Either from "effect/Either"

const number = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/

/**
 * A value as it is typed: `true` and `false` are booleans, a JSON number (`5`, `-1.5`, `1e3`) is a number, a
 * JSON string in double quotes (`"42"`) is that string, anything else is the text as written.
 *
 * @internal
 */
export const parseValue = (text: string): string | boolean | number => {
  if (text === "true" || text === "false") return text === "true"
  if (number.test(text)) return Number(text)
  if (text.length >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (typeof parsed === "string") return parsed
    } catch {
      // not a JSON string: the text as written
    }
  }
  return text
}

/**
 * The state variables of `key=value` pairs (split at the first `=`); a pair without `=` or a key given twice
 * is an error message.
 *
 * @internal
 */
export const parse = (
  pairs: ReadonlyArray<string>
): Either.Either<Record<string, string | boolean | number>, string> => {
  const variables: Record<string, string | boolean | number> = {}
  const seen = new Set<string>()
  for (const pair of pairs) {
    const index = pair.indexOf("=")
    if (index < 0) return Either.left(`--state expects key=value, got '${pair}'`)
    const key = pair.slice(0, index)
    if (seen.has(key)) return Either.left(`--state gives '${key}' more than once`)
    seen.add(key)
    Object.defineProperty(variables, key, {
      value: parseValue(pair.slice(index + 1)),
      enumerable: true,
      writable: true,
      configurable: true
    })
  }
  return Either.right(variables)
}
