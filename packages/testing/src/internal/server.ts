/**
 * The fake server's request path, one effect per request: routing (core's `Wire` table and the admin routes),
 * authentication, the beta header, the store of each API key, random faults, the endpoints, request ids, a
 * log line per answer, and the rule that a defect is a 500 in OpenAI's shape and never takes the server down.
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
import type { ServeError } from "@effect/platform/HttpServerError"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Fiber from "effect/Fiber"
import * as FiberId from "effect/FiberId"
import * as FiberSet from "effect/FiberSet"
import * as Option from "effect/Option"
import * as RuntimeFlags from "effect/RuntimeFlags"
import * as RuntimeFlagsPatch from "effect/RuntimeFlagsPatch"
import type * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import { PCGRandom } from "effect/Utils"
import * as Http from "node:http"
import type * as Net from "node:net"
import type { Options, Server } from "../ChatKitFakeServer.js"
import type { ChatKitParts } from "./chatKitFake.js"
import { makeChatKitFake } from "./chatKitFake.js"
import { inject, isInjected } from "./faults.js"
import * as Admin from "./serverAdmin.js"
import type { Answer } from "./serverWire.js"
import {
  answerClientError,
  errorAnswer,
  fromError,
  internalError,
  itemPage,
  jsonBody,
  listen,
  ok,
  threadPage,
  write
} from "./serverWire.js"

const illegal = (message: string) => new Cause.IllegalArgumentException(`ChatKitFakeServer: ${message}`)

const isCount = (n: number | undefined) => n === undefined || (Number.isSafeInteger(n) && n >= 1)

const check = (options: Options): Cause.IllegalArgumentException | undefined => {
  const { faultRate = 0 } = options
  if (!(faultRate >= 0 && faultRate <= 1)) return illegal(`faultRate must be between 0 and 1, got ${faultRate}`)
  if (!isCount(options.maxStores)) return illegal(`maxStores must be a positive integer`)
  if (!isCount(options.maxSessionsPerKey)) return illegal(`maxSessionsPerKey must be a positive integer`)
  if (!isCount(options.maxBodyBytes)) return illegal(`maxBodyBytes must be a positive integer`)
  return undefined
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

const unmatched = (
  found: Exclude<Wire.Match<Wire.Route>, { readonly _tag: "Found" }>,
  method: string,
  pathname: string
): Effect.Effect<Answer, ChatKitError> =>
  found._tag === "NotFound"
    ? Effect.fail(Wire.invalidUrl(method, pathname))
    : Effect.succeed(
      errorAnswer(405, Wire.methodNotAllowed(method, pathname, found.allow), ["allow", found.allow.join(", ")])
    )

/**
 * The stores of the keys. A key's store costs nothing until the key writes: reads of a key without a store
 * of its own are answered from one shared store, seeded once and never written. The first write (a delete, a
 * session, any admin call) gives the key its own store, seeded afresh from the same seed, so it holds the
 * same ids. With any key accepted, at most `maxStores` keys have their own store: making one more drops the
 * least recently used one.
 */
const makeStores = (options: Options, seed: number, bounded: boolean) => {
  const own = new Map<string, ChatKitParts>()
  const maxStores = options.maxStores ?? 100
  let shared: ChatKitParts | undefined

  const fresh = (): ChatKitParts => {
    const parts = makeChatKitFake(seed, {
      maxSessions: options.maxSessionsPerKey ?? 1000,
      beforeReading: options.beforeReading
    })
    if (options.seedStore !== undefined) Effect.runSync(options.seedStore(parts.fake))
    return parts
  }

  let newest: string | undefined
  const used = (apiKey: string): ChatKitParts | undefined => {
    const parts = own.get(apiKey)
    if (parts !== undefined && apiKey !== newest) {
      own.delete(apiKey)
      own.set(apiKey, parts)
      newest = apiKey
    }
    return parts
  }

  const write = (apiKey: string): ChatKitParts => {
    const known = used(apiKey)
    if (known !== undefined) return known
    const parts = fresh()
    own.set(apiKey, parts)
    newest = apiKey
    const [oldest] = own.keys()
    if (bounded && own.size > maxStores && oldest !== undefined) own.delete(oldest)
    return parts
  }

  const read = (apiKey: string): ChatKitParts => used(apiKey) ?? (shared ??= fresh())

  return { read, write }
}

/**
 * The stores of the keys (see `makeStores`): `read` answers from the key's own store or the shared one,
 * `write` gives the key its own.
 *
 * @internal
 */
export type Stores = ReturnType<typeof makeStores>

/**
 * A route the server answers: its method and path, how it reads its query string and its JSON body (not at
 * all when `undefined`), and what it does with the stores for the caller's key.
 *
 * @internal
 */
export interface Handler<Query = unknown, Body = unknown> extends Wire.Route {
  readonly readQuery: ((search: string) => Either.Either<Query, ChatKitError>) | undefined
  readonly readBody: ((json: unknown) => Either.Either<Body, ChatKitError>) | undefined
  run(stores: Stores, apiKey: string, id: string, query: Query, body: Body): Effect.Effect<Answer, ChatKitError>
}

