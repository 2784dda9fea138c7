import { SessionsService } from "@effect-chatkit/core"
import { ChatKitClient } from "@effect-chatkit/http"
import { NodeHttpClient, NodeRuntime } from "@effect/platform-node"
import { Console, Effect, Layer, Redacted } from "effect"

// what a backend does when its front end asks for a session: the client secret is what it hands over
export const mint = (user: string) =>
  Effect.gen(function*() {
    const session = yield* SessionsService.create({
      user,
      workflow: { id: "wf_abc", state_variables: { plan: "pro" } },
      expires_after: { anchor: "created_at", seconds: 300 }
    })
    // the secret is Redacted: it never shows in logs, errors or spans; hand it to the front end explicitly
    return Redacted.value(session.client_secret)
  })

const ChatKitLive = ChatKitClient.layerConfig().pipe(Layer.provide(NodeHttpClient.layerUndici))

mint("user_123").pipe(
  Effect.flatMap((secret) => Console.log(`minted a client secret of ${secret.length} characters`)),
  Effect.provide(ChatKitLive),
  NodeRuntime.runMain
)
