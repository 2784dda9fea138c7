/**
 * The fake server's wire over `node:http`: answers (JSON with a status and headers, OpenAI's error envelope,
 * or a dropped connection) and how they are written, the bounded JSON body of a request, what Node's parser
 * refuses, and listening for the life of a scope.
 *
 * @internal
 */
import * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import type * as Page from "@effect-chatkit/core/Page"
import * as Thread from "@effect-chatkit/core/Thread"
import * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import { ServeError } from "@effect/platform/HttpServerError"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import * as Http from "node:http"
import type * as Net from "node:net"

/**
 * One answer: a JSON body with its status and extra headers (name, value, name, value, …), or a dropped
 * connection (no answer at all).
 *
 * @internal
 */
export type Answer = { readonly status: number; readonly body: string; readonly headers: ReadonlyArray<string> } | {
  readonly status: "dropped"
}

// every answer of the server has `content-type: application/json`
const json = (status: number, body: unknown, headers: ReadonlyArray<string> = []): Answer => ({
  status,
  body: JSON.stringify(body),
  headers
})

/**
 * A 200 with a value as `schema` encodes it (core's schemas write every required key, `null`s included).
 *
 * @internal
 */
export const ok = <A, I>(schema: Schema.Schema<A, I>) => {
  const encode = Schema.encodeSync(schema)
  return (value: A): Answer => json(200, encode(value))
}

const page = <A extends object, I>(element: Schema.Schema<A, I>) => {
  const encode = Schema.encodeSync(element)
  // each element's JSON
  const texts = new WeakMap<A, string>()
  const textOf = (value: A): string => {
    let text = texts.get(value)
    if (text === undefined) {
      text = JSON.stringify(encode(value))
      texts.set(value, text)
    }
    return text
  }
  return ({ data, first_id, has_more, last_id }: Page.Page<A>): Answer => {
    let body = `{"object":"list","data":[`
    data.forEach((value, index) => {
      body += index === 0 ? textOf(value) : `,${textOf(value)}`
    })
    body += `],"first_id":${JSON.stringify(first_id)},"last_id":${JSON.stringify(last_id)},"has_more":${has_more}}`
    return { status: 200, body, headers: [] }
  }
}

/**
 * A 200 with a page of threads. The JSON of each stored thread is cached by object (stored threads are
 * immutable: a change of title or status stores a new object), so a page is the concatenation of its
 * threads' JSON, character for character what `JSON.stringify` of `Page.ThreadPage`'s encoding writes.
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

const defaultType = (status: number): string =>
  status === 429 ? "requests" : status >= 500 ? "server_error" : "invalid_request_error"

type ErrorFields = Omit<ChatKitError.ApiErrorFields, "status">

// OpenAI's error shape `{"error":{"message","type","param","code"}}`, every key present
const envelope = (status: number, error: ErrorFields) => ({
  error: {
    message: error.message,
    type: error.type ?? defaultType(status),
    param: error.param ?? null,
    code: error.code ?? null
  }
})

/**
 * An error answer in OpenAI's shape `{"error":{"message","type","param","code"}}`, every key present.
 *
 * @internal
 */
export const errorAnswer = (status: number, error: ErrorFields, headers?: ReadonlyArray<string>): Answer =>
  json(status, envelope(status, error), headers)

/**
 * The answer to a defect: a 500 in OpenAI's shape, with OpenAI's wording.
 *
 * @internal
 */
export const internalError: Answer = errorAnswer(500, {
  message: "The server had an error while processing your request. Sorry about that!",
  type: "server_error"
})

const retryHeaders = (retryAfter: Duration.Duration): ReadonlyArray<string> => {
  const millis = Math.max(0, Math.ceil(Duration.toMillis(retryAfter)))
  return ["retry-after", String(Math.ceil(millis / 1000)), "retry-after-ms", String(millis)]
}

/**
 * A typed error as the wire speaks it: its status (`ChatKitError.statusOf`) with OpenAI's error body, plus
 * `retry-after` (whole seconds, rounded up) and `retry-after-ms` for a `RateLimitError` that has
 * `retryAfter`. Errors that are not answers (connection, timeout, decoding, paging) drop the connection. A
 * status outside 400..599 cannot be an error answer: `undefined` (a defect of the caller's).
 *
 * @internal
 */
export const fromError = (error: ChatKitError.ChatKitError): Answer | undefined => {
  const status = ChatKitError.statusOf(error)
  if (status === undefined) return { status: "dropped" }
  if (!(Number.isInteger(status) && status >= 400 && status <= 599)) return undefined
  return errorAnswer(
    status,
    error as ChatKitError.StatusError,
    error._tag === "RateLimitError" && error.retryAfter !== undefined ? retryHeaders(error.retryAfter) : []
  )
}

/**
 * Writes `answer` with its `x-request-id` in one head and body (a string body: Node sends head and body as one
 * write), or destroys the socket for a dropped connection. A 413, whose body was not read to its end, closes
 * the connection.
 *
 * @internal
 */
