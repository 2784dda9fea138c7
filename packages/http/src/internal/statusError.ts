import * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import * as Duration from "effect/Duration"
import * as Predicate from "effect/Predicate"
import type { Answer } from "./transport.js"

const maxDetailLength = 1000

const truncate = (text: string): string =>
  text.length <= maxDetailLength ? text : `${text.slice(0, maxDetailLength)}… (${text.length} characters)`

const optionalString = (value: unknown): string | null | undefined =>
  value === null ? null : typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined

interface Details {
  readonly detail: string | undefined
  readonly type?: string
  readonly code?: string | null
  readonly param?: string | null
}

const parseJson = (body: string): unknown => {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

// `JSON.stringify` recurses: a value nested deeper than the stack allows has no JSON text here
const stringify = (value: unknown): string | undefined => {
  try {
    return JSON.stringify(value)
  } catch {
    return undefined
  }
}

const fromErrorObject = (error: object, text: string): Details => {
  const message = Predicate.hasProperty(error, "message") ? error.message : undefined
  const type = Predicate.hasProperty(error, "type") && typeof error.type === "string" ? error.type : undefined
  const code = Predicate.hasProperty(error, "code") ? optionalString(error.code) : undefined
  const param = Predicate.hasProperty(error, "param") ? optionalString(error.param) : undefined
  return {
    detail: typeof message === "string" ? message : stringify(message ?? error) ?? text,
    ...(type === undefined ? {} : { type }),
    ...(code === undefined ? {} : { code }),
    ...(param === undefined ? {} : { param })
  }
}

/**
 * What an error body says, as openai-node reads it: OpenAI's `{"error":{message,type,code,param}}`, any other
 * JSON as it is, or the raw text. JSON too deep to write back is given as its text.
 *
 * @internal
 */
export const parseErrorBody = (body: string): Details => {
  const text = body.trim()
  if (text.length === 0) return { detail: undefined }
  const json = parseJson(text)
  if (json === undefined) return { detail: text }
  if (Predicate.hasProperty(json, "error") && Predicate.isObject(json.error)) return fromErrorObject(json.error, text)
  return { detail: stringify(json) ?? text }
}

/**
 * The delay the server asked for, in milliseconds: `retry-after-ms`, else `retry-after` as seconds or as an
 * HTTP date (relative to `now`). Undefined when absent or unreadable.
 *
 * @internal
 */
export const requestedDelay = (headers: Answer["headers"], now: number): number | undefined => {
  const millis = headers["retry-after-ms"]
  if (millis !== undefined) {
    const value = Number.parseFloat(millis)
    if (Number.isFinite(value)) return value
  }
  const retryAfter = headers["retry-after"]
  if (retryAfter === undefined) return undefined
  const seconds = Number.parseFloat(retryAfter)
  if (Number.isFinite(seconds)) return seconds * 1000
  const date = Date.parse(retryAfter)
  return Number.isFinite(date) ? date - now : undefined
}

/**
 * The typed error of an answer that is not a success. The message is `"<status> <detail>"` like openai-node's
 * (`"404 Thread not found"`, `"502 status code (no body)"`), truncated. The body is parsed first, then each
 * field shown (message, type, code, param) is scrubbed of the secret. A rate limit carries the
 * delay the server asked for, when it is not negative.
 *
 * @internal
 */
export const fromAnswer = (
  answer: Answer,
  options: { readonly requestedDelay: number | undefined; readonly scrub: (text: string) => string }
): ChatKitError.StatusError => {
  const { scrub } = options
  const { code, detail, param, type } = parseErrorBody(answer.body)
  const requestId = answer.requestId
  const delay = options.requestedDelay
  return ChatKitError.fromStatus(answer.status, {
    message: `${answer.status} ${detail === undefined ? "status code (no body)" : truncate(scrub(detail))}`,
    ...(type === undefined ? {} : { type: scrub(type) }),
    ...(code === undefined ? {} : { code: code === null ? null : scrub(code) }),
    ...(param === undefined ? {} : { param: param === null ? null : scrub(param) }),
    ...(requestId === undefined ? {} : { requestId }),
    ...(delay === undefined || delay < 0 ? {} : { retryAfter: Duration.millis(delay) })
  })
}
