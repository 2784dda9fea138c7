import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import * as Page from "@effect-chatkit/core/Page"
import * as Session from "@effect-chatkit/core/Session"
import * as SessionParams from "@effect-chatkit/core/SessionParams"
import * as SessionsService from "@effect-chatkit/core/SessionsService"
import * as Thread from "@effect-chatkit/core/Thread"
import * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import * as Wire from "@effect-chatkit/core/Wire"
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Clock from "effect/Clock"
import * as Config from "effect/Config"
import * as Effect from "effect/Effect"
import type * as Either from "effect/Either"
import { identity } from "effect/Function"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type * as ChatKitClient from "../ChatKitClient.js"
import { decoder, parseOptions, schemaDecode } from "./decode.js"
import { defaultBaseUrl, resolve } from "./options.js"
import { scrub } from "./redact.js"
import { defaultSchedule, type Failure, policy, shouldRetry } from "./retry.js"
import { fromAnswer, requestedDelay } from "./statusError.js"
import { type Answer, attempt, type Target } from "./transport.js"
import { userAgent } from "./version.js"

// pages and threads take core's fast decoders, which answer exactly as the schema (values and errors), many
// times faster
const decodeThreadPage = decoder(Page.decodeThreadPage(parseOptions))
const decodeItemPage = decoder(Page.decodeThreadItemPage(parseOptions))
const decodeThread = decoder(Thread.decodeThread(parseOptions))
const decodeThreadDeleted = decoder(schemaDecode(Thread.ThreadDeleted))

// the client secret must not reach an error's message, even when the rest of the session fails to decode; the
// error still carries the session's id and secret (Redacted), so that a created session is never lost
const decodeSession = decoder(schemaDecode(Session.ChatSession), {
  secretKeys: ["client_secret"],
  recover: Session.recoverable
})

// parameters reach the operation validated: encoding cannot fail, and writes only the keys that were set
const encodeCreateParams = Schema.encodeSync(SessionParams.CreateSessionParams)

/** What a request carries besides its method and path. */
interface Content {
  /** The query string, without `?`, as `URLSearchParams` writes it; empty for none. */
  readonly query?: string | undefined
  /** A JSON body, sent as `application/json`. */
  readonly json?: string | undefined
}

