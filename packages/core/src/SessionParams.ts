/**
 * The body of creating a ChatKit session, with the API's exact constraints and the defaults it applies.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import {
  anObject,
  boolean,
  boundedRecord,
  expected,
  integer,
  nonEmptyString,
  oneOf,
  string,
  stringUpTo
} from "./internal/constraints.js"
import { jsonNumber } from "./internal/jsonArbitrary.js"
import type * as Session from "./Session.js"

/**
 * A session expires this many seconds after it is created when `expires_after` is not given (10 minutes).
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultExpiresAfterSeconds = 600

/**
 * The longest lifetime `expires_after.seconds` may ask for.
 *
 * @since 0.1.0
 * @category constants
 */
export const maxExpiresAfterSeconds = 600

/**
 * Requests per minute when `rate_limits.max_requests_per_1_minute` is not given.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultMaxRequestsPerMinute = 10

/**
 * Workflow runs are traced unless `workflow.tracing.enabled` is `false`.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultTracingEnabled = true

/**
 * The most state variables a workflow takes.
 *
 * @since 0.1.0
 * @category constants
 */
export const maxStateVariables = 64

/**
 * The longest name of a state variable.
 *
 * @since 0.1.0
 * @category constants
 */
export const maxStateVariableKeyLength = 64

/**
 * The longest string value of a state variable (10 MiB of characters).
 *
 * @since 0.1.0
 * @category constants
 */
export const maxStateVariableStringLength = 10_485_760

/**
 * The largest `max_file_size` (in megabytes), which is also its default.
 *
 * @since 0.1.0
 * @category constants
 */
export const maxFileSize = 512

/**
 * The ChatKit configuration a session gets when `chatkit_configuration` is not given: automatic thread
 * titling on; uploads off, with at most 10 files of at most 512 MB; history on, with every thread
 * (`recent_threads: null`).
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultChatKitConfiguration: Session.ChatKitConfiguration = {
  automatic_thread_titling: { enabled: true },
  file_upload: { enabled: false, max_file_size: maxFileSize, max_files: 10 },
  history: { enabled: true, recent_threads: null }
}

/**
 * A state variable's value in a request: a string of at most 10,485,760 characters, a boolean or a finite
 * number.
 *
 * @since 0.1.0
 * @category schemas
 */
export const StateVariableValueParam = Schema.Union(
  stringUpTo(maxStateVariableStringLength, Schema.String.annotations(expected("a string, boolean or number"))),
  Schema.Boolean,
  Schema.Finite.annotations({
    arbitrary: () => jsonNumber
  })
)

/**
 * The state variables of a request: at most 64, named with at most 64 characters each.
 *
 * @since 0.1.0
 * @category schemas
 */
export const StateVariablesParam = boundedRecord(StateVariableValueParam, maxStateVariables, maxStateVariableKeyLength)

/**
 * Tracing override of the workflow; `enabled` defaults to `true`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TracingParam = Schema.Struct({
  enabled: Schema.optional(boolean)
}).annotations(anObject)

/**
 * @since 0.1.0
 * @category models
 */
export interface TracingParam extends Schema.Schema.Type<typeof TracingParam> {}

/**
 * The workflow the session runs: its `id`, and optionally a `version` (the latest deployment when absent),
 * state variables and a tracing override.
 *
 * @since 0.1.0
 * @category schemas
 */
export const WorkflowParam = Schema.Struct({
  id: nonEmptyString,
  version: Schema.optional(string),
  state_variables: Schema.optional(StateVariablesParam),
  tracing: Schema.optional(TracingParam)
}).annotations(anObject)

/**
 * @since 0.1.0
 * @category models
 */
export interface WorkflowParam extends Schema.Schema.Type<typeof WorkflowParam> {}

/**
 * When the session expires: `seconds` (1 to 600) after its creation, the only anchor.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ExpiresAfterParam = Schema.Struct({
  anchor: oneOf("created_at"),
  seconds: integer(1, maxExpiresAfterSeconds)
}).annotations(anObject)

/**
 * @since 0.1.0
 * @category models
 */
export interface ExpiresAfterParam extends Schema.Schema.Type<typeof ExpiresAfterParam> {}

/**
 * Request limit override: at least 1 request per minute.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RateLimitsParam = Schema.Struct({
  max_requests_per_1_minute: Schema.optional(integer(1))
}).annotations(anObject)

/**
 * @since 0.1.0
 * @category models
 */
export interface RateLimitsParam extends Schema.Schema.Type<typeof RateLimitsParam> {}

/**
 * Automatic thread titling override.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AutomaticThreadTitlingParam = Schema.Struct({
  enabled: Schema.optional(boolean)
}).annotations(anObject)

/**
 * @since 0.1.0
 * @category models
 */
export interface AutomaticThreadTitlingParam extends Schema.Schema.Type<typeof AutomaticThreadTitlingParam> {}

/**
 * Upload override: `max_file_size` in megabytes from 1 to 512, `max_files` at least 1.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FileUploadParam = Schema.Struct({
  enabled: Schema.optional(boolean),
  max_file_size: Schema.optional(integer(1, maxFileSize)),
  max_files: Schema.optional(integer(1))
}).annotations(anObject)

/**
 * @since 0.1.0
 * @category models
 */
export interface FileUploadParam extends Schema.Schema.Type<typeof FileUploadParam> {}

/**
 * History override: `recent_threads` at least 1 (every thread when absent).
 *
 * @since 0.1.0
 * @category schemas
 */
export const HistoryParam = Schema.Struct({
  enabled: Schema.optional(boolean),
  recent_threads: Schema.optional(integer(1))
}).annotations(anObject)

/**
 * @since 0.1.0
 * @category models
 */
export interface HistoryParam extends Schema.Schema.Type<typeof HistoryParam> {}

/**
 * Overrides of the ChatKit features; what is absent takes `defaultChatKitConfiguration`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ChatKitConfigurationParam = Schema.Struct({
  automatic_thread_titling: Schema.optional(AutomaticThreadTitlingParam),
  file_upload: Schema.optional(FileUploadParam),
  history: Schema.optional(HistoryParam)
}).annotations(anObject)

/**
 * @since 0.1.0
 * @category models
 */
export interface ChatKitConfigurationParam extends Schema.Schema.Type<typeof ChatKitConfigurationParam> {}

/**
 * The body of `POST /chatkit/sessions`. `user` (non-empty) scopes what the session may reach; `workflow` is
 * the workflow it runs; the rest override the defaults documented by the constants of this module.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreateSessionParams = Schema.Struct({
  user: nonEmptyString,
  workflow: WorkflowParam,
  expires_after: Schema.optional(ExpiresAfterParam),
  rate_limits: Schema.optional(RateLimitsParam),
  chatkit_configuration: Schema.optional(ChatKitConfigurationParam)
}).annotations({ identifier: "CreateSessionParams", ...anObject })

/**
 * @since 0.1.0
 * @category models
 */
export interface CreateSessionParams extends Schema.Schema.Type<typeof CreateSessionParams> {}
