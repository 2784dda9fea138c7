import { ChatKitClient } from "@effect-chatkit/http"
import * as HttpClient from "@effect/platform/HttpClient"
import { Effect, Redacted } from "effect"
import { apiKey } from "./fixtures.js"
import type { scripted } from "./transport.js"

/** Both services over a scripted transport, with the test key. */
export const makeServices = (
  transport: ReturnType<typeof scripted>,
  options: Partial<ChatKitClient.Options> = {}
) =>
  ChatKitClient.make({ apiKey: Redacted.make(apiKey), ...options }).pipe(
    Effect.provideService(HttpClient.HttpClient, transport.client)
  )

/** The threads service over a scripted transport, with the test key. */
export const makeClient = (transport: ReturnType<typeof scripted>, options: Partial<ChatKitClient.Options> = {}) =>
  Effect.map(makeServices(transport, options), (services) => services.threads)
