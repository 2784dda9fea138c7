/**
 * Checks of the admin's input. A bad input is a bug of the test that wrote it, so it is reported as a
 * defect (`IllegalArgumentException`), not a typed error.
 *
 * @internal
 */
import * as Thread from "@effect-chatkit/core/Thread"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type { ParseOptions } from "effect/SchemaAST"
import { ItemFields } from "./itemFields.js"

/** @internal */
export const illegal = (message: string) => new Cause.IllegalArgumentException(`ThreadsFake: ${message}`)

const check = <A, I>(schema: Schema.Schema<A, I>, options?: ParseOptions) => {
  const is = Schema.is(schema, options)
  const validate = Schema.validate(schema, options)
  return (input: unknown): Effect.Effect<A> =>
    is(input)
      ? Effect.succeed(input)
      : Effect.orDieWith(validate(input), (error) => illegal(ParseResult.TreeFormatter.formatErrorSync(error)))
}

const Title = Schema.NullOr(Schema.String)

/** @internal */
export const checkTitle = check(Title)

/** @internal */
export const checkStatus = check(Thread.ThreadStatus)

/**
 * `createdAt`, in whole Unix seconds, when given.
 *
 * @internal
 */
export const checkCreatedAt = check(Schema.UndefinedOr(Schema.NonNegativeInt))

/** @internal */
export const checkThreadInput = check(Schema.Struct({
  user: Schema.String,
  title: Schema.optional(Title),
  status: Schema.optional(Thread.ThreadStatus),
  createdAt: Schema.optional(Schema.NonNegativeInt)
}))

/**
 * The fields of a new item checked against the schema of its variant; unknown keys are rejected.
 *
 * @internal
 */
export const checkItemFields = check(ItemFields, { onExcessProperty: "error" })

/** @internal */
export const checkTimes = check(Schema.Int.pipe(Schema.positive()))
