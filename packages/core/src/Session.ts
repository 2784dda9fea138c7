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

const WorkflowTracing_ = Schema.Struct({
  enabled: Schema.Boolean
})

/**
 * Whether the workflow runs are traced.
 *
 * @since 0.1.0
 * @category models
 */
export interface WorkflowTracing extends Schema.Schema.Type<typeof WorkflowTracing_> {}

/**
 * @since 0.1.0
 * @category schemas
 */
export const WorkflowTracing: Schema.Schema<WorkflowTracing> = WorkflowTracing_.annotations({
  identifier: "WorkflowTracing"
})

const ChatKitWorkflow_ = Schema.Struct({
  id: Schema.String,
  version: nullable(Schema.String),
  state_variables: nullable(StateVariables),
  tracing: WorkflowTracing
})

/**
 * The workflow behind a session. `version` is `null` when the latest deployment runs; `state_variables` is
 * `null` when none were given.
 *
 * @since 0.1.0
 * @category models
 */
export interface ChatKitWorkflow extends Schema.Schema.Type<typeof ChatKitWorkflow_> {}

/**
 * @since 0.1.0
 * @category schemas
 */
export const ChatKitWorkflow: Schema.Schema<ChatKitWorkflow, Schema.Schema.Encoded<typeof ChatKitWorkflow_>> =
  ChatKitWorkflow_.annotations({ identifier: "ChatKitWorkflow" })

const RateLimits_ = Schema.Struct({
  max_requests_per_1_minute: Schema.Int
})

/**
 * The session's request limit per one-minute window.
 *
 * @since 0.1.0
 * @category models
 */
export interface RateLimits extends Schema.Schema.Type<typeof RateLimits_> {}

/**
 * @since 0.1.0
 * @category schemas
 */
export const RateLimits: Schema.Schema<RateLimits> = RateLimits_.annotations({ identifier: "ChatSessionRateLimits" })

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

const AutomaticThreadTitling_ = Schema.Struct({
  enabled: Schema.Boolean
})

/**
 * Whether threads get generated titles.
 *
 * @since 0.1.0
 * @category models
 */
export interface AutomaticThreadTitling extends Schema.Schema.Type<typeof AutomaticThreadTitling_> {}

/**
 * @since 0.1.0
 * @category schemas
 */
export const AutomaticThreadTitling: Schema.Schema<AutomaticThreadTitling> = AutomaticThreadTitling_.annotations({
  identifier: "ChatSessionAutomaticThreadTitling"
})

const FileUpload_ = Schema.Struct({
  enabled: Schema.Boolean,
  max_file_size: nullable(Schema.Int),
  max_files: nullable(Schema.Int)
})

/**
 * Upload permission and limits; `max_file_size` is in megabytes.
 *
 * @since 0.1.0
 * @category models
 */
export interface FileUpload extends Schema.Schema.Type<typeof FileUpload_> {}

/**
 * @since 0.1.0
 * @category schemas
 */
export const FileUpload: Schema.Schema<FileUpload, Schema.Schema.Encoded<typeof FileUpload_>> = FileUpload_
  .annotations({ identifier: "ChatSessionFileUpload" })

const History_ = Schema.Struct({
  enabled: Schema.Boolean,
  recent_threads: nullable(Schema.Int)
})

/**
 * Whether users see earlier threads; `recent_threads` is `null` when all of them are shown.
 *
 * @since 0.1.0
 * @category models
 */
export interface History extends Schema.Schema.Type<typeof History_> {}

/**
 * @since 0.1.0
 * @category schemas
 */
export const History: Schema.Schema<History, Schema.Schema.Encoded<typeof History_>> = History_.annotations({
  identifier: "ChatSessionHistory"
})

const ChatKitConfiguration_ = Schema.Struct({
  automatic_thread_titling: AutomaticThreadTitling,
  file_upload: FileUpload,
  history: History
})

/**
 * The ChatKit features of a session, with every default resolved.
 *
 * @since 0.1.0
 * @category models
 */
export interface ChatKitConfiguration extends Schema.Schema.Type<typeof ChatKitConfiguration_> {}

/**
 * @since 0.1.0
 * @category schemas
 */
export const ChatKitConfiguration: Schema.Schema<
  ChatKitConfiguration,
  Schema.Schema.Encoded<typeof ChatKitConfiguration_>
> = ChatKitConfiguration_.annotations({ identifier: "ChatSessionChatKitConfiguration" })

const ChatSession_ = Schema.Struct({
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
})

/**
 * A ChatKit session (`chatkit.session`). `expires_at` is in whole Unix seconds. The `client_secret`, which
 * authenticates the front end's requests, is `Redacted`: it shows as `<redacted>` in logs, errors, spans and
 * `JSON.stringify`, and only encoding the session (or `Redacted.value`) gives the string back.
 *
 * @since 0.1.0
 * @category models
 */
export interface ChatSession extends Schema.Schema.Type<typeof ChatSession_> {}

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
  export interface Encoded extends Schema.Schema.Encoded<typeof ChatSession_> {}
}

/**
 * @since 0.1.0
 * @category schemas
 */
export const ChatSession: Schema.Schema<ChatSession, ChatSession.Encoded> = ChatSession_.annotations({
  identifier: "ChatSession"
})

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