// an endpoint of core's `Wire` table: its query and body read with `Wire`, its answer written with its answer
// schema (or `write`)
const endpoint = <
  Query extends Schema.Schema.AnyNoContext,
  Body extends Schema.Schema.AnyNoContext | undefined,
  Value extends Schema.Schema.AnyNoContext
>(
  wire: Wire.Endpoint<string | undefined, Query, Body, Value>,
  run: (
    stores: Stores,
    apiKey: string,
    id: string,
    query: Query["Type"],
    body: Body extends Schema.Schema.AnyNoContext ? Body["Type"] : undefined
  ) => Effect.Effect<Value["Type"], ChatKitError>,
  write: (value: Value["Type"]) => Answer = ok(wire.answer)
): Handler => {
  const { body } = wire
  const withBody = body === undefined ? undefined : { ...wire, body }
  return {
    ...wire,
    readQuery: (search) => Wire.parseQuery(wire, search),
    readBody: withBody === undefined ? undefined : (json) => Wire.decodeBody(withBody, json),
    run: (stores, apiKey, id, query, body) =>
      Effect.map(run(stores, apiKey, id, query, body as Parameters<typeof run>[4]), write)
  }
}

// the endpoints of core's `Wire` table, as the fake answers them
const endpoints: ReadonlyArray<Handler> = [
  endpoint(Wire.listThreads, (stores, apiKey, _, query) => stores.read(apiKey).threads.list(query), threadPage),
  endpoint(Wire.retrieveThread, (stores, apiKey, id) => stores.read(apiKey).threads.retrieve(id)),
  endpoint(Wire.deleteThread, (stores, apiKey, id) => stores.write(apiKey).threads.delete(id)),
  endpoint(Wire.listItems, (stores, apiKey, id, query) => stores.read(apiKey).threads.listItems(id, query), itemPage),
  endpoint(Wire.createSession, (stores, apiKey, _, __, body) => stores.write(apiKey).sessions.create(body)),
  // the body is ignored, as the official SDK sends none
  endpoint(Wire.cancelSession, (stores, apiKey, id) => stores.read(apiKey).sessions.cancel(id))
]

const matchApi = Wire.matcher(endpoints, Wire.basePath)
const matchAdmin = Wire.matcher(Admin.routes, "/_admin")

// one request and what the server knows of it before it answers
interface Exchange {
  readonly request: Http.IncomingMessage
  readonly response: Http.ServerResponse
  readonly requestId: string
  readonly started: number
  readonly method: string
  readonly pathname: string
}

/**
 * The `node:http` handlers of one server: every request runs as one effect with `run`, from arrival to its
 * answer and log line. A client's mistake is a 4xx in OpenAI's shape; a defect (thrown or died) is logged and
 * answered with a 500.
 */
