/**
 * `chatkit serve`: the fake server, optionally with the demo data and the admin routes, logging one line
 * per request on stderr, until interrupted.
 *
 * @internal
 */
import * as ChatKitFakeServer from "@effect-chatkit/testing/ChatKitFakeServer"
import type { ThreadsFake } from "@effect-chatkit/testing/ThreadsFake"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as DemoData from "../DemoData.js"
import * as Stdio from "../Stdio.js"

/**
 * What `chatkit serve` was asked for.
 *
 * @internal
 */
export interface Options {
  readonly host: string
  readonly port: number
  readonly seed: number
  readonly demo: boolean
  readonly apiKeys: ReadonlyArray<string>
  readonly faultRate: number
  readonly faultSeed: Option.Option<number>
  readonly admin: boolean
  readonly quiet: boolean
  readonly beforeReading: ThreadsFake.BeforeReading
}

const usage = (server: ChatKitFakeServer.Server, options: Options): string => {
  const { apiKeys, admin, demo } = options
  const key = apiKeys.length === 0 ? "sk-test" : "$OPENAI_API_KEY"
  const auth = `-H "Authorization: Bearer ${key}"`
  return [
    `serving the fake ChatKit API at ${server.url}`,
    apiKeys.length === 0
      ? "any API key is accepted; each key has its own store"
      : `API keys: ${apiKeys.map(ChatKitFakeServer.maskApiKey).join(", ")}`,
    ...(demo ? ["every store starts with the demo data (the same ids for every key)"] : []),
    ...(admin ? [`admin routes at ${server.origin}/_admin`] : []),
    "try:",
    `  curl -s ${server.url}/chatkit/threads ${auth} -H "OpenAI-Beta: chatkit_beta=v1"`,
    ...(admin
      ? [`  curl -s -X POST ${server.origin}/_admin/threads ${auth} -d '{"user":"user_1","title":"Hello"}'`]
      : []),
    `  chatkit threads list --base-url ${server.url}${apiKeys.length === 0 ? ` --api-key ${key}` : ""}`,
    ""
  ].join("\n")
}

/**
 * One line of the request log: method, path, status (or `dropped`), milliseconds and the injected fault.
 *
 * @internal
 */
export const logLine = (entry: ChatKitFakeServer.RequestLog): string =>
  `${entry.method} ${entry.path} ${entry.status} ${entry.millis.toFixed(1)}ms` +
  (entry.fault === undefined ? "" : ` fault=${entry.fault}`) + "\n"

/**
 * Starts the server (with `--demo`, every store starts with the demo data), prints the URL and how to call
 * it, logs each request on stderr unless `--quiet`, and serves until interrupted.
 *
 * @internal
 */
export const serve = (options: Options): Effect.Effect<never, unknown, Stdio.Stdio> =>
  Effect.gen(function*() {
    const stdio = yield* Stdio.Stdio
    const { apiKeys } = options
    const server = ChatKitFakeServer.layer({
      host: options.host,
      port: options.port,
      seed: options.seed,
      faultRate: options.faultRate,
      faultSeed: Option.getOrUndefined(options.faultSeed),
      admin: options.admin,
      beforeReading: options.beforeReading,
      ...(apiKeys.length === 0 ? {} : { apiKeys }),
      ...(options.demo ? { seedStore: (fake) => DemoData.seed(fake.threads.admin) } : {}),
      ...(options.quiet ? {} : { log: (entry) => stdio.stderr(logLine(entry)) })
    }).pipe(Layer.catchAllCause((cause) => Layer.fail(Cause.squash(cause))))
    return yield* Effect.gen(function*() {
      const running = yield* ChatKitFakeServer.ChatKitFakeServer
      yield* Stdio.stdout(usage(running, options))
      return yield* Effect.never
    }).pipe(Effect.provide(server))
  })
