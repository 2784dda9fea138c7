/**
 * ChatKit sessions: the session resource with its workflow, rate limits and resolved configuration.
 *
 * @since 0.1.0
 */
import * as Arbitrary from "effect/Arbitrary"
import * as Predicate from "effect/Predicate"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { jsonNumber, recordKey } from "./internal/jsonArbitrary.js"
import { nullable, openLiteral } from "./internal/schema.js"

/**
 * A state variable's value: a string, a boolean or a finite number.
 *
 * @since 0.1.0
 * @category schemas
 */
export const StateVariableValue = Schema.Union(
  Schema.String,
  Schema.Boolean,
  Schema.JsonNumber.annotations({ arbitrary: () => jsonNumber })
)

/**
 * @since 0.1.0
 * @category models
 */
export type StateVariableValue = typeof StateVariableValue.Type

/**
 * The state variables a workflow runs with, by name.
 *
 * @since 0.1.0
 * @category schemas
 */
export const StateVariables = Schema.Record({ key: Schema.String, value: StateVariableValue }).annotations({
  arbitrary: () => (fc) => fc.dictionary(recordKey(fc.string()), Arbitrary.make(StateVariableValue), { maxKeys: 8 })
})

/**
 * @since 0.1.0
 * @category models
 */
export type StateVariables = typeof StateVariables.Type

/**
 * Whether the workflow runs are traced.
 *
 * @since 0.1.0
 * @category schemas
 */
export const WorkflowTracing = Schema.Struct({
  enabled: Schema.Boolean
}).annotations({ identifier: "WorkflowTracing" })

/**
 * @since 0.1.0
 * @category models
 */
export interface WorkflowTracing extends Schema.Schema.Type<typeof WorkflowTracing> {}

/**
 * The workflow behind a session. `version` is `null` when the latest deployment runs; `state_variables` is
 * `null` when none were given.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ChatKitWorkflow = Schema.Struct({
  id: Schema.String,
  version: nullable(Schema.String),
  state_variables: nullable(StateVariables),
  tracing: WorkflowTracing
}).annotations({ identifier: "ChatKitWorkflow" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ChatKitWorkflow extends Schema.Schema.Type<typeof ChatKitWorkflow> {}

/**
 * The session's request limit per one-minute window.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RateLimits = Schema.Struct({
  max_requests_per_1_minute: Schema.Int
}).annotations({ identifier: "ChatSessionRateLimits" })

/**
 * @since 0.1.0
 * @category models
 */
export interface RateLimits extends Schema.Schema.Type<typeof RateLimits> {}

/**
 * The lifecycle state of a session: `active`, `expired`, `cancelled`, or one this version of the library does
 * not know ({@link UnknownChatSessionStatus}).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ChatSessionStatus = openLiteral(["active", "expired", "cancelled"], "UnknownChatSessionStatus")

/**
 * @since 0.1.0
 * @category models
 */
export type ChatSessionStatus = typeof ChatSessionStatus.Type

/**
 * A session status this version of the library does not know: the string as the API sent it.
 *
 * @since 0.1.0
 * @category models
 */
export type UnknownChatSessionStatus = Exclude<ChatSessionStatus, "active" | "expired" | "cancelled">

/**
 * Whether threads get generated titles.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AutomaticThreadTitling = Schema.Struct({
  enabled: Schema.Boolean
}).annotations({ identifier: "ChatSessionAutomaticThreadTitling" })

/**
 * @since 0.1.0
 * @category models
 */
export interface AutomaticThreadTitling extends Schema.Schema.Type<typeof AutomaticThreadTitling> {}

/**
 * Upload permission and limits; `max_file_size` is in megabytes.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FileUpload = Schema.Struct({
  enabled: Schema.Boolean,
  max_file_size: nullable(Schema.Int),
  max_files: nullable(Schema.Int)
}).annotations({ identifier: "ChatSessionFileUpload" })

/**
 * @since 0.1.0
 * @category models
 */
export interface FileUpload extends Schema.Schema.Type<typeof FileUpload> {}

/**
 * Whether users see earlier threads; `recent_threads` is `null` when all of them are shown.
 *
 * @since 0.1.0
 * @category schemas
 */
export const History = Schema.Struct({
  enabled: Schema.Boolean,
  recent_threads: nullable(Schema.Int)
}).annotations({ identifier: "ChatSessionHistory" })

/**
 * @since 0.1.0
 * @category models
 */
export interface History extends Schema.Schema.Type<typeof History> {}

/**
 * The ChatKit features of a session, with every default resolved.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ChatKitConfiguration = Schema.Struct({
  automatic_thread_titling: AutomaticThreadTitling,
  file_upload: FileUpload,
  history: History
}).annotations({ identifier: "ChatSessionChatKitConfiguration" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ChatKitConfiguration extends Schema.Schema.Type<typeof ChatKitConfiguration> {}

/**
 * A ChatKit session (`chatkit.session`). `expires_at` is in whole Unix seconds. The `client_secret`, which
 * authenticates the front end's requests, is `Redacted`: it shows as `<redacted>` in logs, errors, spans and
 * `JSON.stringify`, and only encoding the session (or `Redacted.value`) gives the string back.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ChatSession = Schema.Struct({
  id: Schema.String,
  object: Schema.Literal("chatkit.session"),
  expires_at: Schema.Int,
  client_secret: Schema.Redacted(Schema.String),
  workflow: ChatKitWorkflow,
  user: Schema.String,
  rate_limits: RateLimits,
  max_requests_per_1_minute: Schema.Int,
  status: ChatSessionStatus,
  chatkit_configuration: ChatKitConfiguration
}).annotations({ identifier: "ChatSession" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ChatSession extends Schema.Schema.Type<typeof ChatSession> {}

/**
 * @since 0.1.0
 */
export declare namespace ChatSession {
  /**
   * A session as it travels on the wire, `client_secret` in clear.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Encoded extends Schema.Schema.Encoded<typeof ChatSession> {}
}

/**
 * What a session body that fails to decode still tells: its `id` and its `client_secret` (`Redacted`) when the
 * body has them as strings, as the fields `ResponseDecodeError` carries them, so that a created session is never
 * lost.
 *
 * @since 0.1.0
 * @category decoding
 */
export const recoverable = (
  body: unknown
): { readonly sessionId?: string; readonly clientSecret?: Redacted.Redacted<string> } => {
  if (!Predicate.isRecord(body)) return {}
  const { client_secret, id } = body
  return {
    ...(typeof id === "string" ? { sessionId: id } : {}),
    ...(typeof client_secret === "string" ? { clientSecret: Redacted.make(client_secret) } : {})
  }
}
