import * as Page from "@effect-chatkit/core/Page"
import type * as Session from "@effect-chatkit/core/Session"
import * as Thread from "@effect-chatkit/core/Thread"
import { Schema } from "effect"

export const apiKey = "sk-test-SECRET-0123456789abcdef"

export const thread = (id: string, createdAt = 1_700_000_000): Thread.Thread => ({
  id,
  object: "chatkit.thread",
  created_at: createdAt,
  title: null,
  status: { type: "active" },
  user: "user_1"
})

export const threadJson = (id: string) => Schema.encodeSync(Thread.Thread)(thread(id))

export const threadPageJson = (ids: ReadonlyArray<string>, hasMore: boolean) =>
  Schema.encodeSync(Page.ThreadPage)(Page.make(ids.map((id) => thread(id)), hasMore, (t) => t.id))

export const itemPageJson = (threadId: string, ids: ReadonlyArray<string>, hasMore: boolean) => ({
  object: "list",
  data: ids.map((id) => ({
    id,
    object: "chatkit.thread_item",
    type: "chatkit.client_tool_call",
    thread_id: threadId,
    created_at: 1_700_000_000,
    status: "completed",
    call_id: `call_${id}`,
    name: "tool",
    arguments: "{}",
    output: null
  })),
  first_id: ids[0] ?? null,
  last_id: ids[ids.length - 1] ?? null,
  has_more: hasMore
})

/** The client secret of the test sessions. */
export const clientSecret = "cksec_TEST-SECRET-fedcba9876543210"

export const session = (id: string, status: Session.ChatSessionStatus = "active"): Session.ChatSession.Encoded => ({
  id,
  object: "chatkit.session",
  expires_at: 1_700_000_600,
  client_secret: clientSecret,
  workflow: { id: "wf_1", version: null, state_variables: null, tracing: { enabled: true } },
  user: "user_1",
  rate_limits: { max_requests_per_1_minute: 10 },
  max_requests_per_1_minute: 10,
  status,
  chatkit_configuration: {
    automatic_thread_titling: { enabled: true },
    file_upload: { enabled: false, max_file_size: 512, max_files: 10 },
    history: { enabled: true, recent_threads: null }
  }
})
