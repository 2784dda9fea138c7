/**
 * ChatKit threads: the thread resource, its status and the result of deleting one.
 *
 * A status whose `type` this version of the library does not know decodes to {@link UnknownStatus}, which
 * keeps the whole JSON object and encodes back to it (the decoding policy of every model is in `ThreadItem`).
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type { ParseOptions } from "effect/SchemaAST"
import * as Decoding from "./Decoding.js"
import * as fast from "./internal/fastDecode.js"
import { nullable, type RawObject, unknownVariant } from "./internal/schema.js"

/**
 * A thread that accepts new input.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ActiveStatus = Schema.Struct({
  type: Schema.Literal("active")
}).annotations({ identifier: "ActiveStatus" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ActiveStatus extends Schema.Schema.Type<typeof ActiveStatus> {}

/**
 * A thread that cannot accept new input; `reason` is `null` when none was recorded.
 *
 * @since 0.1.0
 * @category schemas
 */
export const LockedStatus = Schema.Struct({
  type: Schema.Literal("locked"),
  reason: nullable(Schema.String)
}).annotations({ identifier: "LockedStatus" })

/**
 * @since 0.1.0
 * @category models
 */
export interface LockedStatus extends Schema.Schema.Type<typeof LockedStatus> {}

/**
 * A closed thread; `reason` is `null` when none was recorded.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ClosedStatus = Schema.Struct({
  type: Schema.Literal("closed"),
  reason: nullable(Schema.String)
}).annotations({ identifier: "ClosedStatus" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ClosedStatus extends Schema.Schema.Type<typeof ClosedStatus> {}

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
  "UnknownThreadStatus",
  {}
)

/**
 * The status of a thread, discriminated by `type`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ThreadStatus = Schema.Union(ActiveStatus, LockedStatus, ClosedStatus, UnknownStatus)

/**
 * @since 0.1.0
 * @category models
 */
export type ThreadStatus = typeof ThreadStatus.Type

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
  export type Encoded = typeof ThreadStatus.Encoded
}

/**
 * A ChatKit thread (`chatkit.thread`). `created_at` is in whole Unix seconds; `title` is `null` until one is
 * generated.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Thread = Schema.Struct({
  id: Schema.String,
  object: Schema.Literal("chatkit.thread"),
  created_at: Schema.Int,
  title: nullable(Schema.String),
  status: ThreadStatus,
  user: Schema.String
}).annotations({ identifier: "Thread" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Thread extends Schema.Schema.Type<typeof Thread> {}

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
  export interface Encoded extends Schema.Schema.Encoded<typeof Thread> {}
}

/**
 * A decoder of threads that answers exactly as `Decoding.decodeUnknownEither(Thread, options)` (same values,
 * same errors; never throws) but several times faster on what the API sends: a thread with every key present
 * (an unknown status included) is checked and copied by hand, anything else is left to the schema. Build it once
 * and reuse it.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeThread = (
  options?: ParseOptions
): (input: unknown) => Either.Either<Thread, ParseResult.ParseIssue> => {
  const slow = Decoding.decodeUnknownEither(Thread, options)
  if (!fast.takesFastPath(options)) return slow
  return (input) => {
    const decoded = fast.thread(input)
    return decoded === undefined ? slow(input) : Either.right(decoded)
  }
}

/**
 * The answer to deleting a thread (`chatkit.thread.deleted`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ThreadDeleted = Schema.Struct({
  id: Schema.String,
  object: Schema.Literal("chatkit.thread.deleted"),
  deleted: Schema.Boolean
}).annotations({ identifier: "ThreadDeleted" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ThreadDeleted extends Schema.Schema.Type<typeof ThreadDeleted> {}
