import { SessionsService, ThreadsService } from "@effect-chatkit/core"
import { ChatKitClient } from "@effect-chatkit/http"
import { ChatKitFakeServer, ThreadsFake } from "@effect-chatkit/testing"
import * as Conformance from "@effect-chatkit/testing/Conformance"
import { NodeHttpClient } from "@effect/platform-node"
import { Context, Effect, Layer, Redacted } from "effect"

const apiKey = "sk-conformance"

// The HTTP layer's services, talking over a real socket to a fresh fake server (any free port), with the
// admin of the store behind the key the client uses. The suites build it afresh for every run.
const overHttp = Layer.effectContext(
  Effect.gen(function*() {
    const server = yield* ChatKitFakeServer.ChatKitFakeServer
    const admin = yield* server.admin(apiKey)
    const { sessions, threads } = yield* ChatKitClient.make({
      apiKey: Redacted.make(apiKey),
      baseUrl: server.url,
      maxRetries: 0
    })
    return Context.make(ThreadsService.ThreadsService, threads).pipe(
      Context.add(ThreadsFake.ThreadsFake, admin),
      Context.add(SessionsService.SessionsService, sessions)
    )
  })
).pipe(
  Layer.provide(ChatKitFakeServer.layer({ seed: 1, apiKeys: [apiKey] })),
  Layer.provide(NodeHttpClient.layerUndici)
)

Conformance.suite("ChatKitClient over HTTP against ChatKitFakeServer", overHttp, { numRuns: 10 })

Conformance.sessionsSuite("ChatKitClient sessions over HTTP against ChatKitFakeServer", overHttp, { numRuns: 10 })
