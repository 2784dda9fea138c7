/**
 * Which `ThreadsService` and `SessionsService` the command talks to: the live API, or the built-in fake
 * (threads seeded with the demo data, no sessions until created). Each is loaded only when chosen.
 *
 * @internal
 */
import type * as SessionsService from "@effect-chatkit/core/SessionsService"
import type * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Stdio from "../Stdio.js"
import * as Secrets from "./secrets.js"

/**
 * The backend flags every command that talks to the service takes.
 *
 * @internal
 */
export interface Options {
  readonly baseUrl: Option.Option<string>
  readonly apiKey: Option.Option<Redacted.Redacted>
  readonly maxRetries: Option.Option<number>
  readonly timeout: Option.Option<number>
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
 * Which backend was chosen: whether it is the built-in fake, which keeps nothing between commands.
 *
 * @internal
 */
export class Chosen extends Context.Tag("@effect-chatkit/cli/Backend/Chosen")<Chosen, {
  readonly builtIn: boolean
}>() {}

/**
 * A base URL that cannot be used, said with its credentials masked.
 *
 * @internal
 */
export class BaseUrlError extends Data.TaggedError("BaseUrlError")<{ readonly message: string }> {}

/** `url` when it is an http(s) URL without query and fragment (which would end up inside every request). */
const checkBaseUrl = (url: string, source: string): Effect.Effect<string, BaseUrlError> => {
  const fail = (problem: string) =>
    Effect.fail(new BaseUrlError({ message: `${source} ${Secrets.maskUrl(url)} ${problem}` }))
  if (!URL.canParse(url)) return fail("is not a URL: give one like http://127.0.0.1:8787/v1")
  const parsed = new URL(url)
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return fail("is not an http or https URL")
  if (parsed.search !== "" || parsed.hash !== "") {
    return fail("has a query or fragment: give the base URL alone (e.g. https://api.openai.com/v1)")
  }
  return Effect.succeed(url)
}

const choose = (
  options: Options
): Effect.Effect<
  Layer.Layer<Services | Chosen, ConfigError.ConfigError>,
  ConfigError.ConfigError | BaseUrlError,
  Stdio.Stdio
> =>
  Effect.gen(function*() {
    const envKey = yield* nonEmpty("OPENAI_API_KEY")
    const key = Option.orElse(options.apiKey, () => Option.map(envKey, Redacted.make))
    if (Option.isNone(key) && Option.isNone(options.baseUrl)) {
      yield* Stdio.stderr("using the built-in fake (demo data); set OPENAI_API_KEY to use the live API\n")
      const { layer } = yield* Effect.promise(() => import("./builtInBackend.js"))
      return Layer.merge(layer, Layer.succeed(Chosen, { builtIn: true }))
    }
    const { baseUrlConfig, layer } = yield* Effect.promise(() => import("./liveBackend.js"))
    const baseUrl = Option.isSome(options.baseUrl)
      ? yield* checkBaseUrl(options.baseUrl.value, "--base-url")
      : yield* checkBaseUrl(yield* baseUrlConfig, "OPENAI_BASE_URL")
    yield* Stdio.stderr(
      `using the API at ${Secrets.maskUrl(baseUrl)}${Option.isNone(key) ? " (no API key given)" : ""}\n`
    )
    const live = layer({
      apiKey: Option.getOrElse(key, () => noApiKey),
      baseUrl,
      maxRetries: Option.getOrUndefined(options.maxRetries),
      timeoutSeconds: Option.getOrUndefined(options.timeout)
    })
    return Layer.merge(live, Layer.succeed(Chosen, { builtIn: false }))
  })

/**
 * The live API when an API key is given (`--api-key` or `OPENAI_API_KEY`) or `--base-url` is, at
 * `--base-url`, `OPENAI_BASE_URL` or OpenAI's; otherwise the built-in fake with the demo data. Says which on
 * standard error, the base URL without credentials.
 *
 * @internal
 */
export const layer = (
  options: Options
): Layer.Layer<Services | Chosen, ConfigError.ConfigError | BaseUrlError, Stdio.Stdio> =>
  Layer.unwrapEffect(choose(options))

/**
 * Writes `note` on standard error when the built-in fake answered.
 *
 * @internal
 */
export const noteIfBuiltIn = (note: string): Effect.Effect<void, never, Chosen | Stdio.Stdio> =>
  Effect.flatMap(Chosen, ({ builtIn }) => builtIn ? Stdio.stderr(`note: ${note}\n`) : Effect.void)
