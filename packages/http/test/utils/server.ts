import { Context, Effect, Layer } from "effect"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"

/** A request as the server got it: the raw target (path and query, not normalized), the headers and the body. */
export interface Received {
  readonly method: string
  readonly target: string
  readonly headers: Http.IncomingHttpHeaders
  /** The body as text ("" when there is none). */
  readonly body: string
}

/** What to answer. */
export interface Reply {
  readonly status: number
  readonly body?: string | undefined
  readonly headers?: Record<string, string> | undefined
}

/** `undefined` leaves the request unanswered. */
export type Handler = (request: Received) => Reply | undefined

/** A `node:http` server on 127.0.0.1, any free port, that answers with the current handler. */
export class TestServer extends Context.Tag("@effect-chatkit/http/test/TestServer")<TestServer, {
  /** e.g. `http://127.0.0.1:PORT/v1` */
  readonly url: string
  /** Sets the handler and forgets the requests received so far; returns the list new requests go to. */
  readonly handle: (handler: Handler) => Effect.Effect<ReadonlyArray<Received>>
}>() {
  static readonly layer = Layer.scoped(
    TestServer,
    Effect.gen(function*() {
      let handler: Handler = () => ({ status: 500 })
      let received: Array<Received> = []
      const server = yield* Effect.acquireRelease(
        Effect.async<Http.Server>((resume) => {
          const server = Http.createServer((req, res) => {
            const chunks: Array<Buffer> = []
            req.on("data", (chunk: Buffer) => chunks.push(chunk))
            req.on("end", () => {
              const body = Buffer.concat(chunks).toString("utf8")
              const request = { method: req.method ?? "", target: req.url ?? "", headers: req.headers, body }
              received.push(request)
              const reply = handler(request)
              if (reply === undefined) return
              res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers })
              res.end(reply.body)
            })
          })
          server.listen(0, "127.0.0.1", () => resume(Effect.succeed(server)))
        }),
        (server) =>
          Effect.async<undefined>((resume) => {
            server.closeAllConnections()
            server.close(() => resume(Effect.succeed(undefined)))
          })
      )
      const { port } = server.address() as AddressInfo
      return {
        url: `http://127.0.0.1:${port}/v1`,
        handle: (next: Handler) =>
          Effect.sync(() => {
            handler = next
            received = []
            return received
          })
      }
    })
  )
}

/** JSON reply. */
export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body: JSON.stringify(body),
  headers
})
