/**
 * The production `ThreadsService` and `SessionsService`: OpenAI's ChatKit REST API over `@effect/platform`'s
 * `HttpClient`, sending what the official `openai` SDK sends and retrying as it does.
 *
 * Provide an `HttpClient` of your choice (undici on Node, fetch elsewhere):
 *
 * ```ts
 * import { ChatKitClient } from "@effect-chatkit/http"
 * import { SessionsService, ThreadsService } from "@effect-chatkit/core"
 * import { NodeHttpClient, NodeRuntime } from "@effect/platform-node"
 * import { Console, Effect, Layer, Stream } from "effect"
 *
 * // reads OPENAI_API_KEY, and OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_PROJECT_ID when set
 * const ChatKitLive = ChatKitClient.layerConfig().pipe(Layer.provide(NodeHttpClient.layerUndici))
 *
 * const program = Effect.gen(function*() {
 *   const threads = yield* ThreadsService.ThreadsService
 *   const page = yield* threads.list({ limit: 10, order: "desc" })
 *   yield* Console.log(`first page: ${page.data.length} threads, more: ${page.has_more}`)
 *   // every thread of one user, fetched page by page as the stream is pulled
 *   yield* threads.stream({ user: "user_123", limit: 100 }).pipe(
 *     Stream.runForEach((thread) => Console.log(thread.id, thread.title))
 *   )
 *   // a session for the ChatKit front end, which gets Redacted.value(session.client_secret)
 *   const session = yield* SessionsService.create({ user: "user_123", workflow: { id: "wf_123" } })
 *   yield* Console.log(session.id, session.client_secret) // the secret shows as <redacted>
 *   // cancelling revokes the client secret
 *   yield* SessionsService.cancel(session.id)
 * }).pipe(
 *   Effect.catchTags({
 *     NotFoundError: (error) => Console.error(`not found (request ${error.requestId})`),
 *     RateLimitError: (error) => Console.error(error.message)
 *   })
 * )
 *
 * program.pipe(Effect.provide(ChatKitLive), NodeRuntime.runMain)
 * ```
 *
 * @since 0.1.0
 */
import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import * as SessionsService from "@effect-chatkit/core/SessionsService"
import * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Redacted from "effect/Redacted"
import type * as Schedule from "effect/Schedule"
import * as internal from "./internal/client.js"
import * as internalOptions from "./internal/options.js"

/**
 * How to reach the API.
 *
 * - `apiKey`: sent as `Authorization: Bearer …`; it appears in no error, log line or span.
 * - `baseUrl`: default `https://api.openai.com/v1` (`defaultBaseUrl`); a trailing slash is fine. It must be an
 *   absolute http(s) URL without credentials, query or fragment (request paths are appended to it).
 * - `organization`, `project`: sent as `OpenAI-Organization` / `OpenAI-Project`, only when set.
 * - `maxRetries`: retries after the first attempt, a non-negative integer, default 2.
 *   Retried: 408, 409, 429, 5xx, connection errors and timeouts; a response header `x-should-retry: true` or
 *   `false` overrides the status either way. 400, 401, 403, 404 and 422 are never retried otherwise.
 * - `retrySchedule`: the wait between attempts, stepped once per retry with the error that caused it; when it
 *   ends, retrying stops (`maxRetries` still caps the count). Default: 0.5 s · 2ⁿ capped at 8 s, times a jitter
 *   factor in [0.75, 1] drawn from Effect's `Random`. Either way, a delay the server asks for with
 *   `retry-after-ms` or `retry-after` (seconds or an HTTP date) wins when it is above 0 and at most 60 s.
 * - `timeout`: per attempt, from sending to the end of the body, a positive duration, default 10 minutes; a
 *   timeout is a `TimeoutError` and is retried. `Duration.infinity` means none, and saves the race
 *   `Effect.timeoutFail` runs per attempt (two fibers; see bench/NOTES.md).
 * - `maxResponseBytes`: the largest response body read, a positive integer, default 128 MiB. A larger body is a
 *   `ResponseDecodeError` saying so, and is not read past the limit.
 * - `headers`: extra headers; they can override the defaults above (not `Authorization`).
 * - `transformClient`: applied to the client that adds the base URL and the headers above, before use
 *   (logging, proxies, tracing options). Each
 *   attempt keeps the platform's own `http.client` span and its trace propagation headers (`traceparent`,
 *   `b3`); they cost little next to a round trip. To drop them, pass
 *   `HttpClient.withTracerDisabledWhen(() => true)`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly apiKey: Redacted.Redacted
  readonly baseUrl?: string | undefined
  readonly organization?: string | undefined
  readonly project?: string | undefined
  readonly maxRetries?: number | undefined
  readonly retrySchedule?: Schedule.Schedule<unknown, ChatKitError.ChatKitError> | undefined
  readonly timeout?: Duration.DurationInput | undefined
  readonly maxResponseBytes?: number | undefined
  readonly headers?: Record<string, string> | undefined
  readonly transformClient?: ((client: HttpClient.HttpClient) => HttpClient.HttpClient) | undefined
}

/**
 * The options of `layerConfig`: each connection setting as a `Config` (defaults read the environment as the
 * official SDK does), the rest as plain values.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConfigOptions {
  /** Default: `Config.redacted("OPENAI_API_KEY")`. */
  readonly apiKey?: Config.Config<Redacted.Redacted> | undefined
  /** Default: `baseUrlConfig`. */
  readonly baseUrl?: Config.Config<string | undefined> | undefined
  /** Default: `OPENAI_ORG_ID` when set and not empty. */
  readonly organization?: Config.Config<string | undefined> | undefined
  /** Default: `OPENAI_PROJECT_ID` when set and not empty. */
  readonly project?: Config.Config<string | undefined> | undefined
  readonly maxRetries?: Config.Config<number | undefined> | undefined
  readonly timeout?: Config.Config<Duration.DurationInput | undefined> | undefined
  readonly maxResponseBytes?: Config.Config<number | undefined> | undefined
  readonly retrySchedule?: Options["retrySchedule"]
  readonly headers?: Options["headers"]
  readonly transformClient?: Options["transformClient"]
}

