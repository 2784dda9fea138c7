/**
 * The fake server's request handling: routing, authentication, the beta header, one isolated `ChatKitFake`
 * (threads and sessions) per API key, random faults, request ids, and the rule that a defect is a 500 in
 * OpenAI's shape and never takes the server down.
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
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Fiber from "effect/Fiber"
import * as FiberId from "effect/FiberId"
import * as Random from "effect/Random"
import type * as Http from "node:http"
import type * as ChatKitFake from "../ChatKitFake.js"
import type { ThreadsFake } from "../ThreadsFake.js"
import type { ChatKitParts } from "./chatKitFake.js"
import { makeChatKitFake } from "./chatKitFake.js"
import * as Admin from "./serverAdmin.js"
import * as Api from "./serverApi.js"
import { jsonBody, write } from "./serverNode.js"
import { answerNow } from "./serverNow.js"
import { allowedMethods, invalidUrl, isAdmin, match, splitUrl } from "./serverRoutes.js"
import type { Answer } from "./serverWire.js"
import { errorAnswer, fromError, internalError } from "./serverWire.js"

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
  readonly seedStore: ((fake: ChatKitFake.Fake) => Effect.Effect<void>) | undefined
  readonly beforeReading: ThreadsFake.BeforeReading | undefined
}

/**
 * Runs an effect in the server's scope (interrupted when the server closes).
 *
 * @internal
 */
export type Runner = (effect: Effect.Effect<void>) => Fiber.RuntimeFiber<void>

/**
 * One server's `node:http` request handler and the fake of each key.
 *
 * @internal
 */
export interface Instance {
  readonly handler: (request: Http.IncomingMessage, response: Http.ServerResponse) => void
  readonly fake: (apiKey: string) => ChatKitParts
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

const header = (request: Http.IncomingMessage, name: string): string => {
  const value = request.headers[name]
  return Array.isArray(value) ? value.join(", ") : value ?? ""
}

const methodNotAllowed = (method: string, pathname: string, allow: ReadonlyArray<string>) =>
  errorAnswer(405, {
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

const logDefect = (cause: Cause.Cause<unknown>) =>
  Effect.logError("ThreadsFakeServer: defect while answering a request", cause)

/**
 * The handler of one server. Everything up to the endpoint (route, method, key, beta header, random fault)
 * is decided at once, and so are the lists (`answerNow`); the other endpoints, a latency and the admin
 * routes run as effects with `run`. A defect (thrown or died) is logged and answered with a 500.
 *
 * @internal
 */
export const make = (config: Config, run: Runner): Instance => {
  const fakes = new Map<string, ChatKitParts>()
  let requests = 0
  const random = Random.make(config.faultSeed)

  const fake = (apiKey: string): ChatKitParts => {
    let parts = fakes.get(apiKey)
    if (parts === undefined) {
      parts = makeChatKitFake(seedFor(config.seed, apiKey), config.beforeReading)
      if (config.seedStore !== undefined) Effect.runSync(config.seedStore(parts.fake))
      fakes.set(apiKey, parts)
    }
    return parts
  }

  const authenticate = (request: Http.IncomingMessage): Either.Either<string, AuthenticationError> => {
    const apiKey = bearer.exec(header(request, "authorization"))?.[1]
    if (apiKey === undefined) return Either.left(missingKey)
    return config.apiKeys === undefined || config.apiKeys.has(apiKey)
      ? Either.right(apiKey)
      : Either.left(incorrectKey(apiKey))
  }

  const checkBeta = (request: Http.IncomingMessage): BadRequestError | undefined =>
    !config.requireBetaHeader || header(request, "openai-beta").split(",").some((beta) => beta.trim() === betaHeader)
      ? undefined
      : missingBeta

  const randomFault = (): ChatKitError | undefined =>
    config.faultRate <= 0 || Effect.runSync(random.next) >= config.faultRate
      ? undefined
      : randomFaults[Effect.runSync(random.nextIntBetween(0, randomFaults.length))]

  const dispatch = (request: Http.IncomingMessage): Answer | Effect.Effect<Answer, ChatKitError> => {
    const method = request.method ?? ""
    const [pathname, search] = splitUrl(request.url ?? "")
    const route = match(pathname, config.admin)
    if (route === undefined) return fromError(invalidUrl(method, pathname))
    const allow = allowedMethods[route._tag]
    if (!allow.includes(method)) return methodNotAllowed(method, pathname, allow)
    const apiKey = authenticate(request)
    if (Either.isLeft(apiKey)) return fromError(apiKey.left)
    const parts = fake(apiKey.right)
    if (isAdmin(route)) return Admin.handle(route, parts.fake, jsonBody(request))
    const refused = checkBeta(request) ?? randomFault()
    if (refused !== undefined) return fromError(refused)
    return answerNow(route, search, parts.now) ??
      Api.handle(route, method, search, parts.fake, jsonBody(request))
  }

  const later = (
    request: Http.IncomingMessage,
    response: Http.ServerResponse,
    answer: Effect.Effect<Answer, ChatKitError>,
    requestId: string
  ) => {
    const fiber = run(
      answer.pipe(
        Effect.catchAll((error) => Effect.sync(() => fromError(error))),
        Effect.catchAllCause((cause) =>
          Cause.isInterruptedOnly(cause) ? Effect.failCause(cause) : Effect.as(logDefect(cause), internalError)
        ),
        Effect.flatMap((answer) => Effect.sync(() => write(request, response, answer, requestId)))
      )
    )
    // a client that goes away before its answer interrupts the work for it
    response.once("close", () => {
      if (!response.writableFinished) fiber.unsafeInterruptAsFork(FiberId.none)
    })
  }

  const handler = (request: Http.IncomingMessage, response: Http.ServerResponse) => {
    const requestId = `req_${String(++requests).padStart(6, "0")}`
    try {
      const answer = dispatch(request)
      if (Effect.isEffect(answer)) later(request, response, answer, requestId)
      else write(request, response, answer, requestId)
    } catch (defect) {
      run(logDefect(Cause.die(defect)))
      write(request, response, internalError, requestId)
    }
  }

  return { handler, fake }
}
