/**
 * Errors as one line on standard error.
 *
 * @internal
 */
import * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import * as ConfigError from "effect/ConfigError"
import * as Predicate from "effect/Predicate"
import { flat } from "./terminalText.js"

const apiError = (error: ChatKitError.ChatKitError): string => {
  const status = Predicate.hasProperty(error, "status") && typeof error.status === "number" ? ` (${error.status})` : ""
  const requestId = Predicate.hasProperty(error, "requestId") && typeof error.requestId === "string"
    ? ` [request id ${error.requestId}]`
    : ""
  return `${error._tag}${status}: ${error.message}${requestId}`
}

const messageOf = (error: unknown): string | undefined =>
  Predicate.hasProperty(error, "message") && typeof error.message === "string" && error.message !== ""
    ? error.message
    : undefined

const otherError = (error: unknown): string => {
  const message = messageOf(error) ??
    (Predicate.hasProperty(error, "cause") ? messageOf(error.cause) : undefined) ?? String(error)
  return Predicate.hasProperty(error, "_tag") && typeof error._tag === "string"
    ? `${error._tag}: ${message}`
    : message
}

/**
 * What an error is reported with, on one line, e.g. `NotFoundError (404): No thread found with id 'x'.`: the
 * error class, the HTTP status when the API answered, the message and the request id when there is one.
 * Other errors show their tag and message (or their cause's). Control characters are made visible.
 *
 * @internal
 */
export const errorMessage = (error: unknown): string => {
  if (ChatKitError.isChatKitError(error)) return flat(apiError(error))
  if (ConfigError.isConfigError(error)) return `invalid configuration: ${flat(String(error))}`
  return flat(otherError(error))
}