const handlers = (
  options: Options,
  stores: Stores,
  run: (effect: Effect.Effect<void>) => Fiber.RuntimeFiber<void>
) => {
  const { apiKeys, log } = options
  const keys = apiKeys === undefined ? undefined : new Set(apiKeys)
  const requireBeta = options.requireBetaHeader ?? true
  const faultRate = options.faultRate ?? 0
  const random = new PCGRandom((options.faultSeed ?? options.seed ?? 0) | 0)
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024
  let requests = 0
  const nextId = () => `req_${String(++requests).padStart(6, "0")}`

  const authenticate = (request: Http.IncomingMessage): Either.Either<string, ChatKitError> => {
    const apiKey = bearer.exec(request.headers.authorization ?? "")?.[1]
    if (apiKey === undefined) return Either.left(missingKey)
    return keys === undefined || keys.has(apiKey) ? Either.right(apiKey) : Either.left(incorrectKey(apiKey))
  }

  // the key, once past the key and the beta header, and unless a random fault (drawn in arrival order) hits
  const admit = (request: Http.IncomingMessage): Either.Either<string, ChatKitError> => {
    const apiKey = authenticate(request)
    if (Either.isLeft(apiKey)) return apiKey
    const beta = String(request.headers["openai-beta"] ?? "")
    if (requireBeta && beta !== betaHeader && !beta.split(",").some((value) => value.trim() === betaHeader)) {
      return Either.left(missingBeta)
    }
    if (faultRate <= 0 || random.number() >= faultRate) return apiKey
    const fault = randomFaults[random.integer(randomFaults.length)]
    return fault === undefined ? apiKey : Either.left(fault)
  }

  // a matched route: its path id (raw), its query string and its body, read in that order, then what it does
  const answer = (
    route: Handler,
    rawId: string,
    search: string,
    apiKey: string,
    request: Http.IncomingMessage
  ): Effect.Effect<Answer, ChatKitError> => {
    const { readBody, readQuery } = route
    const id = route.param === undefined ? Either.right("") : Wire.pathId(route as Wire.Route<string>, rawId)
    if (Either.isLeft(id)) return Effect.fail(id.left)
    const query = readQuery === undefined ? Either.right(undefined) : readQuery(search)
    if (Either.isLeft(query)) return Effect.fail(query.left)
    return readBody === undefined
      ? route.run(stores, apiKey, id.right, query.right, undefined)
      : Effect.flatMap(
        Effect.flatMap(jsonBody(request, maxBodyBytes), readBody),
        (body) => route.run(stores, apiKey, id.right, query.right, body)
      )
  }

  const respond = (
    request: Http.IncomingMessage,
    method: string,
    pathname: string,
    search: string
  ): Effect.Effect<Answer, ChatKitError> => {
    if (options.admin === true && pathname.startsWith("/_admin/")) {
      const found = matchAdmin(method, pathname)
      if (found._tag !== "Found") return unmatched(found, method, pathname)
      return Effect.flatMap(authenticate(request), (apiKey) => answer(found.route, found.id, search, apiKey, request))
    }
    const found = matchApi(method, pathname)
    if (found._tag !== "Found") return unmatched(found, method, pathname)
    const admitted = admit(request)
    return Either.isLeft(admitted)
      ? Effect.fail(admitted.left)
      : answer(found.route, found.id, search, admitted.right, request)
  }

  // writes the answer (in a continuation of the request's fiber) and logs it
  const finish = (exchange: Exchange, answer: Answer, fault: string | undefined): Effect.Effect<void> => {
    write(exchange.request, exchange.response, answer, exchange.requestId)
    return log === undefined ? Effect.void : log({
      method: exchange.method,
      path: exchange.pathname,
      status: answer.status,
      millis: performance.now() - exchange.started,
      fault
    })
  }

  // the answer to a failure: a typed error's answer, or for a defect a 500 (logged)
  const settle = (exchange: Exchange, cause: Cause.Cause<ChatKitError>): Effect.Effect<void> => {
    const error = Option.getOrUndefined(Cause.failureOption(cause))
    const answer = error === undefined ? undefined : fromError(error)
    if (error !== undefined && answer !== undefined) {
      return finish(exchange, answer, isInjected(error) ? error._tag : undefined)
    }
    return Cause.isInterruptedOnly(cause)
      ? Effect.interrupt
      : Effect.zipRight(logDefect(cause), Effect.suspend(() => finish(exchange, internalError, undefined)))
  }

  const handler = (request: Http.IncomingMessage, response: Http.ServerResponse) => {
    const url = request.url ?? ""
    const query = url.indexOf("?")
    const exchange: Exchange = {
      request,
      response,
      requestId: nextId(),
      started: log === undefined ? 0 : performance.now(),
      method: request.method ?? "",
      pathname: query < 0 ? url : url.slice(0, query)
    }
    const search = query < 0 ? "" : url.slice(query + 1)
    const fiber = run(Effect.matchCauseEffect(
      Effect.suspend(() => respond(request, exchange.method, exchange.pathname, search)),
      { onFailure: (cause) => settle(exchange, cause), onSuccess: (answer) => finish(exchange, answer, undefined) }
    ))
    // a client that goes away before its answer interrupts the work for it (most answers are written already)
    if (fiber.unsafePoll() === null) {
      response.once("close", () => {
        if (!response.writableFinished) fiber.unsafeInterruptAsFork(FiberId.none)
      })
    }
  }

  return { handler, clientError: (error: Error, socket: Net.Socket) => answerClientError(error, socket, nextId()) }
}

const hostOf = (hostname: string): string =>
  hostname === "0.0.0.0" ? "127.0.0.1" : hostname.includes(":") ? `[${hostname}]` : hostname

/**
 * Serves the fake on a `node:http` server for as long as the scope lives; dies on invalid options.
 *
 * @internal
 */
export const serve = (options: Options): Effect.Effect<Server, ServeError, Scope.Scope> =>
  Effect.gen(function*() {
    const invalid = check(options)
    if (invalid !== undefined) return yield* Effect.die(invalid)
    const { apiKeys } = options
    const stores = makeStores(options, options.seed ?? 0, apiKeys === undefined)
    // request fibers keep no runtime metrics: counting each one's start, end and lifetime is work for no reader
    const run = yield* FiberSet.runtime(yield* FiberSet.make())<never>().pipe(
      Effect.withRuntimeFlagsPatch(RuntimeFlagsPatch.disable(RuntimeFlags.RuntimeMetrics))
    )
    const { clientError, handler } = handlers(options, stores, run)
    const server = Http.createServer(handler).on("clientError", clientError)
    const address = yield* listen(server, options.host ?? "127.0.0.1", options.port ?? 0)
    const origin = `http://${hostOf(address.address)}:${address.port}`
    const fake = (apiKey: string) =>
      apiKeys === undefined || apiKeys.includes(apiKey)
        ? Effect.sync(() => stores.write(apiKey).fake)
        : Effect.die(illegal(`'${apiKey}' is not one of apiKeys`))
    return {
      url: `${origin}/v1`,
      origin,
      admin: (apiKey) => Effect.map(fake(apiKey), (store) => store.threads.admin),
      sessionsAdmin: (apiKey) => Effect.map(fake(apiKey), (store) => store.sessions.admin)
    }
  })
