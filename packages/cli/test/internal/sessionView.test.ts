import { assert, describe, it } from "@effect/vitest"
import { FastCheck, Redacted } from "effect"
import { maskSecret, sessionDetails } from "../../src/internal/sessionView.js"

describe("sessionView", () => {
  it.prop(
    "maskSecret keeps the prefix and the last four characters, and never more of the secret",
    [FastCheck.string({ minLength: 16, maxLength: 80 })],
    ([body]) => {
      const secret = `ek_${body}`
      const masked = maskSecret(secret)
      assert.strictEqual(masked, `ek_…${secret.slice(-4)}`)
      assert.notInclude(masked, secret.slice(-5))
    }
  )

  it("maskSecret hides a short secret entirely", () => {
    assert.strictEqual(maskSecret("ek_short"), "********")
    assert.strictEqual(maskSecret("abcdefghijklmnopqrstuvwxyz"), "…wxyz")
  })

  it("sessionDetails describes versions, state, limits and history", () => {
    const text = sessionDetails({
      id: "cksess_1",
      object: "chatkit.session",
      expires_at: 1759737600,
      client_secret: Redacted.make("ek_0123456789abcdef"),
      workflow: { id: "wf", version: "3", state_variables: { plan: "pro", seats: 5 }, tracing: { enabled: false } },
      user: "u",
      rate_limits: { max_requests_per_1_minute: 2 },
      max_requests_per_1_minute: 2,
      status: "cancelled",
      chatkit_configuration: {
        automatic_thread_titling: { enabled: false },
        file_upload: { enabled: true, max_file_size: null, max_files: null },
        history: { enabled: true, recent_threads: 5 }
      }
    }, true)
    assert.include(text, "status         cancelled\n")
    assert.include(text, "workflow       wf (version 3)\n")
    assert.include(text, "state          plan=\"pro\", seats=5\n")
    assert.include(text, "tracing        off\n")
    assert.include(text, "expires        2025-10-06T08:00:00Z\n")
    assert.include(text, "rate limit     2 requests per minute\n")
    assert.include(text, "file upload    on\n")
    assert.include(text, "history        on (the 5 most recent threads)\n")
    assert.include(text, "client secret  ek_0123456789abcdef\n")
  })
})
