/**
 * The ChatKit endpoints of the fake server, served by the `ThreadsService` and `SessionsService` of the
 * caller's store. The services are the fake's, built with `ThreadsService.make` and `SessionsService.make`,
 * so they validate the parsed query and the JSON body exactly as a client validates its parameters.
 *
 * @internal
 */
import type { ChatKitError } from "@effect-chatkit/core/ChatKitError"
import type * as ListParams from "@effect-chatkit/core/ListParams"
import type * as SessionParams from "@effect-chatkit/core/SessionParams"
import * as Effect from "effect/Effect"
import type * as ChatKitFake from "../ChatKitFake.js"
import type { Query } from "./serverQuery.js"
import { parse, rejectAny } from "./serverQuery.js"
import type { ApiRoute } from "./serverRoutes.js"
import { decodeId } from "./serverRoutes.js"
import type { Answer } from "./serverWire.js"
import { json, jsonText } from "./serverWire.js"
import * as WireJson from "./wireJson.js"

const ok = <A>(encodeBody: (a: A) => unknown) => (a: A) => json(200, encodeBody(a))
const okText = <A>(text: (a: A) => Buffer) => (a: A) => jsonText(200, text(a))

// The parsed query is unchecked input: the service validates it (unknown keys included) before use.
const asThreadsParams = (query: Query) => query as ListParams.ListThreadsParams
const asItemsParams = (query: Query) => query as ListParams.ListItemsParams
// The body is unchecked input too: the service validates it (non-objects and unknown keys included).
const asSessionParams = (body: unknown) => body as SessionParams.CreateSessionParams

const noQuery = (search: string) => Effect.flatMap(parse(search), rejectAny)

/**
 * Answers `GET /v1/chatkit/threads`, `GET|DELETE /v1/chatkit/threads/{id}`,
 * `GET /v1/chatkit/threads/{id}/items`, `POST /v1/chatkit/sessions` (a JSON body) and
 * `POST /v1/chatkit/sessions/{id}/cancel` (any body, ignored). Only the lists take query parameters.
 * `jsonBody` reads the request's body (only creating a session does).
 *
 * @internal
 */
export const handle = (
  route: ApiRoute,
  method: string,
  search: string,
  fake: ChatKitFake.Fake,
  jsonBody: Effect.Effect<unknown, ChatKitError>
): Effect.Effect<Answer, ChatKitError> => {
  const service = fake.threads.service
  switch (route._tag) {
    case "Threads":
      return Effect.flatMap(parse(search), (query) => service.list(asThreadsParams(query))).pipe(
        Effect.map(okText(WireJson.threadPage))
      )
    case "Items":
      return Effect.all([decodeId(route.id), parse(search)]).pipe(
        Effect.flatMap(([id, query]) => service.listItems(id, asItemsParams(query))),
        Effect.map(okText(WireJson.itemPage))
      )
    case "Thread": {
      const id = Effect.zipLeft(decodeId(route.id), noQuery(search))
      return method === "DELETE"
        ? Effect.map(Effect.flatMap(id, service.delete), ok(WireJson.encode.threadDeleted))
        : Effect.map(Effect.flatMap(id, service.retrieve), okText(WireJson.thread))
    }
    case "Sessions":
      return noQuery(search).pipe(
        Effect.zipRight(jsonBody),
        Effect.flatMap((body) => fake.sessions.service.create(asSessionParams(body))),
        Effect.map(ok(WireJson.encode.session))
      )
    case "SessionCancel":
      return Effect.zipLeft(decodeId(route.id, "session_id"), noQuery(search)).pipe(
        Effect.flatMap(fake.sessions.service.cancel),
        Effect.map(ok(WireJson.encode.session))
      )
  }
}
