/**
 * The fake server's request handling, one effect per request: routing (core's `Wire` table and the admin
 * routes), authentication, the beta header, the store of each API key, random faults, request ids, a log line
 * per answer, and the rule that a defect is a 500 in OpenAI's shape and never takes the server down.
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
import * as Wire from "@effect-chatkit/core/Wire"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import * as FiberId from "effect/FiberId"
import { PCGRandom } from "effect/Utils"
import type * as Http from "node:http"
import type * as Net from "node:net"
import type * as ChatKitFake from "../ChatKitFake.js"
import type { ThreadsFake } from "../ThreadsFake.js"
import type { ChatKitParts } from "./chatKitFake.js"
import { makeChatKitFake } from "./chatKitFake.js"
import { inject, isInjected } from "./faults.js"
import * as Admin from "./serverAdmin.js"
import * as Api from "./serverApi.js"
import type { BodyLimits } from "./serverNode.js"
import { answerClientError, jsonBody, write } from "./serverNode.js"
import type { Answer } from "./serverWire.js"
import { errorAnswer, fromError, internalError } from "./serverWire.js"

/**
 * What the server logs of each request it answers.
 *
 * @internal
 */
export interface RequestLog {
  readonly method: string
  readonly path: string
  /** The status answered, or `"dropped"` for a connection dropped without an answer. */
  readonly status: number | "dropped"
  readonly millis: number
  /** The injected fault answered (queued by an admin, or random), as `<error tag>`, when there was one. */
  readonly fault: string | undefined
}

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
  readonly maxStores: number
  readonly maxSessionsPerKey: number
  readonly body: BodyLimits
  readonly log: ((entry: RequestLog) => Effect.Effect<void>) | undefined
  readonly beforeReading: ThreadsFake.BeforeReading | undefined
}

/**
 * Runs an effect in the server's scope (interrupted when the server closes).
 *
 * @internal
 */
export type Runner = (effect: Effect.Effect<void>) => Fiber.RuntimeFiber<void>

/**
 * One server's `node:http` handlers and the store of each key.
 *
 * @internal
 */
export interface Instance {
  readonly handler: (request: Http.IncomingMessage, response: Http.ServerResponse) => void
  readonly clientError: (error: Error, socket: Net.Socket) => void
  /** The key's own store, created (and seeded) on first use. */
  readonly store: (apiKey: string) => ChatKitParts
}

const betaHeader = "chatkit_beta=v1"

const missingKey = new AuthenticationError({
  message: "You didn't provide an API key. You need to provide your API key in an Authorization header using " +
    "Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
  type: "invalid_request_error",
  param: null,
  code: null
})

/**
 * A key as the server shows it: a key under 20 characters shows nothing of itself, a longer one its first 3
 * and last 4 characters around 8 stars.
 *
 * @internal
 */
export const maskKey = (apiKey: string): string =>
  apiKey.length < 20 ? "*".repeat(8) : apiKey.slice(0, 3) + "*".repeat(8) + apiKey.slice(-4)

