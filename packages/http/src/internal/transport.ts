import { ConnectionError, TimeoutError } from "@effect-chatkit/core/ChatKitError"
import type * as Headers from "@effect/platform/Headers"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { describe, safeCause, scrub } from "./redact.js"
import { timeoutFail } from "./timeout.js"

/**
 * What one attempt got back: the status, the headers and the whole body as text.
 *
 * @internal
 */
export interface Answer {
  readonly status: number
  readonly headers: Headers.Headers
  readonly body: string
}

/**
 * Why one attempt got no answer, and whether trying again may help.
 *
 * @internal
 */
export interface NoAnswer {
  readonly error: ConnectionError | TimeoutError
  readonly retryable: boolean
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
): NoAnswer => {
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

// The body is read as bytes, not with `response.text`: the platform keeps that text, and shows it as JSON
// wherever the response is inspected (the exit of its `http.client` span, logs), client secrets included.
const utf8 = new TextDecoder()

/**
 * Sends a request once and reads the whole body, all within `timeout`. Transport failures become a
 * `ConnectionError`, running out of time a `TimeoutError`; neither message holds the secret.
 *
 * @internal
 */
export const attempt = (
  client: HttpClient.HttpClient,
  request: HttpClientRequest.HttpClientRequest,
  options: { readonly target: Target; readonly timeout: Duration.Duration; readonly secret: string }
): Effect.Effect<Answer, NoAnswer> =>
  client.execute(request).pipe(
    Effect.flatMap((response) =>
      Effect.map(
        response.arrayBuffer,
        (bytes): Answer => ({ status: response.status, headers: response.headers, body: utf8.decode(bytes) })
      )
    ),
    Effect.mapError((error) => connectionError(options.target, options.secret, error)),
    (self) =>
      timeoutFail(self, {
        duration: options.timeout,
        onTimeout: (): NoAnswer => ({
          error: new TimeoutError({
            message: `Request timed out after ${
              Duration.format(options.timeout)
            } on ${options.target.method} ${options.target.path}.`,
            timeout: options.timeout
          }),
          retryable: true
        })
      })
  )
