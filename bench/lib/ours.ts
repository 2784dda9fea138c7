/** Our `ThreadsService` over `ChatKitClient.layer`, on fetch or undici. */
import { ThreadsService } from "@effect-chatkit/core"
import { ChatKitClient } from "@effect-chatkit/http"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { Layer, ManagedRuntime, Redacted, Stream } from "effect"
import { apiKey, type Driver } from "./clients.js"
import * as fixtures from "./fixtures.js"

/** The HTTP clients our layer can run on. */
export type Transport = "fetch" | "undici"

/** A runtime holding our `ThreadsService` over `transport` (its connections are reused across runs). */
export const ours = (origin: string, transport: Transport) =>
  ManagedRuntime.make(
    ChatKitClient.layer({ apiKey: Redacted.make(apiKey), baseUrl: `${origin}/v1` }).pipe(
      Layer.provide(transport === "fetch" ? FetchHttpClient.layer : NodeHttpClient.layerUndici)
    )
  )

/** Ours as a driver: `stream`/`streamItems` run with `ManagedRuntime.runPromise`, and `retrieve`. */
export const driver = (origin: string, transport: Transport): Driver => {
  const runtime = ours(origin, transport)
  return {
    pageAll: (resource, limit) =>
      runtime.runPromise(
        resource === "threads"
          ? Stream.runCount(ThreadsService.stream({ limit }))
          : Stream.runCount(ThreadsService.streamItems(fixtures.itemsThreadId, { limit }))
      ),
    retrieve: async (id) => (await runtime.runPromise(ThreadsService.retrieve(id))).id,
    close: () => runtime.dispose()
  }
}
