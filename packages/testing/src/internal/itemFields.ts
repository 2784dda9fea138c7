/**
 * The schemas of a new item of each known variant: the variant without the fields the store assigns.
 *
 * @internal
 */
import * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import * as Schema from "effect/Schema"

const assigned = ["id", "object", "created_at", "thread_id"] as const

/** @internal */
export const UserMessageFields = ThreadItem.UserMessageItem.pipe(Schema.omit(...assigned))

/** @internal */
export const AssistantMessageFields = ThreadItem.AssistantMessageItem.pipe(Schema.omit(...assigned))

/** @internal */
export const WidgetFields = ThreadItem.WidgetItem.pipe(Schema.omit(...assigned))

/** @internal */
export const ClientToolCallFields = ThreadItem.ClientToolCallItem.pipe(Schema.omit(...assigned))

/** @internal */
export const TaskFields = ThreadItem.TaskItem.pipe(Schema.omit(...assigned))

/** @internal */
export const TaskGroupFields = ThreadItem.TaskGroupItem.pipe(Schema.omit(...assigned))

/** @internal */
export const ItemFields = Schema.Union(
  UserMessageFields,
  AssistantMessageFields,
  WidgetFields,
  ClientToolCallFields,
  TaskFields,
  TaskGroupFields
)
