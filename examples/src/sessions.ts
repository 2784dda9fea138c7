import { SessionsService } from "@effect-chatkit/core"
import { Effect, Redacted } from "effect"

export const mint = Effect.gen(function*() {
  const session = yield* SessionsService.create({
    user: "user_123",
    workflow: { id: "wf_abc", state_variables: { plan: "pro" } },
    expires_after: { anchor: "created_at", seconds: 300 }
  })
  // the secret is Redacted: it never shows in logs, errors or spans; hand it to the front end explicitly
  return Redacted.value(session.client_secret)
})
