/**
 * What the fake server writes on the wire: JSON answers, OpenAI's error envelope, and faults that are not
 * answers at all (a dropped connection).
 *
 * @internal
 */
import * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import type * as Page from "@effect-chatkit/core/Page"
import * as Thread from "@effect-chatkit/core/Thread"
import * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import * as Duration from "effect/Duration"
import * as Schema from "effect/Schema"

/**
 * One answer: a JSON body with its status and extra headers, or a dropped connection (no answer at all).
 *
 * @internal
 */
export type Answer = JsonAnswer | { readonly _tag: "Drop" }

/**
 * An answer with a JSON body.
 *
 * @internal
 */
export interface JsonAnswer {
  readonly _tag: "Json"
  readonly status: number
  readonly body: Buffer
  readonly headers: Readonly<Record<string, string>> | undefined
}

/**
 * A JSON answer. Every answer of the server has `content-type: application/json`.
 *
 * @internal
 */
export const json = (
  status: number,
  body: unknown,
  headers?: Readonly<Record<string, string>> | undefined
): JsonAnswer => ({
  _tag: "Json",
  status,
  body: Buffer.from(JSON.stringify(body)),
  headers
})

const cachedText = <A extends object, I>(schema: Schema.Schema<A, I>) => {
  const encode = Schema.encodeSync(schema)
  const texts = new WeakMap<A, string>()
  return (value: A): string => {
    let text = texts.get(value)
    if (text === undefined) {
      text = JSON.stringify(encode(value))
      texts.set(value, text)
    }
    return text
  }
}

const nullableString = (value: string | null): string => value === null ? "null" : JSON.stringify(value)

const page = <A extends object, I>(element: Schema.Schema<A, I>) => {
  const text = cachedText(element)
  return (page: Page.Page<A>): Answer => ({
    _tag: "Json",
    status: 200,
    body: Buffer.from(
      `{"object":"list","data":[${page.data.map(text).join(",")}],"first_id":${nullableString(page.first_id)},` +
        `"last_id":${nullableString(page.last_id)},"has_more":${page.has_more}}`
    ),
    headers: undefined
  })
}

/**
 * A 200 with a page of threads. The JSON text of each stored thread is cached by object (stored threads are
 * immutable: a change of title or status stores a new object), so a page is the concatenation of its
 * threads' texts, byte for byte what `JSON.stringify` of `Page.ThreadPage`'s encoding writes.
 *
 * @internal
 */
export const threadPage: (page: Page.Page<Thread.Thread>) => Answer = page(Thread.Thread)

/**
 * A 200 with a page of thread items, from cached texts as {@link threadPage}.
 *
 * @internal
 */
export const itemPage: (page: Page.Page<ThreadItem.ThreadItem>) => Answer = page(ThreadItem.ThreadItem)

/**
 * A 200 with a value as `schema` encodes it (core's schemas write every required key, `null`s included).
 *
 * @internal
 */
export const ok = <A, I>(schema: Schema.Schema<A, I>) => {
  const encode = Schema.encodeSync(schema)
  return (value: A): Answer => json(200, encode(value))
}

// no answer: the socket of the request is destroyed, so the client sees a dropped connection
const drop: Answer = { _tag: "Drop" }

const defaultType = (status: number): string =>
  status === 429 ? "requests" : status >= 500 ? "server_error" : "invalid_request_error"

/**
 * An error in OpenAI's shape `{"error":{"message","type","param","code"}}`, every key present.
 *
 * @internal
 */
export const errorAnswer = (
  status: number,
  error: Omit<ChatKitError.ApiErrorFields, "status">,
  headers?: Readonly<Record<string, string>> | undefined
): JsonAnswer =>
  json(status, {
    error: {
      message: error.message,
      type: error.type ?? defaultType(status),
      param: error.param ?? null,
      code: error.code ?? null
    }
  }, headers)

/**
 * The answer to a defect: a 500 in OpenAI's shape, with OpenAI's wording.
 *
 * @internal
 */
export const internalError: Answer = errorAnswer(500, {
  message: "The server had an error while processing your request. Sorry about that!",
  type: "server_error"
})

const retryHeaders = (retryAfter: Duration.Duration): Record<string, string> => {
  const millis = Math.max(0, Math.ceil(Duration.toMillis(retryAfter)))
  return { "retry-after": String(Math.ceil(millis / 1000)), "retry-after-ms": String(millis) }
}

const isAnswer = (error: ChatKitError.ChatKitError): error is ChatKitError.StatusError =>
  ChatKitError.statusOf(error) !== undefined

/**
 * A typed error as the wire speaks it: its status (`ChatKitError.statusOf`) with OpenAI's error body, plus
 * `retry-after` (whole seconds, rounded up) and `retry-after-ms` for a `RateLimitError` that has
 * `retryAfter`. Errors that are not answers (connection, timeout, decoding, paging) drop the connection. A
 * status outside 400..599 cannot be an error answer: that is a defect, thrown (the caller answers a 500).
 *
 * @internal
 */
export const fromError = (error: ChatKitError.ChatKitError): Answer => {
  if (!isAnswer(error)) return drop
  const status = ChatKitError.statusOf(error)
  if (status === undefined || !(Number.isInteger(status) && status >= 400 && status <= 599)) {
    throw new Error(`ChatKitFakeServer: cannot answer an error with status ${status}`)
  }
  const headers = error._tag === "RateLimitError" && error.retryAfter !== undefined
    ? retryHeaders(error.retryAfter)
    : undefined
  return errorAnswer(status, error, headers)
}
