/**
 * The fake server's request handling: routing, authentication, the beta header, one isolated `ChatKitFake`
 * (threads and sessions) per API key, random faults, request ids, and the rule that a defect is a 500 in OpenAI's shape and never
 * takes the server down.
 *
 * @internal
 */
import {
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  InternalServerError,
  RateLimitError
} from "@effect-chatkit/core/ChatKitError"
import type { ChatKitError } from "@effect-chatkit/core/ChatKitError"
import type * as Headers from "@effect/platform/Headers"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Random from "effect/Random"
import * as ChatKitFake from "../ChatKitFake.js"
import * as Admin from "./serverAdmin.js"
import * as Api from "./serverApi.js"
import { allowedMethods, invalidUrl, isAdmin, match, splitUrl } from "./serverRoutes.js"
import { errorResponse, fromError, internalError } from "./serverWire.js"

/**
 * The resolved options of one server.
 *
 * @internal
 */
export interface Config {
  readonly seed: number
  readonly apiKeys: ReadonlySet<string> | undefined
  readonly requireBetaHeader: boolean
  readonly faultRate: number
  readonly faultSeed: number
  readonly admin: boolean
}

/**
 * One server's handler and the admin of each key's store.
 *
 * @internal
 */
export interface Instance {
  readonly app: Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest>
  readonly fake: (apiKey: string) => Effect.Effect<ChatKitFake.Fake>
}

/**
 * The seed of a key's store: FNV-1a of the key mixed with the server's seed, so that every key has its own
 * ids and the same key always gets the same ones.
 *
 * @internal
 */
export const seedFor = (seed: number, apiKey: string): number => {
  let hash = 0x811c9dc5
  for (let index = 0; index < apiKey.length; index++) {
    hash = Math.imul(hash ^ apiKey.charCodeAt(index), 0x01000193)
  }
  return (hash ^ seed) | 0
}

const betaHeader = "chatkit_beta=v1"

const missingKey = new AuthenticationError({
  message: "You didn't provide an API key. You need to provide your API key in an Authorization header using " +
    "Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
  type: "invalid_request_error",
  param: null,
  code: null
})

const redact = (apiKey: string): string =>
  apiKey.length <= 8 ? "*".repeat(apiKey.length) : apiKey.slice(0, 3) + "*".repeat(8) + apiKey.slice(-4)

const incorrectKey = (apiKey: string) =>
  new AuthenticationError({
    message: `Incorrect API key provided: ${redact(apiKey)}.`,
    type: "invalid_request_error",
    param: null,
    code: "invalid_api_key"
  })

const missingBeta = new BadRequestError({
  message: "You must provide the 'OpenAI-Beta' header to access the ChatKit API. Please try again by setting " +
    `the header 'OpenAI-Beta: ${betaHeader}'.`,
  type: "invalid_request_error",
  param: null,
  code: "invalid_beta"
})

const bearer = /^\s*bearer\s+(\S+)\s*$/i

const methodNotAllowed = (method: string, pathname: string, allow: ReadonlyArray<string>) =>
  errorResponse(405, {
    message: `Method ${method} is not allowed on ${pathname}. Allowed: ${allow.join(", ")}.`,
    type: "invalid_request_error"
  }, { allow: allow.join(", ") })

const randomFaults: ReadonlyArray<ChatKitError> = [
  new RateLimitError({
    message: "Rate limit reached (random fault).",
    type: "requests",
    retryAfter: Duration.millis(10)
  }),
  new InternalServerError({ message: "The server had an error (random fault).", status: 500 }),
  new InternalServerError({ message: "The engine is currently overloaded (random fault).", status: 503 }),
  new ConnectionError({ message: "Dropped connection (random fault)." })
]

/**
 * The handler of one server.
 *
 * @internal
 */
export const make = (config: Config): Instance => {
  const fakes = new Map<string, ChatKitFake.Fake>()
  let requests = 0
  const random = Random.make(config.faultSeed)

  const fake = (apiKey: string): Effect.Effect<ChatKitFake.Fake> =>
    Effect.suspend(() => {
      const existing = fakes.get(apiKey)
      return existing !== undefined ? Effect.succeed(existing) : Effect.map(
        ChatKitFake.make({ seed: seedFor(config.seed, apiKey) }),
        (fresh) => {
          const raced = fakes.get(apiKey)
          if (raced !== undefined) return raced
          fakes.set(apiKey, fresh)
          return fresh
        }
      )
    })

  const authenticate = (headers: Headers.Headers): Effect.Effect<string, AuthenticationError> => {
    const apiKey = bearer.exec(headers["authorization"] ?? "")?.[1]
    if (apiKey === undefined) return Effect.fail(missingKey)
    return config.apiKeys === undefined || config.apiKeys.has(apiKey)
      ? Effect.succeed(apiKey)
      : Effect.fail(incorrectKey(apiKey))
  }

  const checkBeta = (headers: Headers.Headers): Effect.Effect<void, BadRequestError> =>
    !config.requireBetaHeader ||
      (headers["openai-beta"] ?? "").split(",").some((beta) => beta.trim() === betaHeader)
      ? Effect.void
      : Effect.fail(missingBeta)

  const randomFault: Effect.Effect<void, ChatKitError> = config.faultRate <= 0
    ? Effect.void
    : Effect.flatMap(random.next, (draw) =>
      draw >= config.faultRate
        ? Effect.void
        : Effect.flatMap(random.nextIntBetween(0, randomFaults.length), (kind) => Effect.fail(randomFaults[kind]!)))

  const respond = Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const [pathname, search] = splitUrl(request.url)
    const route = match(pathname, config.admin)
    if (route === undefined) return yield* Effect.fail(invalidUrl(request.method, pathname))
    const allow = allowedMethods[route._tag]
    if (!allow.includes(request.method)) return methodNotAllowed(request.method, pathname, allow)
    const store = yield* Effect.flatMap(authenticate(request.headers), fake)
    if (isAdmin(route)) return yield* Admin.handle(route, store)
    yield* checkBeta(request.headers)
    yield* randomFault
    return yield* Api.handle(route, request.method, search, store)
  })

  const app = Effect.suspend(() => {
    const requestId = `req_${String(++requests).padStart(6, "0")}`
    return respond.pipe(
      Effect.catchAll(fromError),
      Effect.catchAllCause((cause) =>
        Cause.isInterruptedOnly(cause)
          ? Effect.failCause(cause)
          : Effect.as(Effect.logError("ThreadsFakeServer: defect while answering a request", cause), internalError)
      ),
      Effect.map(HttpServerResponse.setHeader("x-request-id", requestId))
    )
  })

  return { app, fake }
}
