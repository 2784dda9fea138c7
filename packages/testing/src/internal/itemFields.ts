/**
 * The schemas of a new item, as the fakes' admins take it: the fields of an item of any variant without those
 * the store assigns (`id`, `object`, `created_at`, `thread_id`), unknown variants included. Decoding reads
 * the wire form (an unknown variant is any JSON object with a `type` no variant has); the type side is what
 * the in-memory admin takes (`{ type: "unknown", raw }`).
 *
 * @internal
 */
import * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import type { NewItem } from "./store.js"

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

/**
 * The JSON object of a new item of a type no variant has; the store adds the fields it assigns.
 *
 * @internal
 */
export interface UnknownItemRaw {
  readonly type: string
  readonly [key: string]: unknown
}

const knownTypes: ReadonlySet<unknown> = new Set(ThreadItem.knownTypes)

const UnknownItemRaw = Schema.declare(
  (u): u is UnknownItemRaw => Predicate.isRecord(u) && typeof u.type === "string" && !knownTypes.has(u.type),
  { identifier: "UnknownItemRaw", description: `an object whose type is not one of ${[...knownTypes].join(", ")}` }
)

/** @internal */
export const UnknownItemFields = Schema.transform(
  UnknownItemRaw,
  Schema.Struct({ type: Schema.Literal("unknown"), raw: UnknownItemRaw }),
  { strict: true, decode: (raw) => ({ type: "unknown" as const, raw }), encode: ({ raw }) => raw }
)

/** @internal */
export const ItemFields = Schema.Union(
  UserMessageFields,
  AssistantMessageFields,
  WidgetFields,
  ClientToolCallFields,
  TaskFields,
  TaskGroupFields,
  UnknownItemFields
)

/**
 * The item the store makes of new fields and the fields it assigns: an unknown item gets them both at its top
 * level and in its JSON object.
 *
 * @internal
 */
export const assign = (
  fields: NewItem,
  assigned: { readonly id: string; readonly created_at: number; readonly thread_id: string }
): ThreadItem.ThreadItem => {
  const identity = {
    id: assigned.id,
    object: "chatkit.thread_item",
    created_at: assigned.created_at,
    thread_id: assigned.thread_id
  } as const
  return fields.type === "unknown"
    ? { type: "unknown", ...identity, raw: { ...fields.raw, ...identity } }
    : { ...fields, ...identity }
}
