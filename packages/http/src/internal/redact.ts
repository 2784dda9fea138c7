import * as Predicate from "effect/Predicate"

// at this length a secret does not occur in other text by chance: every occurrence is one to hide
const minSubstringLength = 8

// the characters keys and ids are made of: a short secret is hidden only where none of them touches it
const isTokenCharacter = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45 ||
  code === 95

const standsAlone = (text: string, start: number, end: number): boolean =>
  (start === 0 || !isTokenCharacter(text.charCodeAt(start - 1))) &&
  (end === text.length || !isTokenCharacter(text.charCodeAt(end)))

/**
 * Hides a secret in text that may end up in an error (error bodies' fields, request ids, transport messages)
 * by replacing it with `<redacted>`. A secret of 8 characters or more is replaced wherever it occurs; a shorter
 * one only where it stands alone (no letter, digit, `-` or `_` next to it), so that a one-letter key does not
 * take every such letter out of a message. Apply it to text already parsed (a message, a code), never to
 * JSON before parsing.
 *
 * @internal
 */
export const scrub = (secret: string) => (text: string): string => {
  if (secret.length === 0 || !text.includes(secret)) return text
  if (secret.length >= minSubstringLength) return text.split(secret).join("<redacted>")
  let result = ""
  let from = 0
  for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
    if (at < from || !standsAlone(text, at, at + secret.length)) continue
    result += `${text.slice(from, at)}<redacted>`
    from = at + secret.length
  }
  return result + text.slice(from)
}

const maxDepth = 4

const mentions = (secret: string, cause: unknown, depth: number): boolean => {
  if (depth > maxDepth) return false
  if (typeof cause === "string") return scrub(secret)(cause) !== cause
  if (!Predicate.isObject(cause)) return false
  return (Predicate.hasProperty(cause, "message") && mentions(secret, cause.message, depth + 1)) ||
    (Predicate.hasProperty(cause, "stack") && mentions(secret, cause.stack, depth + 1)) ||
    (Predicate.hasProperty(cause, "cause") && mentions(secret, cause.cause, depth + 1))
}

/**
 * The cause to keep in an error: the original one, unless its message, stack or any nested cause shows the
 * secret (as `scrub` finds it); then only its scrubbed description.
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
