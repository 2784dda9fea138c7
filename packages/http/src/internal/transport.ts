import { ConnectionError, ResponseDecodeError, TimeoutError } from "@effect-chatkit/core/ChatKitError"
import type * as Headers from "@effect/platform/Headers"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { identity } from "effect/Function"
import * as Stream from "effect/Stream"
import { describe, safeCause, scrub } from "./redact.js"
import type { Failure } from "./retry.js"

/**
 * What one attempt got back: the status, the headers, the request id (`x-request-id`, scrubbed of the secret,
 * which a server may echo there) and the whole body as text.
 *
 * @internal
 */
export interface Answer {
  readonly status: number
  readonly headers: Headers.Headers
  readonly requestId: string | undefined
  readonly body: string
}

/**
 * Where the request went, for messages: method and path, without the base URL (which may hold credentials).
 *
 * @internal
 */
export interface Target {
  readonly method: "GET" | "POST" | "DELETE"
  readonly path: string
}

const connectionError = (
  target: Target,
  secret: string,
  error: HttpClientError.HttpClientError
): Failure => {
  const underlying = error.cause ?? error.description
  const detail = underlying === undefined ? error.reason : describe(underlying)
  return {
    error: new ConnectionError({
      message: scrub(secret)(`Connection error on ${target.method} ${target.path}: ${detail}`),
      ...(error.cause === undefined ? {} : { cause: safeCause(secret, error.cause) })
    }),
    // a URL that cannot be parsed or a body that cannot be encoded will fail the same way again
    retryable: error._tag === "ResponseError" || error.reason === "Transport"
  }
}

const tooLarge = (
  target: Target,
  status: number,
  requestId: string | undefined,
  maxResponseBytes: number
): Failure => ({
  error: new ResponseDecodeError({
    message: `Response body of ${target.method} ${target.path} is larger than maxResponseBytes ` +
      `(${maxResponseBytes} bytes); not read further`,
    status,
    ...(requestId === undefined ? {} : { requestId })
  }),
  retryable: false
})

const concat = (chunks: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return bytes
}

// The body is read as bytes, not with `response.text`: the platform keeps that text, and shows it as JSON
// wherever the response is inspected (the exit of its `http.client` span, logs), client secrets included.
const utf8 = new TextDecoder()

const empty = new Uint8Array(0)

/**
 * The body, never more than `maxResponseBytes` of it: a body whose declared length is within the limit (and
 * not compressed, which a transport may inflate) is read whole; any other is read chunk by chunk and given
 * up as soon as it passes the limit.
 */
const readBody = (
  response: HttpClientResponse.HttpClientResponse,
  headers: Headers.Headers,
  maxResponseBytes: number,
  onTooLarge: () => Failure
): Effect.Effect<ArrayBuffer | Uint8Array, Failure | HttpClientError.ResponseError> => {
  const declared = Number(headers["content-length"] ?? Number.NaN)
  const encoding = headers["content-encoding"]
  if (declared > maxResponseBytes) return Effect.fail(onTooLarge())
  if (Number.isSafeInteger(declared) && (encoding === undefined || encoding === "identity")) {
    return response.arrayBuffer
  }
  const chunks: Array<Uint8Array> = []
  return Stream.runFoldEffect(response.stream, 0, (size, chunk) => {
    if (size + chunk.length > maxResponseBytes) return Effect.fail(onTooLarge())
    chunks.push(chunk)
    return Effect.succeed(size + chunk.length)
  }).pipe(
    Effect.map((size) => concat(chunks, size)),
    // a web `Response` without a body has no stream at all
    Effect.catchIf((error) => "reason" in error && error.reason === "EmptyBody", () => Effect.succeed(empty))
  )
}

/**
 * How to make one attempt: where it goes (for messages), its time limit, the most bytes of body to read, and
 * the secret to keep out of errors.
 *
 * @internal
 */
export interface AttemptOptions {
  readonly target: Target
  readonly timeout: Duration.Duration
  readonly maxResponseBytes: number
  readonly secret: string
}

/**
 * Sends a request once and reads the whole body (at most `maxResponseBytes`), all within `timeout`
 * (`Effect.timeoutFail`, unless the timeout is infinite). Transport failures become a `ConnectionError`, running out of time a `TimeoutError`,
 * a body over the limit a `ResponseDecodeError`; no message holds the secret.
 *
 * @internal
 */
export const attempt = (
  client: HttpClient.HttpClient,
  request: HttpClientRequest.HttpClientRequest,
  options: AttemptOptions
): Effect.Effect<Answer, Failure> => {
  const { maxResponseBytes, secret, target, timeout } = options
  return client.execute(request).pipe(
    Effect.flatMap((response) => {
      // the transports build a fresh copy of the headers on every read of `response.headers`: read them once
      const { headers, status } = response
      const header = headers["x-request-id"]
      const requestId = header === undefined ? undefined : scrub(secret)(header)
      return Effect.map(
        readBody(response, headers, maxResponseBytes, () => tooLarge(target, status, requestId, maxResponseBytes)),
        (bytes): Answer => ({ status, headers, requestId, body: utf8.decode(bytes) })
      )
    }),
    Effect.mapError((error) => "retryable" in error ? error : connectionError(target, secret, error)),
    // an infinite timeout needs no race (and its two fibers)
    Duration.isFinite(timeout) ?
      Effect.timeoutFail({
        duration: timeout,
        onTimeout: (): Failure => ({
          error: new TimeoutError({
            message: `Request timed out after ${Duration.format(timeout)} on ${target.method} ${target.path}.`,
            timeout
          }),
          retryable: true
        })
      }) :
      identity
  )
}