/**
 * The two services of one client: they share its `HttpClient`, key, headers, retries and timeout.
 *
 * @since 0.1.0
 * @category models
 */
export interface Services {
  readonly threads: ThreadsService.ThreadsService.Service
  readonly sessions: SessionsService.SessionsService.Service
}

/**
 * The API's base URL, used when none is given: `https://api.openai.com/v1`.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultBaseUrl: string = internalOptions.defaultBaseUrl

/**
 * The base URL from the environment, as the official SDK reads it: `OPENAI_BASE_URL` when it is set and not
 * blank, else `defaultBaseUrl`.
 *
 * @since 0.1.0
 * @category config
 */
export const baseUrlConfig: Config.Config<string> = internal.baseUrlConfig

/**
 * Builds both services. Options are checked first: a value an option does not take (`maxRetries: -1`, a
 * negative `timeout`, a base URL with a query) is a `ConfigError.InvalidData` naming the option. Parameters are validated and empty ids refused before anything is sent; each call
 * runs in a span `ThreadsService.<method>` or `SessionsService.<method>` annotated with the response status,
 * request id and retry count.
 *
 * A thread or session id is sent percent-encoded as exactly one path segment, whatever it holds (`/`, `%`,
 * `?`, spaces, unicode). The ids `.` and `..` are refused with a `BadRequestError` (`param: "thread_id"` or
 * `"session_id"`) without sending anything: URL parsers remove them, encoded or not, as dot segments, so
 * they would address another resource.
 *
 * `sessions.create` sends `POST /chatkit/sessions` with exactly the parameters that are set, as JSON. Like the
 * official SDK, it sends no idempotency key and is retried like every other call (408, 409, 429, 5xx, connection
 * errors, timeouts): when an attempt that reached the API is retried, a second session may be created. Set
 * `maxRetries: 0` on a client for sessions when that matters. The session's `client_secret` is `Redacted`,
 * and appears in no error or span, even when the rest of the session fails to decode.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: (
  options: Options
) => Effect.Effect<Services, ConfigError.ConfigError, HttpClient.HttpClient> = internal.make

/**
 * The services as a context, as `layer` provides them.
 *
 * @since 0.1.0
 * @category constructors
 */
export const context = (
  services: Services
): Context.Context<ThreadsService.ThreadsService | SessionsService.SessionsService> =>
  Context.make(ThreadsService.ThreadsService, services.threads).pipe(
    Context.add(SessionsService.SessionsService, services.sessions)
  )

/**
 * Provides `ThreadsService` and `SessionsService`, built by `make`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options
): Layer.Layer<
  ThreadsService.ThreadsService | SessionsService.SessionsService,
  ConfigError.ConfigError,
  HttpClient.HttpClient
> => Layer.effectContext(Effect.map(make(options), context))

/**
 * `ThreadsService` and `SessionsService` configured from `Config`s, by default from the environment:
 * `OPENAI_API_KEY` (required), `OPENAI_BASE_URL`, `OPENAI_ORG_ID` and `OPENAI_PROJECT_ID`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  options: ConfigOptions = {}
): Layer.Layer<
  ThreadsService.ThreadsService | SessionsService.SessionsService,
  ConfigError.ConfigError,
  HttpClient.HttpClient
> => Layer.effectContext(Effect.map(internal.makeConfig(options), context))
