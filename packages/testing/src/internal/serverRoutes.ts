/**
 * The fake server's routes, matched by hand: literal segments compare raw, a path id is exactly one segment
 * and is percent-decoded (`cthr%201%2Fx` is `cthr 1/x`), and a known path with the wrong method is told
 * apart from an unknown path (405 with `Allow` instead of 404).
 *
 * @internal
 */
import { BadRequestError, NotFoundError } from "@effect-chatkit/core/ChatKitError"
import * as Either from "effect/Either"

/**
 * A matched path of the ChatKit API. `id` is the raw (still percent-encoded) segment.
 *
 * @internal
 */
export type ApiRoute =
  | { readonly _tag: "Threads" }
  | { readonly _tag: "Thread"; readonly id: string }
  | { readonly _tag: "Items"; readonly id: string }
  | { readonly _tag: "Sessions" }
  | { readonly _tag: "SessionCancel"; readonly id: string }

/**
 * A matched path of the admin API.
 *
 * @internal
 */
export type AdminRoute =
  | { readonly _tag: "AdminThreads" }
  | { readonly _tag: "AdminThread"; readonly id: string }
  | { readonly _tag: "AdminItems"; readonly id: string }
  | { readonly _tag: "AdminFaults" }
  | { readonly _tag: "AdminLatency" }
  | { readonly _tag: "AdminSnapshot" }

/**
 * @internal
 */
export type Route = ApiRoute | AdminRoute

/**
 * The methods each route answers.
 *
 * @internal
 */
export const allowedMethods: { readonly [Tag in Route["_tag"]]: ReadonlyArray<string> } = {
  Threads: ["GET"],
  Thread: ["GET", "DELETE"],
  Items: ["GET"],
  Sessions: ["POST"],
  SessionCancel: ["POST"],
  AdminThreads: ["POST"],
  AdminThread: ["POST"],
  AdminItems: ["POST"],
  AdminFaults: ["POST"],
  AdminLatency: ["POST"],
  AdminSnapshot: ["GET"]
}

/**
 * Whether a route belongs to the admin API (under `/_admin`).
 *
 * @internal
 */
export const isAdmin = (route: Route): route is AdminRoute => route._tag.startsWith("Admin")

const matchSessions = (rest: ReadonlyArray<string>): ApiRoute | undefined => {
  if (rest.length === 2) return { _tag: "Sessions" }
  return rest.length === 4 && rest[3] === "cancel" ? { _tag: "SessionCancel", id: rest[2]! } : undefined
}

const matchApi = (rest: ReadonlyArray<string>): ApiRoute | undefined => {
  if (rest[0] !== "chatkit") return undefined
  if (rest[1] === "sessions") return matchSessions(rest)
  if (rest[1] !== "threads") return undefined
  switch (rest.length) {
    case 2:
      return { _tag: "Threads" }
    case 3:
      return { _tag: "Thread", id: rest[2]! }
    case 4:
      return rest[3] === "items" ? { _tag: "Items", id: rest[2]! } : undefined
    default:
      return undefined
  }
}

const matchAdmin = (rest: ReadonlyArray<string>): AdminRoute | undefined => {
  switch (rest.join("/")) {
    case "threads":
      return { _tag: "AdminThreads" }
    case "faults":
      return { _tag: "AdminFaults" }
    case "latency":
      return { _tag: "AdminLatency" }
    case "snapshot":
      return { _tag: "AdminSnapshot" }
  }
  if (rest[0] !== "threads") return undefined
  if (rest.length === 2) return { _tag: "AdminThread", id: rest[1]! }
  return rest.length === 3 && rest[2] === "items" ? { _tag: "AdminItems", id: rest[1]! } : undefined
}

const threadsPath = "/v1/chatkit/threads"
const threadsRoute: ApiRoute = { _tag: "Threads" }

/**
 * The route of a path (without query), or `undefined`: `/v1/chatkit/...` always, `/_admin/...` only when
 * the admin routes are on. Empty segments (`//`, a trailing `/`) match nothing.
 *
 * @internal
 */
export const match = (pathname: string, admin: boolean): Route | undefined => {
  if (pathname === threadsPath) return threadsRoute // the most common request, at once
  const segments = pathname.split("/")
  if (segments[0] !== "" || segments.length < 2 || segments.slice(1).includes("")) return undefined
  const [, root, ...rest] = segments
  if (root === "v1") return matchApi(rest)
  return admin && root === "_admin" ? matchAdmin(rest) : undefined
}

/**
 * Splits a request target into its path and its query string (without `?`).
 *
 * @internal
 */
export const splitUrl = (url: string): readonly [pathname: string, search: string] => {
  const index = url.indexOf("?")
  return index < 0 ? [url, ""] : [url.slice(0, index), url.slice(index + 1)]
}

/**
 * The 404 of a path the server does not serve, worded as OpenAI words it.
 *
 * @internal
 */
export const invalidUrl = (method: string, pathname: string): NotFoundError =>
  new NotFoundError({
    message: `Invalid URL (${method} ${pathname})`,
    type: "invalid_request_error",
    param: null,
    code: null
  })

/**
 * A path id, percent-decoded; malformed percent-encoding is a 400 naming `param` (default `thread_id`).
 *
 * @internal
 */
export const decodeId = (
  raw: string,
  param: "thread_id" | "session_id" = "thread_id"
): Either.Either<string, BadRequestError> =>
  Either.try({
    try: () => decodeURIComponent(raw),
    catch: () =>
      new BadRequestError({
        message: `Invalid '${param}': malformed percent-encoding in '${raw}'.`,
        type: "invalid_request_error",
        param,
        code: "invalid_value"
      })
  })