export const write = (
  request: Http.IncomingMessage,
  response: Http.ServerResponse,
  answer: Answer,
  requestId: string
): void => {
  if (answer.status === "dropped") {
    request.socket.destroy()
    return
  }
  const head = [
    "content-type",
    "application/json",
    "content-length",
    String(Buffer.byteLength(answer.body)),
    "x-request-id",
    requestId
  ]
  if (answer.headers.length > 0) head.push(...answer.headers)
  if (answer.status === 413) head.push("connection", "close")
  response.writeHead(answer.status, head)
  response.end(answer.body)
}

/**
 * The deepest nesting of arrays and objects a JSON body may have.
 *
 * @internal
 */
export const maxBodyDepth = 64

/**
 * A 400 for a request body: `invalid_value`, naming the parameter when there is one.
 *
 * @internal
 */
export const invalidBody = (message: string, param: string | null = null) =>
  new ChatKitError.BadRequestError({ message, type: "invalid_request_error", param, code: "invalid_value" })

const notJson = invalidBody("We could not parse the JSON body of your request.")

const tooLarge = (maxBytes: number) =>
  ChatKitError.fromStatus(413, {
    message: `The request body is too large: at most ${maxBytes} bytes are accepted.`,
    type: "invalid_request_error",
    param: null,
    code: "request_too_large"
  })

const bytes = (request: Http.IncomingMessage, maxBytes: number): Effect.Effect<Buffer, ChatKitError.ChatKitError> =>
  Effect.async((resume) => {
    if (Number(request.headers["content-length"] ?? 0) > maxBytes) {
      resume(Effect.fail(tooLarge(maxBytes)))
      return
    }
    const chunks: Array<Buffer> = []
    let length = 0
    const onData = (chunk: Buffer) => {
      length += chunk.length
      if (length <= maxBytes) {
        chunks.push(chunk)
        return
      }
      // stop reading: the answer closes the connection
      request.off("data", onData)
      request.pause()
      resume(Effect.fail(tooLarge(maxBytes)))
    }
    request.on("data", onData)
    request.once("end", () => resume(Effect.succeed(Buffer.concat(chunks))))
    request.once("error", () => resume(Effect.fail(notJson)))
  })

// the deepest nesting of arrays and objects in a JSON text, counted without recursion (brackets inside strings
// do not count)
const depthOf = (text: string): number => {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (inString) {
      if (char === 0x5c) index++ // a backslash escapes the next character
      else if (char === 0x22) inString = false
    } else if (char === 0x22) {
      inString = true
    } else if (char === 0x5b || char === 0x7b) {
      if (++depth > deepest) deepest = depth
    } else if (char === 0x5d || char === 0x7d) {
      depth--
    }
  }
  return deepest
}

/**
 * The JSON body of the request: a body over `maxBytes` is a 413 (no more of it is read), one nested deeper
 * than {@link maxBodyDepth} a 400 (before anything parses it), one that is not JSON a 400 (`param` null), all
 * in OpenAI's shape.
 *
 * @internal
 */
export const jsonBody = (
  request: Http.IncomingMessage,
  maxBytes: number
): Effect.Effect<unknown, ChatKitError.ChatKitError> =>
  Effect.flatMap(bytes(request, maxBytes), (body) => {
    const text = body.toString("utf8")
    if (depthOf(text) > maxBodyDepth) {
      return Effect.fail(invalidBody(`The JSON body of your request is nested deeper than ${maxBodyDepth} levels.`))
    }
    return Effect.try({ try: (): unknown => JSON.parse(text), catch: () => notJson })
  })

// the status and message of what Node's parser refuses, by the error's code (400 for any other)
const refusals = new Map<string | undefined, readonly [number, string]>([
  ["HPE_HEADER_OVERFLOW", [431, "The HTTP request's headers are too large."]],
  ["ERR_HTTP_REQUEST_TIMEOUT", [408, "The HTTP request took too long to arrive."]]
])

/**
 * Answers what Node's HTTP parser refuses (headers too large, conflicting `content-length` and
 * `transfer-encoding`, a malformed request line, …) in OpenAI's shape with an `x-request-id`, then closes the
 * connection.
 *
 * @internal
 */
export const answerClientError = (error: Error & { readonly code?: string }, socket: Net.Socket, requestId: string) => {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy()
    return
  }
  const [status, message] = refusals.get(error.code) ?? [400, "The HTTP request could not be parsed."]
  const body = JSON.stringify(envelope(status, { message }))
  socket.end(
    `HTTP/1.1 ${status} ${Http.STATUS_CODES[status]}\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nx-request-id: ${requestId}\r\nconnection: close\r\n\r\n${body}`
  )
}

/**
 * Listens on `host:port` until the scope closes, which closes the server and every connection at once
 * (keep-alive and stalled ones included).
 *
 * @internal
 */
export const listen = (
  server: Http.Server,
  host: string,
  port: number
): Effect.Effect<Net.AddressInfo, ServeError, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.async<Net.AddressInfo, ServeError>((resume) => {
      const failed = (cause: unknown) => resume(Effect.fail(new ServeError({ cause })))
      server.once("error", failed)
      server.listen(port, host, () => {
        server.off("error", failed)
        resume(Effect.succeed(server.address() as Net.AddressInfo))
      })
    }),
    () =>
      Effect.async((resume) => {
        server.close(() => resume(Effect.void))
        server.closeAllConnections()
      })
  )
