import * as Option from "effect/Option"
import * as AST from "effect/SchemaAST"

/** @internal */
export const ErrorCodeId: unique symbol = Symbol.for("@effect-chatkit/core/ErrorCode")

/**
 * Annotates a schema with the OpenAI error `code` its failure is reported with.
 *
 * @internal
 */
export const withErrorCode = (code: string) => ({ [ErrorCodeId]: code })

/** @internal */
export const getErrorCode = (ast: AST.AST): string | undefined =>
  Option.getOrUndefined(AST.getAnnotation<string>(ast, ErrorCodeId))
