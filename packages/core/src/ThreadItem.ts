/**
 * The items of a ChatKit thread: messages, widgets, client tool calls and tasks.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { nullable, type RawObject, unknownVariant } from "./internal/schema.js"

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
 * One content part of a user message.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UserMessageContent = Schema.Union(InputText, QuotedText)

/**
 * @since 0.1.0
 * @category models
 */
export type UserMessageContent = typeof UserMessageContent.Type

/**
 * A file or image attached to a user message. Both kinds share one flat shape.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Attachment = Schema.Struct({
  id: Schema.String,
  type: Schema.Literal("image", "file"),
  name: Schema.String,
  mime_type: Schema.String,
  preview_url: nullable(Schema.String)
}).annotations({ identifier: "Attachment" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Attachment extends Schema.Schema.Type<typeof Attachment> {}

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
 * An annotation that cites a file.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FileAnnotation = Schema.Struct({
  type: Schema.Literal("file"),
  source: Schema.Struct({
    type: Schema.Literal("file"),
    filename: Schema.String
  })
}).annotations({ identifier: "FileAnnotation" })

/**
 * @since 0.1.0
 * @category models
 */
export interface FileAnnotation extends Schema.Schema.Type<typeof FileAnnotation> {}

/**
 * An annotation that cites a URL.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UrlAnnotation = Schema.Struct({
  type: Schema.Literal("url"),
  source: Schema.Struct({
    type: Schema.Literal("url"),
    url: Schema.String
  })
}).annotations({ identifier: "UrlAnnotation" })

/**
 * @since 0.1.0
 * @category models
 */
export interface UrlAnnotation extends Schema.Schema.Type<typeof UrlAnnotation> {}

/**
 * @since 0.1.0
 * @category schemas
 */
export const Annotation = Schema.Union(FileAnnotation, UrlAnnotation)

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
  annotations: Schema.Array(Annotation)
}).annotations({ identifier: "OutputText" })

/**
 * @since 0.1.0
 * @category models
 */
export interface OutputText extends Schema.Schema.Type<typeof OutputText> {}

/**
 * The subtype of a task: `custom` or `thought`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TaskType = Schema.Literal("custom", "thought")

/**
 * @since 0.1.0
 * @category models
 */
export type TaskType = typeof TaskType.Type

/**
 * A task inside a task group. Unlike a standalone task its subtype is under `type`, and it has no id.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TaskGroupTask = Schema.Struct({
  type: TaskType,
  heading: nullable(Schema.String),
  summary: nullable(Schema.String)
}).annotations({ identifier: "TaskGroupTask" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TaskGroupTask extends Schema.Schema.Type<typeof TaskGroupTask> {}

/**
 * The status of a client tool call.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ClientToolCallStatus = Schema.Literal("in_progress", "completed")

/**
 * @since 0.1.0
 * @category models
 */
export type ClientToolCallStatus = typeof ClientToolCallStatus.Type

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
  content: Schema.Array(UserMessageContent),
  attachments: Schema.Array(Attachment),
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
  content: Schema.Array(OutputText)
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
  tasks: Schema.Array(TaskGroupTask)
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
 * An item whose `type` this version of the library does not know. The whole JSON object is kept in `raw`
 * and written back unchanged when encoded, so a new item type never fails a page.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownItem {
  readonly type: "unknown"
  readonly raw: RawObject
}

/**
 * @since 0.1.0
 * @category schemas
 */
export const UnknownItem: Schema.Schema<UnknownItem, RawObject> = unknownVariant(knownTypes, "UnknownThreadItem")

/**
 * Any item of a thread, discriminated by `type`.
 *
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
    | RawObject
}

/**
 * @since 0.1.0
 * @category schemas
 */
export const ThreadItem: Schema.Schema<ThreadItem, ThreadItem.Encoded> = Schema.Union(
  UserMessageItem,
  AssistantMessageItem,
  WidgetItem,
  ClientToolCallItem,
  TaskItem,
  TaskGroupItem,
  UnknownItem
).annotations({ identifier: "ThreadItem" })

/**
 * The id of an item, also of one whose type is unknown (`undefined` when such an item has no string id).
 *
 * @since 0.1.0
 * @category getters
 */
export const id = (item: ThreadItem): string | undefined =>
  item.type === "unknown" ? (typeof item.raw.id === "string" ? item.raw.id : undefined) : item.id