const incorrectKey = (apiKey: string) =>
  new AuthenticationError({
    message: `Incorrect API key provided: ${maskKey(apiKey)}.`,
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

const randomFaults: ReadonlyArray<ChatKitError> = [
  new RateLimitError({
    message: "Rate limit reached (random fault).",
    type: "requests",
    retryAfter: Duration.millis(10)
  }),
  new InternalServerError({ message: "The server had an error (random fault).", status: 500 }),
  new InternalServerError({ message: "The engine is currently overloaded (random fault).", status: 503 }),
  new ConnectionError({ message: "Dropped connection (random fault)." })
].map(inject)

const logDefect = (cause: Cause.Cause<unknown>) =>
  Effect.logError("ChatKitFakeServer: defect while answering a request", cause)

const matchApi = Wire.matcher(Wire.endpoints, Wire.basePath)
const matchAdmin = Wire.matcher(Admin.routes, "/_admin")

/**
 * The stores of the keys. A key's store costs nothing until the key writes: reads of a key without a store
 * of its own are answered from one shared store, seeded once and never written. The first write (a delete, a
 * session, any admin call) gives the key its own store, seeded afresh from the same seed, so it holds the
 * same ids. With any key accepted, at most `maxStores` keys have their own store: making one more drops the
 * least recently used one.
 */
const makeStores = (config: Config) => {
  const own = new Map<string, ChatKitParts>()
  let shared: ChatKitParts | undefined

  const fresh = (): ChatKitParts => {
    const parts = makeChatKitFake(config.seed, {
      maxSessions: config.maxSessionsPerKey,
      beforeReading: config.beforeReading
    })
    if (config.seedStore !== undefined) Effect.runSync(config.seedStore(parts.fake))
    return parts
  }

  const used = (apiKey: string): ChatKitParts | undefined => {
    const fake = own.get(apiKey)
    if (fake !== undefined) {
      own.delete(apiKey)
      own.set(apiKey, fake)
    }
    return fake
  }

  const write = (apiKey: string): ChatKitParts => {
    let fake = used(apiKey)
    if (fake === undefined) {
      fake = fresh()
      own.set(apiKey, fake)
      if (config.apiKeys === undefined && own.size > config.maxStores) {
        for (const key of own.keys()) {
          own.delete(key)
          break
        }
      }
    }
    return fake
  }

  const read = (apiKey: string): ChatKitParts => used(apiKey) ?? (shared ??= fresh())

  return { read, write }
}

interface Outcome {
  readonly answer: Answer
  readonly fault: string | undefined
}

/**
 * The handler of one server: every request runs as one effect with `run`. A client's mistake is a 4xx in
 * OpenAI's shape; a defect (thrown or died) is logged and answered with a 500.
 *
 * @internal
 */
export const make = (config: Config, run: Runner): Instance => {
  const stores = makeStores(config)
  const { log } = config
  let requests = 0
  const random = new PCGRandom(config.faultSeed | 0)

  const authenticate = (request: Http.IncomingMessage): Effect.Effect<string, AuthenticationError> => {
    const apiKey = bearer.exec(header(request, "authorization"))?.[1]
    if (apiKey === undefined) return Effect.fail(missingKey)
    return config.apiKeys === undefined || config.apiKeys.has(apiKey)
      ? Effect.succeed(apiKey)
      : Effect.fail(incorrectKey(apiKey))
  }

  const checkBeta = (request: Http.IncomingMessage): Effect.Effect<void, BadRequestError> =>
    !config.requireBetaHeader || header(request, "openai-beta").split(",").some((beta) => beta.trim() === betaHeader)
      ? Effect.void
      : Effect.fail(missingBeta)

  const randomFault: Effect.Effect<void, ChatKitError> = Effect.suspend(() => {
    if (config.faultRate <= 0 || random.number() >= config.faultRate) return Effect.void
    const fault = randomFaults[random.integer(randomFaults.length)]
    return fault === undefined ? Effect.void : Effect.fail(fault)
  })

  const respond = (request: Http.IncomingMessage, method: string, pathname: string, search: string) => {
    const body = jsonBody(request, config.body)
    if (config.admin && pathname.startsWith("/_admin/")) {
      const found = matchAdmin(method, pathname)
      if (found._tag !== "Found") return unmatched(found, method, pathname)
      return Effect.flatMap(
        authenticate(request),
        (apiKey) => Admin.handle(found.route, found.id, stores.write(apiKey).fake, body)
      )
    }
    const found = matchApi(method, pathname)
    if (found._tag !== "Found") return unmatched(found, method, pathname)
    return authenticate(request).pipe(
      Effect.zipLeft(checkBeta(request)),
      Effect.zipLeft(randomFault),
      Effect.flatMap((apiKey) =>
        Api.handle(found.route, found.id, search, {
          read: () => stores.read(apiKey),
          write: () => stores.write(apiKey)
        }, body)
      )
    )
  }

  const answer = (request: Http.IncomingMessage, method: string, pathname: string, search: string) =>
    Effect.suspend(() => respond(request, method, pathname, search)).pipe(
      Effect.map((answer): Outcome => ({ answer, fault: undefined })),
      Effect.catchAll((error) =>
        Effect.sync((): Outcome => ({ answer: fromError(error), fault: isInjected(error) ? error._tag : undefined }))
      ),
      Effect.catchAllCause((cause) =>
        Cause.isInterruptedOnly(cause)
          ? Effect.failCause(cause)
          : Effect.as(logDefect(cause), { answer: internalError, fault: undefined })
      )
    )

  const handler = (request: Http.IncomingMessage, response: Http.ServerResponse) => {
    const requestId = `req_${String(++requests).padStart(6, "0")}`
    const started = performance.now()
    const method = request.method ?? ""
    const url = request.url ?? ""
    const query = url.indexOf("?")
    const pathname = query < 0 ? url : url.slice(0, query)
    const search = query < 0 ? "" : url.slice(query + 1)
    const fiber = run(Effect.flatMap(answer(request, method, pathname, search), ({ answer, fault }) =>
      Effect.zipRight(
        Effect.sync(() => write(request, response, answer, requestId)),
        log === undefined ? Effect.void : Effect.suspend(() =>
          log({
            method,
            path: pathname,
            status: answer._tag === "Drop" ? "dropped" : answer.status,
            millis: performance.now() - started,
            fault
          })
        )
      )))
    // a client that goes away before its answer interrupts the work for it
    response.once("close", () => {
      if (!response.writableFinished) fiber.unsafeInterruptAsFork(FiberId.none)
    })
  }

  const clientError = (error: Error, socket: Net.Socket) =>
    answerClientError(error, socket, `req_${String(++requests).padStart(6, "0")}`)

  return { handler, clientError, store: stores.write }
}

const unmatched = (
  found: Exclude<Wire.Match<Wire.Route>, { readonly _tag: "Found" }>,
  method: string,
  pathname: string
): Effect.Effect<Answer, ChatKitError> =>
  found._tag === "NotFound"
    ? Effect.fail(Wire.invalidUrl(method, pathname))
    : Effect.succeed(errorAnswer(405, Wire.methodNotAllowed(method, pathname, found.allow), {
      allow: found.allow.join(", ")
    }))
