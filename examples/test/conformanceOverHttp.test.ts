import { ChatKitClient } from "@effect-chatkit/http"
import { ChatKitFakeServer } from "@effect-chatkit/testing"
import * as Conformance from "@effect-chatkit/testing/Conformance"
import { NodeHttpClient } from "@effect/platform-node"
import { Effect, Layer, Redacted } from "effect"

const apiKey = "sk-conformance"

// the server under test's base URL and the admin of the store behind the key (here: the fake server's)
const server = Effect.gen(function*() {
  const running = yield* ChatKitFakeServer.ChatKitFakeServer
  return { url: running.url, admin: yield* running.admin(apiKey) }
})

const overHttp = Conformance.overHttp(
  server,
  (baseUrl) => ChatKitClient.layer({ apiKey: Redacted.make(apiKey), baseUrl, maxRetries: 0 })
).pipe(
  // started afresh for every run, on any free port
  Layer.provide(ChatKitFakeServer.layer({ seed: 1, apiKeys: [apiKey] })),
  Layer.provide(NodeHttpClient.layerUndici)
)

// one run of each property, as the library's own tests run the suite over HTTP at length
Conformance.suite("ChatKitClient over HTTP", overHttp, { numRuns: 1 })
