/**
 * What the fake server writes on the wire: JSON answers, OpenAI's error envelope, and faults that are not
 * answers at all (a dropped connection).
 *
 * @internal
 */
import * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import * as Page from "@effect-chatkit/core/Page"
import * as Session from "@effect-chatkit/core/Session"
import * as Thread from "@effect-chatkit/core/Thread"
import * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

/**
 * Encoders of the wire format (core's schemas write every required key, `null`s included).
 *
 * @internal
 */
export const encode = {
  thread: Schema.encodeSync(Thread.Thread),
  threadDeleted: Schema.encodeSync(Thread.ThreadDeleted),
  item: Schema.encodeSync(ThreadItem.ThreadItem),
  threadPage: Schema.encodeSync(Page.ThreadPage),
  itemPage: Schema.encodeSync(Page.ThreadItemPage),
  session: Schema.encodeSync(Session.ChatSession)
}

/**
 * The JSON body of the request; a body that is not JSON is a 400 in OpenAI's shape (`param` null).
 *
 * @internal
 */
export const jsonBody: Effect.Effect<unknown, ChatKitError.BadRequestError, HttpServerRequest.HttpServerRequest> =
  Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => request.json).pipe(
    Effect.mapError(() =>
      new ChatKitError.BadRequestError({
        message: "We could not parse the JSON body of your request.",
        type: "invalid_request_error",
        param: null,
        code: "invalid_value"
      })
    )
  )

/**
 * A JSON answer. Every answer of the server has `content-type: application/json`.
 *
 * @internal
 */
export const json = (
  status: number,
  body: unknown,
  headers?: Readonly<Record<string, string>> | undefined
): HttpServerResponse.HttpServerResponse =>
  HttpServerResponse.text(JSON.stringify(body), {
    status,
    contentType: "application/json",
    ...(headers === undefined ? {} : { headers })
  })

const defaultType = (status: number): string =>
  status === 429 ? "requests" : status >= 500 ? "server_error" : "invalid_request_error"

/**
 * An error in OpenAI's shape `{"error":{"message","type","param","code"}}`, every key present.
 *
 * @internal
 */
export const errorResponse = (
  status: number,
  error: Omit<ChatKitError.ApiErrorFields, "status">,
  headers?: Readonly<Record<string, string>> | undefined
): HttpServerResponse.HttpServerResponse =>
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
export const internalError: HttpServerResponse.HttpServerResponse = errorResponse(500, {
  message: "The server had an error while processing your request. Sorry about that!",
  type: "server_error"
})

/**
 * No answer: the socket of the request is destroyed, so the client sees a dropped connection. The returned
 * response is never written.
 *
 * @internal
 */
export const dropConnection: Effect.Effect<
  HttpServerResponse.HttpServerResponse,
  never,
  HttpServerRequest.HttpServerRequest
> = Effect.map(HttpServerRequest.HttpServerRequest, (request) => {
  NodeHttpServerRequest.toIncomingMessage(request).socket.destroy()
  return HttpServerResponse.empty({ status: 499 })
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
 * status outside 400..599 cannot be an error answer: that is a defect (answered as a 500 by the caller).
 *
 * @internal
 */
export const fromError = (
  error: ChatKitError.ChatKitError
): Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest> => {
  if (!isAnswer(error)) return dropConnection
  const status = ChatKitError.statusOf(error)!
  if (!(Number.isInteger(status) && status >= 400 && status <= 599)) {
    return Effect.dieMessage(`ThreadsFakeServer: cannot answer an error with status ${status}`)
  }
  const headers = error._tag === "RateLimitError" && error.retryAfter !== undefined
    ? retryHeaders(error.retryAfter)
    : undefined
  return Effect.succeed(errorResponse(status, error, headers))
}
