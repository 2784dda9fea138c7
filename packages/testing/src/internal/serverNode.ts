/**
 * The fake server's side of `node:http`: listening for the life of a scope, reading a bounded JSON body,
 * writing an answer, and answering in OpenAI's shape what Node's parser refuses.
 *
 * @internal
 */
import * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import { ServeError } from "@effect/platform/HttpServerError"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as Http from "node:http"
import type * as Net from "node:net"
import type { Answer } from "./serverWire.js"
import { errorAnswer } from "./serverWire.js"

/**
 * The limits on a request's body.
 *
 * @internal
 */
export interface BodyLimits {
  /** The most bytes read; a longer body is a 413 and no more of it is read. */
  readonly maxBytes: number
  /** The deepest nesting of arrays and objects; a deeper body is a 400, before anything parses it. */
  readonly maxDepth: number
}

const notJson = new ChatKitError.BadRequestError({
  message: "We could not parse the JSON body of your request.",
  type: "invalid_request_error",
  param: null,
  code: "invalid_value"
})

const tooLarge = (maxBytes: number) =>
  ChatKitError.fromStatus(413, {
    message: `The request body is too large: at most ${maxBytes} bytes are accepted.`,
    type: "invalid_request_error",
    param: null,
    code: "request_too_large"
  })

const tooDeep = (maxDepth: number) =>
  new ChatKitError.BadRequestError({
    message: `The JSON body of your request is nested deeper than ${maxDepth} levels.`,
    type: "invalid_request_error",
    param: null,
    code: "invalid_value"
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

/**
 * The deepest nesting of arrays and objects in a JSON text, counted without recursion (brackets inside strings
 * do not count).
 *
 * @internal
 */
export const depthOf = (text: string): number => {
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
 * than `maxDepth` a 400, one that is not JSON a 400 (`param` null), all in OpenAI's shape.
 *
 * @internal
 */
export const jsonBody = (
  request: Http.IncomingMessage,
  limits: BodyLimits
): Effect.Effect<unknown, ChatKitError.ChatKitError> =>
  Effect.flatMap(bytes(request, limits.maxBytes), (body) => {
    const text = body.toString("utf8")
    if (depthOf(text) > limits.maxDepth) return Effect.fail(tooDeep(limits.maxDepth))
    return Effect.try({ try: (): unknown => JSON.parse(text), catch: () => notJson })
  })

/**
 * Writes `answer` with its `x-request-id`, or destroys the socket for a dropped connection. A 413, whose body
 * was not read to its end, closes the connection.
 *
 * @internal
 */
export const write = (
  request: Http.IncomingMessage,
  response: Http.ServerResponse,
  answer: Answer,
  requestId: string
): void => {
  if (answer._tag === "Drop") {
    request.socket.destroy()
    return
  }
  response.writeHead(answer.status, {
    ...answer.headers,
    "content-type": "application/json",
    "content-length": answer.body.length,
    "x-request-id": requestId,
    ...(answer.status === 413 ? { connection: "close" } : {})
  })
  response.end(answer.body)
}

const parserStatus = (code: string | undefined): number =>
  code === "HPE_HEADER_OVERFLOW" ? 431 : code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400

const parserMessage: Readonly<Record<number, string>> = {
  400: "The HTTP request could not be parsed.",
  408: "The HTTP request took too long to arrive.",
  431: "The HTTP request's headers are too large."
}

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
  const status = parserStatus(error.code)
  const answer = errorAnswer(status, { message: parserMessage[status] ?? "Bad request." })
  socket.end(
    `HTTP/1.1 ${status} ${Http.STATUS_CODES[status]}\r\ncontent-type: application/json\r\n` +
      `content-length: ${answer.body.length}\r\nx-request-id: ${requestId}\r\nconnection: close\r\n\r\n` +
      answer.body.toString("utf8")
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
