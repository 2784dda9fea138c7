/**
 * Wire JSON output: values encoded with the core schemas, exactly as the API sends them.
 *
 * @internal
 */
import * as Schema from "effect/Schema"
import { controlsJsonKeeps } from "./terminalText.js"

/**
 * JSON text, or text that shows API data only inside JSON string literals, safe for a terminal:
 * `JSON.stringify` escapes the C0 controls but writes DEL, the C1 controls (CSI U+009B among them) and the
 * bidirectional controls as they are, which a terminal obeys. Those only occur inside JSON strings, where
 * `\uXXXX` is the same string.
 *
 * @internal
 */
export const escapeControls = (json: string): string =>
  json.replace(controlsJsonKeeps, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)

/**
 * One value as an indented JSON document, followed by a newline.
 *
 * @internal
 */
export const document = <A, I>(schema: Schema.Schema<A, I>) => {
  const encode = Schema.encodeSync(schema)
  return (value: A): string => escapeControls(JSON.stringify(encode(value), null, 2)) + "\n"
}

/**
 * One value as a line of JSON Lines: compact JSON followed by a newline.
 *
 * @internal
 */
export const line = <A, I>(schema: Schema.Schema<A, I>) => {
  const encode = Schema.encodeSync(schema)
  return (value: A): string => escapeControls(JSON.stringify(encode(value))) + "\n"
}
