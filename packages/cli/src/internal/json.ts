/**
 * Wire JSON output: values encoded with the core schemas, exactly as the API sends them.
 *
 * @internal
 */
import * as Schema from "effect/Schema"

/**
 * One value as an indented JSON document, followed by a newline.
 *
 * @internal
 */
export const document = <A, I>(schema: Schema.Schema<A, I>) => {
  const encode = Schema.encodeSync(schema)
  return (value: A): string => JSON.stringify(encode(value), null, 2) + "\n"
}

/**
 * One value as a line of JSON Lines: compact JSON followed by a newline.
 *
 * @internal
 */
export const line = <A, I>(schema: Schema.Schema<A, I>) => {
  const encode = Schema.encodeSync(schema)
  return (value: A): string => JSON.stringify(encode(value)) + "\n"
}
