/**
 * The ChatKit endpoints of the fake server, read from core's `Wire` table and served by the `ThreadsService`
 * and `SessionsService` of the caller's store. Path ids, queries and bodies are read with `Wire`, which checks
 * them as a client checks its parameters, so the server's 400s say what client-side validation says.
 *
 * @internal
 */
import type { ChatKitError } from "@effect-chatkit/core/ChatKitError"
import * as Wire from "@effect-chatkit/core/Wire"
import * as Effect from "effect/Effect"
import type { ChatKitParts } from "./chatKitFake.js"
import type { Answer } from "./serverWire.js"
import { itemPage, ok, threadPage } from "./serverWire.js"

/**
 * The endpoints the fake server serves: all of `Wire.endpoints`.
 *
 * @internal
 */
export type Endpoint = (typeof Wire.endpoints)[number]

/**
 * The stores a request may use: the caller's to read (possibly shared until written), and the caller's own,
 * created on demand, to write. Requests reach the fake's operations, which take input checked by `Wire`
 * (the same schemas the fake's services check with).
 *
 * @internal
 */
export interface Stores {
  readonly read: () => ChatKitParts
  readonly write: () => ChatKitParts
}

const answers = {
  threadPage,
  thread: ok(Wire.retrieveThread.answer),
  threadDeleted: ok(Wire.deleteThread.answer),
  itemPage,
  session: ok(Wire.createSession.answer)
}

/**
 * Answers one request of an endpoint: its path id (raw), its query string and its JSON body (read only by
 * the endpoint that takes one), checked in that order.
 *
 * @internal
 */
export const handle = (
  endpoint: Endpoint,
  rawId: string,
  search: string,
  stores: Stores,
  jsonBody: Effect.Effect<unknown, ChatKitError>
): Effect.Effect<Answer, ChatKitError> => {
  switch (endpoint.name) {
    case "list":
      return Wire.parseQuery(endpoint, search).pipe(
        Effect.flatMap((params) => stores.read().threads.list(params)),
        Effect.map(answers.threadPage)
      )
    case "retrieve":
      return Effect.zipLeft(Wire.pathId(endpoint, rawId), Wire.parseQuery(endpoint, search)).pipe(
        Effect.flatMap((id) => stores.read().threads.retrieve(id)),
        Effect.map(answers.thread)
      )
    case "delete":
      return Effect.zipLeft(Wire.pathId(endpoint, rawId), Wire.parseQuery(endpoint, search)).pipe(
        Effect.flatMap((id) => stores.write().threads.delete(id)),
        Effect.map(answers.threadDeleted)
      )
    case "listItems":
      return Effect.all([Wire.pathId(endpoint, rawId), Wire.parseQuery(endpoint, search)]).pipe(
        Effect.flatMap(([id, params]) => stores.read().threads.listItems(id, params)),
        Effect.map(answers.itemPage)
      )
    case "create":
      return Wire.parseQuery(endpoint, search).pipe(
        Effect.zipRight(jsonBody),
        Effect.flatMap((body) => Wire.decodeBody(endpoint, body)),
        Effect.flatMap((params) => stores.write().sessions.create(params)),
        Effect.map(answers.session)
      )
    case "cancel":
      // the body is ignored, as the official SDK sends none
      return Effect.zipLeft(Wire.pathId(endpoint, rawId), Wire.parseQuery(endpoint, search)).pipe(
        Effect.flatMap((id) => stores.read().sessions.cancel(id)),
        Effect.map(answers.session)
      )
  }
}
