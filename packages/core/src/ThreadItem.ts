/**
 * The items of a ChatKit thread: messages, widgets, client tool calls and tasks.
 *
 * ChatKit is a beta API, so every model of this library is open, and a value the API adds later never fails a
 * page:
 *
 * - an object told apart by its `type` (an item, a thread status, a content part, an attachment, an
 *   annotation or its source, a task of a task group) whose `type` is unknown decodes to that union's
 *   `Unknown…` member, `{ type: "unknown", raw }`, where `raw` is the whole JSON object, written back
 *   unchanged by encoding. An {@link UnknownItem} also has `id`, `object`, `created_at` and `thread_id`, so
 *   every item has them;
 * - any other enum (a task's `task_type`, a tool call's `status`, a session's `status`) is a string: a known
 *   value has its literal type, any other is the string as sent, typed by a brand (`UnknownTaskType`, …).
 *   A `switch` on the value narrows to the brand in its `default` branch;
 * - an absent array decodes as `[]`, an absent nullable key as `null`; encoding writes every key. Keys this
 *   library does not know are dropped from known variants and kept in the `raw` of unknown ones.
 *
 * Still fatal: a known field of the wrong type, and an item without `id`, `object`, `created_at` or
 * `thread_id` (the failure points at that field).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { array, identifiedBy, nullable, openLiteral, type RawObject, unknownVariant } from "./internal/schema.js"

/**
 * Plain text typed by the user.
 *
 * @since 0.1.0
 * @category schemas
 */
export const InputText = Schema.Struct({
  type: Schema.Literal("input_text"),
  text: Schema.String
}).annotations({ identifier: "InputText" })

/**
 * @since 0.1.0
 * @category models
 */
export interface InputText extends Schema.Schema.Type<typeof InputText> {}

/**
 * Text the user quoted.
 *
 * @since 0.1.0
 * @category schemas
 */
export const QuotedText = Schema.Struct({
  type: Schema.Literal("quoted_text"),
  text: Schema.String
}).annotations({ identifier: "QuotedText" })

/**
 * @since 0.1.0
 * @category models
 */
export interface QuotedText extends Schema.Schema.Type<typeof QuotedText> {}

/**
 * A content part of a user message whose `type` this version of the library does not know, kept whole in
 * `raw`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownUserMessageContent {
  readonly type: "unknown"
  readonly raw: RawObject
}

/**
 * @since 0.1.0
 * @category schemas
 */
export const UnknownUserMessageContent: Schema.Schema<UnknownUserMessageContent, RawObject> = unknownVariant(
  ["input_text", "quoted_text"],
  "UnknownUserMessageContent",
  {}
)

/**
 * One content part of a user message.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UserMessageContent = Schema.Union(InputText, QuotedText, UnknownUserMessageContent)

/**
 * @since 0.1.0
 * @category models
 */
export type UserMessageContent = typeof UserMessageContent.Type

/**
 * A file or an image attached to a user message: both kinds share one flat shape.
 *
 * @since 0.1.0
 * @category schemas
 */
export const KnownAttachment = Schema.Struct({
  id: Schema.String,
  type: Schema.Literal("image", "file"),
  name: Schema.String,
  mime_type: Schema.String,
  preview_url: nullable(Schema.String)
}).annotations({ identifier: "KnownAttachment" })

/**
 * @since 0.1.0
 * @category models
 */
export interface KnownAttachment extends Schema.Schema.Type<typeof KnownAttachment> {}

/**
 * An attachment whose `type` this version of the library does not know, kept whole in `raw`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownAttachment {
  readonly type: "unknown"
  readonly raw: RawObject
}

/**
 * @since 0.1.0
 * @category schemas
 */
export const UnknownAttachment: Schema.Schema<UnknownAttachment, RawObject> = unknownVariant(
  ["image", "file"],
  "UnknownAttachment",
  {}
)

/**
 * An attachment of a user message, discriminated by `type`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Attachment = Schema.Union(KnownAttachment, UnknownAttachment)

/**
 * @since 0.1.0
 * @category models
 */