/** @internal */
export const make = Effect.fnUntraced(function*(options: ChatKitClient.Options) {
  const { baseUrl, maxResponseBytes, maxRetries, timeout } = yield* resolve(options)
  const secret = Redacted.value(options.apiKey)
  const scrubSecret = scrub(secret)
  // the same on every request: built once
  const headers = Headers.fromInput({
    "openai-beta": "chatkit_beta=v1",
    "user-agent": userAgent,
    ...(options.organization === undefined ? {} : { "openai-organization": options.organization }),
    ...(options.project === undefined ? {} : { "openai-project": options.project }),
    ...options.headers
  })
  // composed as the platform's own clients are; measured against one prebuilt request per method (the URL and
  // every header set once): no difference beyond noise, so the usual combinators stay
  const client = (yield* HttpClient.HttpClient).pipe(
    HttpClient.mapRequest((request) =>
      request.pipe(
        HttpClientRequest.prependUrl(baseUrl),
        HttpClientRequest.acceptJson,
        HttpClientRequest.setHeaders(headers),
        HttpClientRequest.bearerToken(options.apiKey)
      )
    ),
    options.transformClient ?? identity
  )
  const retryPolicy = policy(maxRetries, options.retrySchedule ?? defaultSchedule)
  const attemptOptions = { timeout, maxResponseBytes, secret }

  const answered = (answer: Answer, retries: number) =>
    Effect.annotateCurrentSpan({
      "http.response.status_code": answer.status,
      "chatkit.retries": retries,
      ...(answer.requestId === undefined ? {} : { "chatkit.request_id": answer.requestId })
    })

  const failure = (answer: Answer): Effect.Effect<never, Failure> =>
    Effect.flatMap(Clock.currentTimeMillis, (now) => {
      const delay = requestedDelay(answer.headers, now)
      return Effect.fail({
        error: fromAnswer(answer, { requestedDelay: delay, scrub: scrubSecret }),
        retryable: shouldRetry(answer.status, answer.headers["x-should-retry"]),
        requestedDelay: delay
      })
    })

  const send = <A>(
    target: Target,
    decode: (answer: Answer, target: Target) => Either.Either<A, ChatKitError.ResponseDecodeError>,
    content: Content = {}
  ): Effect.Effect<A, ChatKitError.RequestError> => {
    const query = content.query ?? ""
    const request = HttpClientRequest.make(target.method)(
      query.length === 0 ? target.path : `${target.path}?${query}`
    ).pipe(content.json === undefined ? identity : HttpClientRequest.bodyText(content.json, "application/json"))
    const once = (retries: number) =>
      Effect.flatMap(
        attempt(client, request, { ...attemptOptions, target }),
        (answer) =>
          Effect.zipRight(
            answered(answer, retries),
            answer.status >= 200 && answer.status < 300
              ? Effect.mapError(decode(answer, target), (error): Failure => ({ error, retryable: false }))
              : failure(answer)
          )
      )
    return Effect.suspend(() => {
      let retries = 0
      return Effect.retry(Effect.suspend(() => once(retries++)), retryPolicy)
    }).pipe(Effect.mapError((failure) => failure.error))
  }

  const threads = ThreadsService.make({
    list: (params) =>
      send({ method: "GET", path: Wire.path(Wire.listThreads) }, decodeThreadPage, {
        query: Wire.query(Wire.listThreads, params)
      }),
    retrieve: (threadId) =>
      Effect.flatMap(Wire.path(Wire.retrieveThread, threadId), (path) => send({ method: "GET", path }, decodeThread)),
    delete: (threadId) =>
      Effect.flatMap(
        Wire.path(Wire.deleteThread, threadId),
        (path) => send({ method: "DELETE", path }, decodeThreadDeleted)
      ),
    listItems: (threadId, params) =>
      Effect.flatMap(
        Wire.path(Wire.listItems, threadId),
        (path) => send({ method: "GET", path }, decodeItemPage, { query: Wire.query(Wire.listItems, params) })
      )
  })

  const sessions = SessionsService.make({
    create: (params) =>
      Effect.suspend(() =>
        send({ method: "POST", path: Wire.path(Wire.createSession) }, decodeSession, {
          json: JSON.stringify(encodeCreateParams(params))
        })
      ),
    cancel: (sessionId) =>
      Effect.flatMap(
        Wire.path(Wire.cancelSession, sessionId),
        (path) => send({ method: "POST", path }, decodeSession)
      )
  })

  return { threads, sessions } satisfies ChatKitClient.Services
})

const optionalEnv = (name: string): Config.Config<string | undefined> =>
  Config.string(name).pipe(
    Config.option,
    Config.map((value) => Option.getOrUndefined(Option.filter(value, (s) => s.trim().length > 0)))
  )

/** @internal */
export const baseUrlConfig: Config.Config<string> = Config.map(
  optionalEnv("OPENAI_BASE_URL"),
  (baseUrl) => baseUrl ?? defaultBaseUrl
)

/** @internal */
export const makeConfig = (options: ChatKitClient.ConfigOptions) => {
  const { headers, retrySchedule, transformClient } = options
  return Config.all({
    apiKey: options.apiKey ?? Config.redacted("OPENAI_API_KEY"),
    baseUrl: options.baseUrl ?? baseUrlConfig,
    organization: options.organization ?? optionalEnv("OPENAI_ORG_ID"),
    project: options.project ?? optionalEnv("OPENAI_PROJECT_ID"),
    maxRetries: options.maxRetries ?? Config.succeed(undefined),
    timeout: options.timeout ?? Config.succeed(undefined),
    maxResponseBytes: options.maxResponseBytes ?? Config.succeed(undefined)
  }).pipe(Effect.flatMap((config) => make({ ...config, headers, retrySchedule, transformClient })))
}
