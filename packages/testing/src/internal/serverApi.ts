/**
 * The ChatKit Threads endpoints of the fake server, served by the `ThreadsService` of the caller's store.
 * The service is the fake's, built with `ThreadsService.make`, so it validates the parsed query exactly as
 * a client validates its parameters.
 *
 * @internal
 */
import type { ChatKitError } from "@effect-chatkit/core/ChatKitError"
import type * as ListParams from "@effect-chatkit/core/ListParams"
import type * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import type { Query } from "./serverQuery.js"
import { parse, rejectAny } from "./serverQuery.js"
import type { ApiRoute } from "./serverRoutes.js"
import { decodeId } from "./serverRoutes.js"
import { encode, json } from "./serverWire.js"

const ok = <A>(encodeBody: (a: A) => unknown) => (a: A) => json(200, encodeBody(a))

// The parsed query is unchecked input: the service validates it (unknown keys included) before use.
const asThreadsParams = (query: Query) => query as ListParams.ListThreadsParams
const asItemsParams = (query: Query) => query as ListParams.ListItemsParams

/**
 * Answers `GET /v1/chatkit/threads`, `GET|DELETE /v1/chatkit/threads/{id}` and
 * `GET /v1/chatkit/threads/{id}/items`. Retrieve and delete take no query parameters.
 *
 * @internal
 */
export const handle = (
  route: ApiRoute,
  method: string,
  search: string,
  service: ThreadsService.ThreadsService.Service
): Effect.Effect<HttpServerResponse.HttpServerResponse, ChatKitError> => {
  switch (route._tag) {
    case "Threads":
      return Effect.flatMap(parse(search), (query) => service.list(asThreadsParams(query))).pipe(
        Effect.map(ok(encode.threadPage))
      )
    case "Items":
      return Effect.all([decodeId(route.id), parse(search)]).pipe(
        Effect.flatMap(([id, query]) => service.listItems(id, asItemsParams(query))),
        Effect.map(ok(encode.itemPage))
      )
    case "Thread": {
      const id = Effect.zipLeft(decodeId(route.id), Effect.flatMap(parse(search), rejectAny))
      return method === "DELETE"
        ? Effect.map(Effect.flatMap(id, service.delete), ok(encode.threadDeleted))
        : Effect.map(Effect.flatMap(id, service.retrieve), ok(encode.thread))
    }
  }
}
