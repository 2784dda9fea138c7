/** The clients under test: ours over each transport, the official SDK, and raw `fetch`. */
import type { ThreadsService } from "@effect-chatkit/core"
import { ChatKitClient } from "@effect-chatkit/http"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { Layer, ManagedRuntime, Redacted } from "effect"
import OpenAI from "openai"
import { apiKey } from "./servers.js"

/** The HTTP clients our layer can run on. */
export type Transport = "fetch" | "undici"

/** A runtime holding our `ThreadsService` over `transport` (its connections are reused across runs). */
export const ours = (origin: string, transport: Transport) =>
  ManagedRuntime.make(
    ChatKitClient.layer({ apiKey: Redacted.make(apiKey), baseUrl: `${origin}/v1` }).pipe(
      Layer.provide(transport === "fetch" ? FetchHttpClient.layer : NodeHttpClient.layerUndici)
    )
  )

/** A runtime of ours, as `ours` returns. */
export type Ours = ManagedRuntime.ManagedRuntime<ThreadsService.ThreadsService, never>

/** The official SDK, on its default transport (the global `fetch`). */
export const official = (origin: string): OpenAI => new OpenAI({ apiKey, baseURL: `${origin}/v1` })

/** The headers the official SDK sends that matter to a server. */
export const headers: Readonly<Record<string, string>> = {
  authorization: `Bearer ${apiKey}`,
  "openai-beta": "chatkit_beta=v1",
  accept: "application/json"
}

/** The floor: every page with raw `fetch` and `JSON.parse`, following `last_id` while `has_more`. */
export const rawPages = async (url: string): Promise<number> => {
  let count = 0
  let after: string | undefined
  for (;;) {
    const response = await fetch(after === undefined ? url : `${url}&after=${encodeURIComponent(after)}`, { headers })
    const page = JSON.parse(await response.text()) as {
      readonly data: ReadonlyArray<unknown>
      readonly has_more: boolean
      readonly last_id: string
    }
    count += page.data.length
    if (!page.has_more) return count
    after = page.last_id
  }
}
