import * as Predicate from "effect/Predicate"

/**
 * Removes every occurrence of a secret from text that may end up in an error: error bodies, transport
 * messages.
 *
 * @internal
 */
export const scrub = (secret: string) => (text: string): string =>
  secret.length === 0 || !text.includes(secret) ? text : text.split(secret).join("<redacted>")

const maxDepth = 4

const mentions = (secret: string, cause: unknown, depth: number): boolean => {
  if (depth > maxDepth) return false
  if (typeof cause === "string") return cause.includes(secret)
  if (!Predicate.isObject(cause)) return false
  return (Predicate.hasProperty(cause, "message") && mentions(secret, cause.message, depth + 1)) ||
    (Predicate.hasProperty(cause, "stack") && mentions(secret, cause.stack, depth + 1)) ||
    (Predicate.hasProperty(cause, "cause") && mentions(secret, cause.cause, depth + 1))
}

/**
 * The cause to keep in an error: the original one, unless its message, stack or any nested cause mentions
 * the secret; then only its scrubbed description.
 *
 * @internal
 */
export const safeCause = (secret: string, cause: unknown): unknown =>
  secret.length > 0 && mentions(secret, cause, 0) ? new Error(scrub(secret)(describe(cause))) : cause

/**
 * A short text for an unknown failure: its message followed by the messages of its nested causes
 * (`fetch failed: connect ECONNREFUSED 127.0.0.1:80`).
 *
 * @internal
 */
export const describe = (cause: unknown): string => {
  const messages: Array<string> = []
  let current = cause
  while (messages.length <= maxDepth && current !== undefined && current !== null) {
    const message = Predicate.hasProperty(current, "message") && typeof current.message === "string"
      ? current.message
      : String(current)
    if (message.length > 0 && !messages.includes(message)) messages.push(message)
    current = Predicate.hasProperty(current, "cause") ? current.cause : undefined
  }
  return messages.join(": ")
}
