/**
 * A fake of OpenAI's ChatKit REST API over a real socket: the `ChatKitFake` of each API key behind
 * `/v1/chatkit/threads...` and `/v1/chatkit/sessions...` with OpenAI's wire format, errors and faults, for
 * clients no one here wrote (the official `openai` SDK, other languages) and for the HTTP layer.
 *
 * ```ts
 * import { ChatKitFakeServer } from "@effect-chatkit/testing"
 * import { Effect } from "effect"
 * import OpenAI from "openai"
 *
 * const program = Effect.gen(function*() {
 *   const server = yield* ChatKitFakeServer.ChatKitFakeServer
 *   const admin = yield* server.admin("sk-test")
 *   yield* admin.createThread({ user: "user_1", title: "Hello" })
 *   const client = new OpenAI({ apiKey: "sk-test", baseURL: server.url })
 *   const page = yield* Effect.promise(() => client.beta.chatkit.threads.list())
 *   yield* Effect.log(page.data.map((thread) => thread.title)) // ["Hello"]
 * }).pipe(Effect.provide(ChatKitFakeServer.layer({ port: 0 })))
 * ```
 *
 * @since 0.1.0
 */
import type { ServeError } from "@effect/platform/HttpServerError"
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as ChatKitFake from "./ChatKitFake.js"
import * as internal from "./internal/server.js"
import * as wire from "./internal/serverWire.js"
import type { SessionsFake } from "./SessionsFake.js"
import type { ThreadsFake } from "./ThreadsFake.js"

/**
 * How to run the server.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The interface to listen on. Default `127.0.0.1`. */
  readonly host?: string | undefined
  /** The port; `0` (the default) picks any free port, readable from {@link Server.url}. */
  readonly port?: number | undefined
  /**
   * The seed of the stores: every key's store is `ChatKitFake.make({ seed })`, so the same calls give the same
   * ids (and session secrets) whatever the key. Default `0`.
   */
  readonly seed?: number | undefined
  /** When set, only these bearer keys are accepted (others get 401). Any key works otherwise. */
  readonly apiKeys?: ReadonlyArray<string> | undefined
  /** Whether API calls need `OpenAI-Beta: chatkit_beta=v1` (400 without it). Default `true`. */
  readonly requireBetaHeader?: boolean | undefined
  /**
   * The share (0 to 1) of API calls, once past the key and beta-header checks, that get a random fault
   * instead of an answer: 429 (with `retry-after-ms: 10`), 500, 503 or a dropped connection, equally likely.
   * Default `0`.
   */
  readonly faultRate?: number | undefined
  /**
   * The seed of the random faults. One sequence serves the whole server: calls draw from it in arrival order,
   * whatever their key, so the same seed and the same calls in the same order get the same faults. Default:
   * `seed`.
   */
  readonly faultSeed?: number | undefined
  /** Whether the admin routes under `/_admin` are served. Default `false`. */
  readonly admin?: boolean | undefined
  /**
   * Fills a store when it is made (see {@link layer} for when), e.g. with demo data. It must run
   * synchronously, as seeding through the fake's admin does. Default: stores start empty.
   */
  readonly seedStore?: ((fake: ChatKitFake.Fake) => Effect.Effect<void>) | undefined
  /**
   * With any key accepted, how many keys keep a store of their own; one more drops the least recently used
   * one (its key then reads the seeded data again). Default `100`.
   */
  readonly maxStores?: number | undefined
  /**
   * How many sessions a key's store keeps; creating one more first drops the expired ones, else the oldest
   * (a dropped id is then unknown: 404). Default `1000`.
   */
  readonly maxSessionsPerKey?: number | undefined
  /** The largest request body read, in bytes; a larger one is a 413. Default 1 MiB. */
  readonly maxBodyBytes?: number | undefined
  /** Called after each answer, e.g. to log it. Default: nothing. */
  readonly log?: ((entry: RequestLog) => Effect.Effect<void>) | undefined
  /** Which page a list with `before` answers, as in `ThreadsFake`. Default `"far-end"`. */
  readonly beforeReading?: ThreadsFake.BeforeReading | undefined
}

/**
 * What the server tells {@link Options.log} of each request: method, path (without query), status (or
 * `"dropped"`), milliseconds from arrival to answer, and the injected fault answered, if any (the error's
 * tag).
 *
 * @since 0.1.0
 * @category models
 */
export interface RequestLog {
  readonly method: string
  readonly path: string
  /** The status answered, or `"dropped"` for a connection dropped without an answer. */
  readonly status: number | "dropped"
  readonly millis: number
  /** The injected fault answered (queued by an admin, or random), as its error's tag, when there was one. */
  readonly fault: string | undefined
}

/**
 * A running server.
 *
 * @since 0.1.0
 * @category models
 */
