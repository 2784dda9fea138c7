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
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { parse } from "./serverQuery.js"
import type { ApiRoute } from "./serverRoutes.js"
import { decodeId } from "./serverRoutes.js"
import type { Answer } from "./serverWire.js"
import { fromError, jsonText } from "./serverWire.js"
import type { ThreadsNow } from "./threadsFake.js"
import * as WireJson from "./wireJson.js"

// what the service's validation accepts: core's schemas, unknown keys rejected
const options = { onExcessProperty: "error" } as const
const threadsParams = Schema.decodeUnknownOption(ListParams.ListThreadsParams, options)
const itemsParams = Schema.decodeUnknownOption(ListParams.ListItemsParams, options)

const validParams = <P>(search: string, valid: (query: unknown) => Option.Option<P>): P | undefined => {
  const query = parse(search)
  return Either.isLeft(query) ? undefined : Option.getOrUndefined(valid(query.right))
}

const validId = (raw: string): string | undefined => {
  const id = decodeId(raw)
  return Either.isRight(id) && id.right.length > 0 ? id.right : undefined
}

const answer = <A>(
  result: Either.Either<Page.Page<A>, ChatKitError> | undefined,
  text: (page: Page.Page<A>) => string
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
      const params = validParams(search, threadsParams)
      return params === undefined ? undefined : answer(now.list(params), WireJson.threadPage)
    }
    case "Items": {
      const id = validId(route.id)
      const params = id === undefined ? undefined : validParams(search, itemsParams)
      return id === undefined || params === undefined
        ? undefined
        : answer(now.listItems(id, params), WireJson.itemPage)
    }
    default:
      return undefined
  }
}
