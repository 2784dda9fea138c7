/**
 * `chatkit serve`: the fake server, optionally with the demo data, until interrupted.
 *
 * @internal
 */
import type { ThreadsFake } from "@effect-chatkit/testing/ThreadsFake"
import * as ThreadsFakeServer from "@effect-chatkit/testing/ThreadsFakeServer"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
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
  readonly beforeReading: ThreadsFake.BeforeReading
}

const usage = (url: string, apiKeys: ReadonlyArray<string>, demo: boolean): string => {
  const key = apiKeys[0] ?? "sk-test"
  return [
    `serving the fake ChatKit API at ${url}`,
    apiKeys.length === 0 ? "any API key is accepted; each key has its own store" : `API keys: ${apiKeys.join(", ")}`,
    ...(demo ? ["every store holds the demo data"] : []),
    "try:",
    `  curl -s ${url}/chatkit/threads -H "Authorization: Bearer ${key}" -H "OpenAI-Beta: chatkit_beta=v1"`,
    `  chatkit threads list --base-url ${url} --api-key ${key}`,
    `  chatkit sessions create --workflow wf_demo --user user_1 --base-url ${url} --api-key ${key}`,
    ""
  ].join("\n")
}

/**
 * Starts the server (with `--demo`, the store of every key is filled with the demo data when the key is
 * first used), prints the URL and how to call it, and serves until interrupted.
 *
 * @internal
 */
export const serve = (options: Options): Effect.Effect<never, unknown, Stdio.Stdio> => {
  const { apiKeys } = options
  const server = ThreadsFakeServer.layer({
    host: options.host,
    port: options.port,
    seed: options.seed,
    faultRate: options.faultRate,
    beforeReading: options.beforeReading,
    ...(apiKeys.length === 0 ? {} : { apiKeys }),
    ...(options.demo ? { seedStore: (fake) => DemoData.seed(fake.threads.admin) } : {})
  }).pipe(Layer.catchAllCause((cause) => Layer.fail(Cause.squash(cause))))
  return Effect.gen(function*() {
    const running = yield* ThreadsFakeServer.ThreadsFakeServer
    yield* Stdio.stdout(usage(running.url, apiKeys, options.demo))
    return yield* Effect.never
  }).pipe(Effect.provide(server))
}
