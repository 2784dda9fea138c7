/**
 * Checks of the admin's input. A bad input is a bug of the test that wrote it, so it is reported as a
 * defect (`IllegalArgumentException`), not a typed error.
 *
 * @internal
 */
import * as Thread from "@effect-chatkit/core/Thread"
import * as Cause from "effect/Cause"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { ItemFields } from "./itemFields.js"
import type { NewItem } from "./store.js"

const validateItemFields = Schema.validateEither(ItemFields, { onExcessProperty: "error" })
const isStatus = Schema.is(Thread.ThreadStatus)

/** @internal */
export const illegal = (message: string) => new Cause.IllegalArgumentException(`ThreadsFake: ${message}`)

/** @internal */
export const checkCreatedAt = (createdAt: unknown): Cause.IllegalArgumentException | undefined =>
  createdAt === undefined || (Number.isSafeInteger(createdAt) && (createdAt as number) >= 0)
    ? undefined
    : illegal(`createdAt must be a non-negative integer of seconds, got ${String(createdAt)}`)

/** @internal */
export const checkTitle = (title: unknown): Cause.IllegalArgumentException | undefined =>
  title === undefined || title === null || typeof title === "string"
    ? undefined
    : illegal(`title must be a string or null, got ${String(title)}`)

/** @internal */
export const checkStatus = (status: unknown): Cause.IllegalArgumentException | undefined =>
  status === undefined || isStatus(status) ? undefined : illegal(`invalid thread status ${JSON.stringify(status)}`)

/** @internal */
export const checkUser = (user: unknown): Cause.IllegalArgumentException | undefined =>
  typeof user === "string" ? undefined : illegal(`user must be a string, got ${String(user)}`)

/** @internal */
export const checkTimes = (times: unknown): Cause.IllegalArgumentException | undefined =>
  Number.isSafeInteger(times) && (times as number) > 0
    ? undefined
    : illegal(`times must be a positive integer, got ${String(times)}`)

/**
 * The fields of a new item checked against the schema of its variant; unknown keys are rejected.
 *
 * @internal
 */
export const checkItemFields = (fields: unknown): Either.Either<NewItem, Cause.IllegalArgumentException> =>
  Either.mapLeft(
    validateItemFields(fields),
    (error) => illegal(`invalid item: ${ParseResult.TreeFormatter.formatErrorSync(error)}`)
  )
