/**
 * The fake server's side of `node:http`: listening for the life of a scope, reading the JSON body of a
 * request and writing an answer.
 *
 * @internal
 */
import { BadRequestError } from "@effect-chatkit/core/ChatKitError"
import { ServeError } from "@effect/platform/HttpServerError"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import type * as Http from "node:http"
import type * as Net from "node:net"
import type { Answer } from "./serverWire.js"

const notJson = new BadRequestError({
  message: "We could not parse the JSON body of your request.",
  type: "invalid_request_error",
  param: null,
  code: "invalid_value"
})

const text = (request: Http.IncomingMessage): Effect.Effect<string, BadRequestError> =>
  Effect.async((resume) => {
    const chunks: Array<Buffer> = []
    request.on("data", (chunk: Buffer) => chunks.push(chunk))
    request.once("end", () => resume(Effect.succeed(Buffer.concat(chunks).toString("utf8"))))
    request.once("error", () => resume(Effect.fail(notJson)))
  })

/**
 * The JSON body of the request; a body that is not JSON is a 400 in OpenAI's shape (`param` null).
 *
 * @internal
 */
export const jsonBody = (request: Http.IncomingMessage): Effect.Effect<unknown, BadRequestError> =>
  Effect.flatMap(text(request), (body) =>
    Effect.try({
      try: (): unknown => JSON.parse(body),
      catch: () => notJson
    }))

/**
 * Writes `answer` with its `x-request-id`, or destroys the socket for a dropped connection.
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
    "x-request-id": requestId
  })
  response.end(answer.body)
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