export type Attachment = typeof Attachment.Type

/**
 * The tool the user asked for.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ToolChoice = Schema.Struct({
  id: Schema.String
}).annotations({ identifier: "ToolChoice" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ToolChoice extends Schema.Schema.Type<typeof ToolChoice> {}

/**
 * Inference overrides of a user message; `null` fields mean the session default.
 *
 * @since 0.1.0
 * @category schemas
 */
export const InferenceOptions = Schema.Struct({
  tool_choice: nullable(ToolChoice),
  model: nullable(Schema.String)
}).annotations({ identifier: "InferenceOptions" })

/**
 * @since 0.1.0
 * @category models
 */
export interface InferenceOptions extends Schema.Schema.Type<typeof InferenceOptions> {}

/**
 * The source of a file annotation: the file it cites.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FileAnnotationSource = Schema.Struct({
  type: Schema.Literal("file"),
  filename: Schema.String
}).annotations({ identifier: "FileAnnotationSource" })

/**
 * @since 0.1.0
 * @category models
 */
export interface FileAnnotationSource extends Schema.Schema.Type<typeof FileAnnotationSource> {}

/**
 * The source of a URL annotation: the URL it cites.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UrlAnnotationSource = Schema.Struct({
  type: Schema.Literal("url"),
  url: Schema.String
}).annotations({ identifier: "UrlAnnotationSource" })

/**
 * @since 0.1.0
 * @category models
 */
export interface UrlAnnotationSource extends Schema.Schema.Type<typeof UrlAnnotationSource> {}

/**
 * An annotation source whose `type` this version of the library does not know, kept whole in `raw`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownAnnotationSource {
  readonly type: "unknown"
  readonly raw: RawObject
}

/**
 * @since 0.1.0
 * @category schemas
 */
export const UnknownAnnotationSource: Schema.Schema<UnknownAnnotationSource, RawObject> = unknownVariant(
  ["file", "url"],
  "UnknownAnnotationSource",
  {}
)

/**
 * An annotation that cites a file. Its source has the annotation's `type`, or one this version of the library
 * does not know.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FileAnnotation = Schema.Struct({
  type: Schema.Literal("file"),
  source: Schema.Union(FileAnnotationSource, UnknownAnnotationSource)
}).annotations({ identifier: "FileAnnotation" })

/**
 * @since 0.1.0
 * @category models
 */
export interface FileAnnotation extends Schema.Schema.Type<typeof FileAnnotation> {}

/**
 * An annotation that cites a URL. Its source has the annotation's `type`, or one this version of the library
 * does not know.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UrlAnnotation = Schema.Struct({
  type: Schema.Literal("url"),
  source: Schema.Union(UrlAnnotationSource, UnknownAnnotationSource)
}).annotations({ identifier: "UrlAnnotation" })

/**
 * @since 0.1.0
 * @category models
 */
export interface UrlAnnotation extends Schema.Schema.Type<typeof UrlAnnotation> {}

/**
 * An annotation whose `type` this version of the library does not know, kept whole in `raw`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownAnnotation {
  readonly type: "unknown"
  readonly raw: RawObject
}

/**
 * @since 0.1.0
 * @category schemas
 */
export const UnknownAnnotation: Schema.Schema<UnknownAnnotation, RawObject> = unknownVariant(
  ["file", "url"],
  "UnknownAnnotation",
  {}
)

/**
 * An annotation of an assistant's text, discriminated by `type`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Annotation = Schema.Union(FileAnnotation, UrlAnnotation, UnknownAnnotation)

/**
 * @since 0.1.0
 * @category models
 */
export type Annotation = typeof Annotation.Type

/**
 * One segment of an assistant response.
 *
 * @since 0.1.0
 * @category schemas
 */
export const OutputText = Schema.Struct({
  type: Schema.Literal("output_text"),
  text: Schema.String,
  annotations: array(Annotation)
}).annotations({ identifier: "OutputText" })

/**
 * @since 0.1.0
 * @category models
 */
