/**
 * Which `ThreadsService` and `SessionsService` the command talks to: the live API, or the built-in fake
 * (threads seeded with the demo data, no sessions).
 *
 * @internal
 */
import type * as SessionsService from "@effect-chatkit/core/SessionsService"
import type * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import * as ChatKitClient from "@effect-chatkit/http/ChatKitClient"
import * as ChatKitFake from "@effect-chatkit/testing/ChatKitFake"
import * as ThreadsFake from "@effect-chatkit/testing/ThreadsFake"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as DemoData from "../DemoData.js"
import * as Stdio from "../Stdio.js"

/**
 * The backend flags every command that talks to the service takes.
 *
 * @internal
 */
export interface Options {
  readonly baseUrl: Option.Option<string>
  readonly apiKey: Option.Option<Redacted.Redacted>
}

/**
 * Sent when `--base-url` is given without any key, so that a local fake server without keys can be browsed.
 * A server that checks keys answers 401, which the command reports.
 */
const noApiKey = Redacted.make("chatkit-cli-no-api-key")

const nonEmpty = (name: string) => Config.option(Config.nonEmptyString(name))

/**
 * What the commands talk to.
 *
 * @internal
 */
export type Services = ThreadsService.ThreadsService | SessionsService.SessionsService

/**
 * The built-in fake: threads seeded with the demo data, and sessions (none until created), both in one
 * `ChatKitFake`.
 *
 * @internal
 */
export const demo: Layer.Layer<Services | ThreadsFake.ThreadsFake> = Layer.effectDiscard(
  Effect.flatMap(ThreadsFake.ThreadsFake, DemoData.seed)
).pipe(Layer.provideMerge(ChatKitFake.layer()))

const choose = (
  options: Options
): Effect.Effect<
  Layer.Layer<Services, ConfigError.ConfigError>,
  ConfigError.ConfigError,
  Stdio.Stdio
> =>
  Effect.gen(function*() {
    const envKey = yield* nonEmpty("OPENAI_API_KEY")
    const key = Option.orElse(options.apiKey, () => Option.map(envKey, Redacted.make))
    if (Option.isNone(key) && Option.isNone(options.baseUrl)) {
      yield* Stdio.stderr("using the built-in fake (demo data); set OPENAI_API_KEY to use the live API\n")
      return demo
    }
    const baseUrl = Option.isSome(options.baseUrl)
      ? options.baseUrl.value
      : yield* ChatKitClient.baseUrlConfig
    yield* Stdio.stderr(`using the API at ${baseUrl}${Option.isNone(key) ? " (no API key given)" : ""}\n`)
    return ChatKitClient.layerConfig({
      apiKey: Config.succeed(Option.getOrElse(key, () => noApiKey)),
      baseUrl: Config.succeed(baseUrl)
    }).pipe(Layer.provide(NodeHttpClient.layerUndici))
  })

/**
 * The live API when an API key is given (`--api-key` or `OPENAI_API_KEY`) or `--base-url` is, at
 * `--base-url`, `OPENAI_BASE_URL` or OpenAI's; otherwise the built-in fake with the demo data. Says which on
 * standard error.
 *
 * @internal
 */
export const layer = (
  options: Options
): Layer.Layer<Services, ConfigError.ConfigError, Stdio.Stdio> => Layer.unwrapEffect(choose(options))