export interface Server {
  /** The base URL of the API, ending in `/v1`, e.g. `http://127.0.0.1:53111/v1`. */
  readonly url: string
  /** Scheme, host and port, e.g. `http://127.0.0.1:53111`; the admin routes are under `${origin}/_admin`. */
  readonly origin: string
  /**
   * The admin of the store of `apiKey` (its own store, made on first use). Dies with an
   * `IllegalArgumentException` when `apiKeys` is set and does not hold `apiKey`. Its faults and latency apply to the session routes
   * too (one queue per store, as in `ChatKitFake`).
   */
  readonly admin: (apiKey: string) => Effect.Effect<ThreadsFake.Admin>
  /**
   * The sessions admin of the store of `apiKey` (created on first use), sharing its fault queue and latency
   * with {@link Server.admin}. Dies as `admin` does for a key outside `apiKeys`.
   */
  readonly sessionsAdmin: (apiKey: string) => Effect.Effect<SessionsFake.Admin>
}

/**
 * The running server in context, provided by {@link layer}.
 *
 * @since 0.1.0
 * @category tags
 */
export class ChatKitFakeServer extends Context.Tag("@effect-chatkit/testing/ChatKitFakeServer")<
  ChatKitFakeServer,
  Server
>() {}

/**
 * An API key as the server shows it (in its 401s): a key under 20 characters shows nothing of itself, a
 * longer one its first 3 and last 4 characters around 8 stars.
 *
 * @since 0.1.0
 * @category utils
 */
export const maskApiKey: (apiKey: string) => string = internal.maskKey

/**
 * The deepest nesting of arrays and objects a JSON body may have: a deeper body is a 400.
 *
 * @since 0.1.0
 * @category constants
 */
export const maxBodyDepth: number = wire.maxBodyDepth

/**
 * Serves the fake on a `node:http` server for as long as the layer's scope lives (closing it also closes
 * open connections and interrupts answers in progress). Every request runs as one effect in the layer's
 * runtime. What it answers:
 *
 * - The endpoints of core's `Wire` table: `GET /v1/chatkit/threads`, `GET|DELETE /v1/chatkit/threads/{id}`,
 *   `GET /v1/chatkit/threads/{id}/items`, `POST /v1/chatkit/sessions` and
 *   `POST /v1/chatkit/sessions/{id}/cancel`, with OpenAI's JSON (every required key, `null`s included; a
 *   session with its `client_secret` in clear). `{id}` is one path segment, percent-decoded. Sessions follow
 *   `SessionsFake.make` (expiry by the server's clock).
 * - Every answer has `content-type: application/json` and an `x-request-id` (`req_000001`, `req_000002`, …
 *   in arrival order). Errors are OpenAI's `{"error":{"message","type","param","code"}}`, with the status
 *   of `ChatKitError.statusOf`.
 * - In this order: an unknown path is a 404 (`Invalid URL (GET /…)`); a known path with another method a
 *   405 with `Allow`; a missing bearer key, or one outside `apiKeys`, a 401; API calls without the beta
 *   header a 400 (`code: "invalid_beta"`); then the path id, the query, the body.
 * - The query and the body are read with `Wire.parseQuery` and `Wire.decodeBody`, so the 400s carry the same
 *   `param`, `code` and message as client-side validation (a repeated key is a 400 naming it; unknown keys
 *   are 400s, `unknown_parameter`). A body that is not JSON is a 400 (`param` null); one over `maxBodyBytes`
 *   a 413 (no more of it is read, and the connection closes); one nested deeper than {@link maxBodyDepth}
 *   levels a 400. What Node's HTTP parser refuses (headers over 16 KiB: 431; a malformed request line,
 *   conflicting `content-length` and `transfer-encoding`: 400) is answered in OpenAI's shape too.
 * - Stores: each key sees its own store. A key that only reads shares one store seeded once (`seedStore`) and
 *   costs nothing; its first write (a delete, a session, any admin call) gives it its own store, seeded
 *   afresh with the same ids. With any key accepted, at most `maxStores` keys keep their own store (the least
 *   recently used is dropped); each keeps at most `maxSessionsPerKey` sessions (expired ones go first).
 * - Faults queued with the admin's `failNext` go on the wire: a `RateLimitError` is a 429 with
 *   `retry-after` (whole seconds, rounded up) and `retry-after-ms` when it has `retryAfter`; an
 *   `InternalServerError` its status (500, 503, …); a `ConnectionError` (or any error that is not an
 *   answer) destroys the socket without an answer. `setLatency` delays answers. `faultRate` adds random
 *   faults, drawn from `faultSeed`.
 * - With `admin: true`, `/_admin/...` routes seed the caller's store over JSON (same bearer key, no beta
 *   header): `POST /_admin/threads` `{ user, title?, status?, created_at? }`; `POST /_admin/threads/{id}`
 *   `{ title?, status? }`; `POST /_admin/threads/{id}/items` an item's wire fields without `id`, `object`
 *   and `thread_id` (`created_at` optional); `POST /_admin/faults` `{ status: 400..599 | "drop", message?,
 *   type?, code?, param?, retry_after_ms? (up to an hour), times? (up to 10,000), operation? }` (`operation`
 *   also `create` or `cancel`); `POST /_admin/latency` `{ ms }` (up to a minute); `GET /_admin/snapshot`
 *   (`{ threads, items, sessions }`). Bad bodies and out-of-range values are 400s.
 * - A client's mistake is never a 5xx. A defect (a bug) is a 500 in OpenAI's shape, logged, and the server
 *   goes on answering.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<ChatKitFakeServer, ServeError> =>
  Layer.scoped(ChatKitFakeServer, internal.serve(options))