export interface OutputText extends Schema.Schema.Type<typeof OutputText> {}

/**
 * The subtype of a task: `custom`, `thought`, or one this version of the library does not know
 * ({@link UnknownTaskType}).
 *
 * @since 0.1.0
 * @category schemas
 */
export const TaskType = openLiteral(["custom", "thought"], "UnknownTaskType")

/**
 * @since 0.1.0
 * @category models
 */
export type TaskType = typeof TaskType.Type

/**
 * A task subtype this version of the library does not know: the string as the API sent it.
 *
 * @since 0.1.0
 * @category models
 */
export type UnknownTaskType = Exclude<TaskType, "custom" | "thought">

/**
 * A task inside a task group, of a known subtype. Unlike a standalone task its subtype is under `type`, and
 * it has no id.
 *
 * @since 0.1.0
 * @category schemas
 */
export const KnownTaskGroupTask = Schema.Struct({
  type: Schema.Literal("custom", "thought"),
  heading: nullable(Schema.String),
  summary: nullable(Schema.String)
}).annotations({ identifier: "KnownTaskGroupTask" })

/**
 * @since 0.1.0
 * @category models
 */
export interface KnownTaskGroupTask extends Schema.Schema.Type<typeof KnownTaskGroupTask> {}

/**
 * A task inside a task group whose `type` this version of the library does not know, kept whole in `raw`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownTaskGroupTask {
  readonly type: "unknown"
  readonly raw: RawObject
}

/**
 * @since 0.1.0
 * @category schemas
 */
export const UnknownTaskGroupTask: Schema.Schema<UnknownTaskGroupTask, RawObject> = unknownVariant(
  ["custom", "thought"],
  "UnknownTaskGroupTask",
  {}
)

/**
 * A task inside a task group, discriminated by `type`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TaskGroupTask = Schema.Union(KnownTaskGroupTask, UnknownTaskGroupTask)

/**
 * @since 0.1.0
 * @category models
 */
export type TaskGroupTask = typeof TaskGroupTask.Type

/**
 * The status of a client tool call: `in_progress`, `completed`, or one this version of the library does not
 * know ({@link UnknownClientToolCallStatus}).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ClientToolCallStatus = openLiteral(["in_progress", "completed"], "UnknownClientToolCallStatus")

/**
 * @since 0.1.0
 * @category models
 */
export type ClientToolCallStatus = typeof ClientToolCallStatus.Type

/**
 * A client tool call status this version of the library does not know: the string as the API sent it.
 *
 * @since 0.1.0
 * @category models
 */
export type UnknownClientToolCallStatus = Exclude<ClientToolCallStatus, "in_progress" | "completed">

const itemFields = {
  id: Schema.String,
  object: Schema.Literal("chatkit.thread_item"),
  created_at: Schema.Int,
  thread_id: Schema.String
}

/**
 * A message the user sent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UserMessageItem = Schema.Struct({
  type: Schema.Literal("chatkit.user_message"),
  ...itemFields,
  content: array(UserMessageContent),
  attachments: array(Attachment),
  inference_options: nullable(InferenceOptions)
}).annotations({ identifier: "UserMessageItem" })

/**
 * @since 0.1.0
 * @category models
 */
export interface UserMessageItem extends Schema.Schema.Type<typeof UserMessageItem> {}

/**
 * A response of the assistant.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AssistantMessageItem = Schema.Struct({
  type: Schema.Literal("chatkit.assistant_message"),
  ...itemFields,
  content: array(OutputText)
}).annotations({ identifier: "AssistantMessageItem" })

/**
 * @since 0.1.0
 * @category models
 */
export interface AssistantMessageItem extends Schema.Schema.Type<typeof AssistantMessageItem> {}

/**
 * A widget shown in the thread. `widget` is the widget tree serialized as a JSON string.
 *
 * @since 0.1.0
 * @category schemas
 */
export const WidgetItem = Schema.Struct({
  type: Schema.Literal("chatkit.widget"),
  ...itemFields,
  widget: Schema.String
}).annotations({ identifier: "WidgetItem" })

