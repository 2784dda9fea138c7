/**
 * The fake server's hot path: the two lists answered at once, with no fiber and no span, when their input is
 * valid and no latency is set. Anything else (a bad id or query, a latency to sleep) is `undefined`: the
 * caller then goes through the fake's service, which validates and answers every error as always.
 *
 * @internal
 */
import type { ChatKitError } from "@effect-chatkit/core/ChatKitError"
import * as ListParams from "@effect-chatkit/core/ListParams"
import type * as Page from "@effect-chatkit/core/Page"
import * as Either from "effect/Either"
import type { Query } from "./serverQuery.js"
import { parse } from "./serverQuery.js"
import type { ApiRoute } from "./serverRoutes.js"
import { decodeId } from "./serverRoutes.js"
import type { Answer } from "./serverWire.js"
import { fromError, jsonText } from "./serverWire.js"
import type { ThreadsNow } from "./threadsFake.js"
import * as WireJson from "./wireJson.js"

/**
 * Whether the service's validation surely accepts a parsed query as list params as they are: only known
 * keys, each in its common form. Anything else (also what the service would accept in another form) is left
 * to the service.
 *
 * @internal
 */
export const isPlainListQuery = (
  query: Query,
  withUser: boolean
): query is Query & ListParams.ListThreadsParams => {
  for (const key in query) {
    const value = query[key]
    switch (key) {
      case "limit":
        if (!(typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= ListParams.maxLimit)) {
          return false
        }
        break
      case "order":
        if (value !== "asc" && value !== "desc") return false
        break
      case "after":
      case "before":
        if (typeof value !== "string" || value.length === 0) return false
        break
      case "user":
        if (!withUser || typeof value !== "string" || value.length === 0 || value.length > ListParams.maxUserLength) {
          return false
        }
        break
      default:
        return false
    }
  }
  return true
}

const validParams = (search: string, withUser: boolean): ListParams.ListThreadsParams | undefined => {
  const query = parse(search)
  return Either.isRight(query) && isPlainListQuery(query.right, withUser) ? query.right : undefined
}

const validId = (raw: string): string | undefined => {
  const id = decodeId(raw)
  return Either.isRight(id) && id.right.length > 0 ? id.right : undefined
}

const answer = <A>(
  result: Either.Either<Page.Page<A>, ChatKitError> | undefined,
  text: (page: Page.Page<A>) => Buffer
): Answer | undefined =>
  result === undefined ? undefined : Either.isLeft(result) ? fromError(result.left) : jsonText(200, text(result.right))

/**
 * The answer of `GET /v1/chatkit/threads` or `GET /v1/chatkit/threads/{id}/items` when it can be given at
 * once, else `undefined`. Throws where the service would die (an injected fault that is not an answer).
 *
 * @internal
 */
export const answerNow = (route: ApiRoute, search: string, now: ThreadsNow): Answer | undefined => {
  switch (route._tag) {
    case "Threads": {
      const params = validParams(search, true)
      return params === undefined ? undefined : answer(now.list(params), WireJson.threadPage)
    }
    case "Items": {
      const id = validId(route.id)
      const params = id === undefined ? undefined : validParams(search, false)
      return id === undefined || params === undefined
        ? undefined
        : answer(now.listItems(id, params), WireJson.itemPage)
    }
    default:
      return undefined
  }
}
