/**
 * ChatKit threads: the thread resource, its status and the result of deleting one.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { nullable, type RawObject, unknownVariant } from "./internal/schema.js"

const ActiveStatus_ = Schema.Struct({
  type: Schema.Literal("active")
})

/**
 * A thread that accepts new input.
 *
 * @since 0.1.0
 * @category models
 */
export interface ActiveStatus extends Schema.Schema.Type<typeof ActiveStatus_> {}

/**
 * @since 0.1.0
 * @category schemas
 */
export const ActiveStatus: Schema.Schema<ActiveStatus> = ActiveStatus_.annotations({ identifier: "ActiveStatus" })

const LockedStatus_ = Schema.Struct({
  type: Schema.Literal("locked"),
  reason: nullable(Schema.String)
})

/**
 * A thread that cannot accept new input; `reason` is `null` when none was recorded.
 *
 * @since 0.1.0
 * @category models
 */
export interface LockedStatus extends Schema.Schema.Type<typeof LockedStatus_> {}

/**
 * @since 0.1.0
 * @category schemas
 */
export const LockedStatus: Schema.Schema<LockedStatus, Schema.Schema.Encoded<typeof LockedStatus_>> = LockedStatus_
  .annotations({ identifier: "LockedStatus" })

const ClosedStatus_ = Schema.Struct({
  type: Schema.Literal("closed"),
  reason: nullable(Schema.String)
})

/**
 * A closed thread; `reason` is `null` when none was recorded.
 *
 * @since 0.1.0
 * @category models
 */
export interface ClosedStatus extends Schema.Schema.Type<typeof ClosedStatus_> {}

/**
 * @since 0.1.0
 * @category schemas
 */
export const ClosedStatus: Schema.Schema<ClosedStatus, Schema.Schema.Encoded<typeof ClosedStatus_>> = ClosedStatus_
  .annotations({ identifier: "ClosedStatus" })

/**
 * A status whose `type` this version of the library does not know. The whole JSON object is kept in `raw`
 * and written back unchanged when encoded.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownStatus {
  readonly type: "unknown"
  readonly raw: RawObject
}

/**
 * @since 0.1.0
 * @category schemas
 */
export const UnknownStatus: Schema.Schema<UnknownStatus, RawObject> = unknownVariant(
  ["active", "locked", "closed"],
  "UnknownThreadStatus"
)

/**
 * The status of a thread, discriminated by `type`.
 *
 * @since 0.1.0
 * @category models
 */
export type ThreadStatus = ActiveStatus | LockedStatus | ClosedStatus | UnknownStatus

/**
 * @since 0.1.0
 * @category schemas
 */
export const ThreadStatus: Schema.Schema<ThreadStatus, ThreadStatus.Encoded> = Schema.Union(
  ActiveStatus,
  LockedStatus,
  ClosedStatus,
  UnknownStatus
)

/**
 * @since 0.1.0
 */
export declare namespace ThreadStatus {
  /**
   * The status as it travels on the wire.
   *
   * @since 0.1.0
   * @category models
   */
  export type Encoded =
    | Schema.Schema.Encoded<typeof ActiveStatus_>
    | Schema.Schema.Encoded<typeof LockedStatus_>
    | Schema.Schema.Encoded<typeof ClosedStatus_>
    | RawObject
}

const Thread_ = Schema.Struct({
  id: Schema.String,
  object: Schema.Literal("chatkit.thread"),
  created_at: Schema.Int,
  title: nullable(Schema.String),
  status: ThreadStatus,
  user: Schema.String
})

/**
 * A ChatKit thread (`chatkit.thread`). `created_at` is in whole Unix seconds; `title` is `null` until one is
 * generated.
 *
 * @since 0.1.0
 * @category models
 */
export interface Thread extends Schema.Schema.Type<typeof Thread_> {}

/**
 * @since 0.1.0
 */
export declare namespace Thread {
  /**
   * A thread as it travels on the wire.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Encoded extends Schema.Schema.Encoded<typeof Thread_> {}
}

/**
 * @since 0.1.0
 * @category schemas
 */
export const Thread: Schema.Schema<Thread, Thread.Encoded> = Thread_.annotations({ identifier: "Thread" })

const ThreadDeleted_ = Schema.Struct({
  id: Schema.String,
  object: Schema.Literal("chatkit.thread.deleted"),
  deleted: Schema.Boolean
})

/**
 * The answer to deleting a thread (`chatkit.thread.deleted`).
 *
 * @since 0.1.0
 * @category models
 */
export interface ThreadDeleted extends Schema.Schema.Type<typeof ThreadDeleted_> {}

/**
 * @since 0.1.0
 * @category schemas
 */
export const ThreadDeleted: Schema.Schema<ThreadDeleted> = ThreadDeleted_.annotations({ identifier: "ThreadDeleted" })