/**
 * @since 0.1.0
 * @category models
 */
export interface WidgetItem extends Schema.Schema.Type<typeof WidgetItem> {}

/**
 * A call of a tool that runs in the client. `arguments` and `output` are JSON strings; `output` is `null`
 * while the call is in progress.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ClientToolCallItem = Schema.Struct({
  type: Schema.Literal("chatkit.client_tool_call"),
  ...itemFields,
  status: ClientToolCallStatus,
  call_id: Schema.String,
  name: Schema.String,
  arguments: Schema.String,
  output: nullable(Schema.String)
}).annotations({ identifier: "ClientToolCallItem" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ClientToolCallItem extends Schema.Schema.Type<typeof ClientToolCallItem> {}

/**
 * A task the workflow reported, with its subtype under `task_type`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TaskItem = Schema.Struct({
  type: Schema.Literal("chatkit.task"),
  ...itemFields,
  task_type: TaskType,
  heading: nullable(Schema.String),
  summary: nullable(Schema.String)
}).annotations({ identifier: "TaskItem" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TaskItem extends Schema.Schema.Type<typeof TaskItem> {}

/**
 * A group of tasks the workflow reported together.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TaskGroupItem = Schema.Struct({
  type: Schema.Literal("chatkit.task_group"),
  ...itemFields,
  tasks: array(TaskGroupTask)
}).annotations({ identifier: "TaskGroupItem" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TaskGroupItem extends Schema.Schema.Type<typeof TaskGroupItem> {}

/**
 * The `type` of every item variant this version of the library knows.
 *
 * @since 0.1.0
 * @category constants
 */
export const knownTypes = [
  "chatkit.user_message",
  "chatkit.assistant_message",
  "chatkit.widget",
  "chatkit.client_tool_call",
  "chatkit.task",
  "chatkit.task_group"
] as const

/**
 * An item whose `type` this version of the library does not know, so that a new item type never fails a
 * page. It has the fields every item has, and the whole JSON object in `raw`, which is what encoding writes
 * back.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownItem {
  readonly type: "unknown"
  readonly id: string
  readonly object: "chatkit.thread_item"
  readonly created_at: number
  readonly thread_id: string
  readonly raw: UnknownItem.Raw
}

/**
 * @since 0.1.0
 */
export declare namespace UnknownItem {
  /**
   * The JSON object of an unknown item: any `type` outside {@link knownTypes}, and the fields every item has.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Raw extends RawObject {
    readonly id: string
    readonly object: "chatkit.thread_item"
    readonly created_at: number
    readonly thread_id: string
  }
}

/**
 * @since 0.1.0
 * @category schemas
 */
export const UnknownItem: Schema.Schema<UnknownItem, UnknownItem.Raw> = unknownVariant(
  knownTypes,
  "UnknownThreadItem",
  itemFields
)

/**
 * Any item of a thread, discriminated by `type`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ThreadItem: Schema.Schema<ThreadItem, ThreadItem.Encoded> = identifiedBy(
  itemFields,
  Schema.Union(
    UserMessageItem,
    AssistantMessageItem,
    WidgetItem,
    ClientToolCallItem,
    TaskItem,
    TaskGroupItem,
    UnknownItem
  )
).annotations({ identifier: "ThreadItem" })

/**
 * @since 0.1.0
 * @category models
 */
export type ThreadItem =
  | UserMessageItem
  | AssistantMessageItem
  | WidgetItem
  | ClientToolCallItem
  | TaskItem
  | TaskGroupItem
  | UnknownItem

/**
 * @since 0.1.0
 */
export declare namespace ThreadItem {
  /**
   * An item as it travels on the wire.
   *
   * @since 0.1.0
   * @category models
   */
  export type Encoded =
    | typeof UserMessageItem.Encoded
    | typeof AssistantMessageItem.Encoded
    | typeof WidgetItem.Encoded
    | typeof ClientToolCallItem.Encoded
    | typeof TaskItem.Encoded
    | typeof TaskGroupItem.Encoded
    | UnknownItem.Raw
}
