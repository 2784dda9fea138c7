/**
 * A fake of OpenAI's ChatKit REST API over a real socket: the `ChatKitFake` of each API key behind
 * `/v1/chatkit/threads...` and `/v1/chatkit/sessions...` with OpenAI's wire format, errors and faults, for
 * clients no one here wrote (the official `openai` SDK, other languages) and for the HTTP layer.
 *
 * ```ts
 * import { ThreadsFakeServer } from "@effect-chatkit/testing"
 * import { Effect } from "effect"
 * import OpenAI from "openai"
 *
 * const program = Effect.gen(function*() {
 *   const server = yield* ThreadsFakeServer.ThreadsFakeServer
 *   const admin = yield* server.admin("sk-test")
 *   yield* admin.createThread({ user: "user_1", title: "Hello" })
 *   const client = new OpenAI({ apiKey: "sk-test", baseURL: server.url })
 *   const page = yield* Effect.promise(() => client.beta.chatkit.threads.list())
 *   yield* Effect.log(page.data.map((thread) => thread.title)) // ["Hello"]
 * }).pipe(Effect.provide(ThreadsFakeServer.layer({ port: 0 })))
 * ```
 *
 * @since 0.1.0
 */
import type { ServeError } from "@effect/platform/HttpServerError"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as FiberSet from "effect/FiberSet"
import * as Layer from "effect/Layer"
import * as Http from "node:http"
import type * as ChatKitFake from "./ChatKitFake.js"
import * as internal from "./internal/server.js"
import { listen } from "./internal/serverNode.js"
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
   * The seed of the stores. The store of key `k` is `ChatKitFake.make({ seed })` with a seed derived from
   * this one and `k`, so each key has its own ids (and session secrets) and the same key always the same
   * ones. Default `0`.
   */
  readonly seed?: number | undefined
  /** When set, only these bearer keys are accepted (others get 401). Any key works otherwise. */
  readonly apiKeys?: ReadonlyArray<string> | undefined
  /** Whether API calls need `OpenAI-Beta: chatkit_beta=v1` (400 without it). Default `true`. */
  readonly requireBetaHeader?: boolean | undefined
  /**
   * The share (0 to 1) of API calls, once past the key and beta-header checks, that get a random fault
   * instead of an answer: 429 (with `retry-after-ms: 10`), 500, 503 or a dropped connection, equally likely,
   * drawn from `faultSeed` in arrival order. Default `0`.
   */
  readonly faultRate?: number | undefined
  /** The seed of the random faults. Default `0`. */
  readonly faultSeed?: number | undefined
  /** Whether the admin routes under `/_admin` are served. Default `false`. */
  readonly admin?: boolean | undefined
  /**
   * Fills the store of each API key when the key is first used (a key of `apiKeys`, or any key when
   * `apiKeys` is not set), e.g. with demo data. It must run synchronously, as seeding through the fake's
   * admin does. Default: stores start empty.
   */
  readonly seedStore?: ((fake: ChatKitFake.Fake) => Effect.Effect<void>) | undefined
  /** Which page a list with `before` answers, as in `ThreadsFake`. Default `"far-end"`. */
  readonly beforeReading?: ThreadsFake.BeforeReading | undefined
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
   * The admin of the store of `apiKey` (created on first use). Dies with an `IllegalArgumentException`
   * when `apiKeys` is set and does not hold `apiKey`. Its faults and latency apply to the session routes
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
export class ThreadsFakeServer extends Context.Tag("@effect-chatkit/testing/ThreadsFakeServer")<
  ThreadsFakeServer,
  Server
>() {}

const hostOf = (hostname: string): string =>
  hostname === "0.0.0.0" ? "127.0.0.1" : hostname.includes(":") ? `[${hostname}]` : hostname

const check = (options: Options): Cause.IllegalArgumentException | undefined => {
  const { faultRate = 0 } = options
  return faultRate >= 0 && faultRate <= 1
    ? undefined
    : new Cause.IllegalArgumentException(`ThreadsFakeServer: faultRate must be between 0 and 1, got ${faultRate}`)
}

