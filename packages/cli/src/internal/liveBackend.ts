/**
 * The live API over undici. Loaded only by the commands that use it.
 *
 * @internal
 */
import type * as SessionsService from "@effect-chatkit/core/SessionsService"
import type * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import * as ChatKitClient from "@effect-chatkit/http/ChatKitClient"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Duration from "effect/Duration"
import * as Layer from "effect/Layer"
import type * as Redacted from "effect/Redacted"

/**
 * The base URL from the environment as the client reads it: `OPENAI_BASE_URL` when set and not blank, else
 * OpenAI's.
 *
 * @internal
 */
export const baseUrlConfig: Config.Config<string> = ChatKitClient.baseUrlConfig

/**
 * How to reach the API: everything already chosen from the flags and the environment.
 *
 * @internal
 */
export interface Connection {
  readonly apiKey: Redacted.Redacted
  readonly baseUrl: string
  readonly maxRetries: number | undefined
  readonly timeoutSeconds: number | undefined
}

/**
 * `ChatKitClient` at `connection.baseUrl`; `OPENAI_ORG_ID` and `OPENAI_PROJECT_ID` are read from the
 * environment as the client reads them.
 *
 * @internal
 */
export const layer = (
  connection: Connection
): Layer.Layer<ThreadsService.ThreadsService | SessionsService.SessionsService, ConfigError.ConfigError> =>
  ChatKitClient.layerConfig({
    apiKey: Config.succeed(connection.apiKey),
    baseUrl: Config.succeed(connection.baseUrl),
    ...(connection.maxRetries === undefined ? {} : { maxRetries: Config.succeed(connection.maxRetries) }),
    ...(connection.timeoutSeconds === undefined
      ? {}
      : { timeout: Config.succeed(Duration.seconds(connection.timeoutSeconds)) })
  }).pipe(Layer.provide(NodeHttpClient.layerUndici))
