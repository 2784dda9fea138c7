/** The HTTP servers the benchmarks talk to, all on 127.0.0.1. Each runs in its own process (see `child.ts`). */
import { Effect } from "effect"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import * as fixtures from "./fixtures.js"

/** What a server process should serve. */
export type Spec =
  | { readonly kind: "pages"; readonly threads: number; readonly items: number; readonly limit: number }
  | { readonly kind: "bytes"; readonly body: string; readonly contentType: string }
  | { readonly kind: "fake"; readonly threads: number; readonly apiKey: string }

const listen = (server: Http.Server): Promise<number> =>
  new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)))

const answer = (response: Http.ServerResponse, status: number, body: Buffer, contentType = "application/json") => {
  response.writeHead(status, { "content-type": contentType, "content-length": body.length })
  response.end(body)
}

const afterOf = (url: string): string => {
  const query = url.indexOf("?")
  return query < 0 ? "" : new URLSearchParams(url.slice(query + 1)).get("after") ?? ""
}

/**
 * Pre-built pages (bytes prepared in advance): `GET /v1/chatkit/threads` and
 * `GET /v1/chatkit/threads/{id}/items` answer the page after the `after` cursor (`limit` is fixed by the
 * spec); `GET /v1/chatkit/threads/{id}` answers one thread.
 */
const pagesServer = (spec: Extract<Spec, { readonly kind: "pages" }>): Http.Server => {
  const threads = fixtures.threads(spec.threads)
  const threadPages = fixtures.pages(threads, spec.limit)
  const itemPages = fixtures.pages(fixtures.items(spec.items), spec.limit)
  const thread = Buffer.from(JSON.stringify(threads[0] ?? fixtures.threads(1)[0]))
  const notFound = Buffer.from(JSON.stringify({
    error: { message: "Not found", type: "invalid_request_error", param: null, code: null }
  }))
  return Http.createServer((request, response) => {
    const url = request.url ?? "/"
    const path = url.split("?")[0]!
    const body = path === "/v1/chatkit/threads"
      ? threadPages.get(afterOf(url))
      : path.endsWith("/items")
      ? itemPages.get(afterOf(url))
      : path.startsWith("/v1/chatkit/threads/")
      ? thread
      : undefined
    if (body === undefined) answer(response, 404, notFound)
    else answer(response, 200, body)
  })
}

/** The floor of a server: the same bytes for every request, with nothing else done. */
const bytesServer = (spec: Extract<Spec, { readonly kind: "bytes" }>): Http.Server => {
  const body = Buffer.from(spec.body)
  return Http.createServer((_request, response) => answer(response, 200, body, spec.contentType))
}

/**
 * The fake server, its store of `apiKey` seeded with `threads` threads. Resolves with the port. (Loaded only
 * here, so that the other servers start without it.)
 */
const fakeServer = async (spec: Extract<Spec, { readonly kind: "fake" }>): Promise<number> => {
  const ChatKitFakeServer = await import("@effect-chatkit/testing/ChatKitFakeServer")
  return new Promise((resolve, reject) => {
    Effect.runFork(
      Effect.gen(function*() {
        const server = yield* ChatKitFakeServer.ChatKitFakeServer
        const admin = yield* server.admin(spec.apiKey)
        for (let i = 0; i < spec.threads; i++) {
          yield* admin.createThread({ user: `user_${i % 10}`, title: `Thread ${i}`, createdAt: 1_750_000_000 + i })
        }
        resolve(Number(new URL(server.origin).port))
        return yield* Effect.never
      }).pipe(
        Effect.provide(ChatKitFakeServer.layer()),
        Effect.catchAllCause((cause) => Effect.sync(() => reject(new Error(String(cause)))))
      )
    )
  })
}

/** Starts the server of `spec` in this process and resolves with its port. */
export const start = (spec: Spec): Promise<number> => {
  switch (spec.kind) {
    case "pages":
      return listen(pagesServer(spec))
    case "bytes":
      return listen(bytesServer(spec))
    case "fake":
      return fakeServer(spec)
  }
}