/**
 * Serves the fake on a `node:http` server for as long as the layer's scope lives (closing it also closes
 * open connections and interrupts answers in progress). The common requests (the lists, without latency)
 * are answered synchronously, with no fiber and no span; the others run as effects in the layer's
 * runtime. What it answers:
 *
 * - `GET /v1/chatkit/threads`, `GET|DELETE /v1/chatkit/threads/{id}`, `GET /v1/chatkit/threads/{id}/items`,
 *   `POST /v1/chatkit/sessions` and `POST /v1/chatkit/sessions/{id}/cancel`, with OpenAI's JSON (every
 *   required key, `null`s included; a session with its `client_secret` in clear). `{id}` is one path
 *   segment, percent-decoded. Sessions follow `SessionsFake.make` (expiry by the server's clock).
 * - Every answer has `content-type: application/json` and an `x-request-id` (`req_000001`, `req_000002`, …
 *   in arrival order). Errors are OpenAI's `{"error":{"message","type","param","code"}}`, with the status
 *   of `ChatKitError.statusOf`.
 * - In this order: an unknown path is a 404 (`Invalid URL (GET /…)`); a known path with another method a
 *   405 with `Allow`; a missing bearer key, or one outside `apiKeys`, a 401; API calls without the beta
 *   header a 400 (`code: "invalid_beta"`). Each key has its own store, created on first use.
 * - The query is parsed strictly and then validated by core, so the 400s carry the same `param`, `code`
 *   and message as client-side validation: a repeated key is a 400 naming it; `limit` is a number only
 *   when written as a plain decimal (`abc`, `1.5`, `-1`, `101`, `1e2` are 400s); unknown keys are 400s
 *   (`unknown_parameter`), and retrieve, delete and the session routes take no query parameters at all.
 * - The body of `POST /v1/chatkit/sessions` must be JSON (else a 400, `param` null); it is validated by core
 *   as the client validates it, so a non-object, a broken constraint or an unknown key is a 400 with the same
 *   `param` (a dotted path such as `expires_after.seconds`), `code` and message. The body of a cancel is
 *   ignored, as the official SDK sends none.
 * - Faults queued with the admin's `failNext` go on the wire: a `RateLimitError` is a 429 with
 *   `retry-after` (whole seconds, rounded up) and `retry-after-ms` when it has `retryAfter`; an
 *   `InternalServerError` its status (500, 503, …); a `ConnectionError` (or any error that is not an
 *   answer) destroys the socket without an answer. `setLatency` delays answers. `faultRate` adds random
 *   faults.
 * - With `admin: true`, `/_admin/...` routes seed the caller's store over JSON (same bearer key, no beta
 *   header): `POST /_admin/threads` `{ user, title?, status?, created_at? }`; `POST /_admin/threads/{id}`
 *   `{ title?, status? }`; `POST /_admin/threads/{id}/items` an item's wire fields without `id`, `object`
 *   and `thread_id` (`created_at` optional); `POST /_admin/faults` `{ status: 400..599 | "drop", message?,
 *   type?, code?, param?, retry_after_ms?, times?, operation? }` (`operation` also `create` or `cancel`);
 *   `POST /_admin/latency` `{ ms }`; `GET /_admin/snapshot` (`{ threads, items, sessions }`). Bad bodies
 *   are 400s.
 * - A client's mistake is never a 5xx. A defect (a bug) is a 500 in OpenAI's shape, logged, and the server
 *   goes on answering.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<ThreadsFakeServer, ServeError> =>
  Layer.scoped(
    ThreadsFakeServer,
    Effect.gen(function*() {
      const invalid = check(options)
      if (invalid !== undefined) return yield* Effect.die(invalid)
      const apiKeys = options.apiKeys === undefined ? undefined : new Set(options.apiKeys)
      const fibers = yield* FiberSet.make()
      const instance = internal.make({
        seed: options.seed ?? 0,
        apiKeys,
        requireBetaHeader: options.requireBetaHeader ?? true,
        faultRate: options.faultRate ?? 0,
        faultSeed: options.faultSeed ?? 0,
        admin: options.admin ?? false,
        seedStore: options.seedStore,
        beforeReading: options.beforeReading
      }, yield* FiberSet.runtime(fibers)<never>())
      const address = yield* listen(Http.createServer(instance.handler), options.host ?? "127.0.0.1", options.port ?? 0)
      const origin = `http://${hostOf(address.address)}:${address.port}`
      const fake = (apiKey: string) =>
        apiKeys === undefined || apiKeys.has(apiKey)
          ? Effect.sync(() => instance.fake(apiKey).fake)
          : Effect.die(new Cause.IllegalArgumentException(`ThreadsFakeServer: '${apiKey}' is not one of apiKeys`))
      return {
        url: `${origin}/v1`,
        origin,
        admin: (apiKey) => Effect.map(fake(apiKey), (store) => store.threads.admin),
        sessionsAdmin: (apiKey) => Effect.map(fake(apiKey), (store) => store.sessions.admin)
      }
    })
  )
