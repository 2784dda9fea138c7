import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import type * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { BadRequestError } from "../ChatKitError.js"
import * as Decoding from "../Decoding.js"
import { getErrorCode } from "./errorCode.js"

interface Leaf {
  readonly path: ReadonlyArray<PropertyKey>
  readonly issue: ParseResult.ParseIssue
}

const firstLeaf = (issue: ParseResult.ParseIssue, path: ReadonlyArray<PropertyKey>): Leaf => {
  switch (issue._tag) {
    case "Pointer":
      return firstLeaf(issue.issue, [...path, ...(Array.isArray(issue.path) ? issue.path : [issue.path])])
    case "Composite":
      if (getErrorCode(issue.ast) !== undefined) return { path, issue }
      return firstLeaf(Array.isArray(issue.issues) ? issue.issues[0] : issue.issues as ParseResult.ParseIssue, path)
    case "Refinement":
      return issue.kind === "From" ? firstLeaf(issue.issue, path) : { path, issue }
    case "Transformation":
      return firstLeaf(issue.issue, path)
    default:
      return { path, issue }
  }
}

const annotatedMessage = (issue: ParseResult.ParseIssue): string | undefined => {
  if (issue._tag !== "Composite") return undefined
  const annotation = Option.getOrUndefined(AST.getMessageAnnotation(issue.ast))
  const message = annotation?.(issue)
  return typeof message === "string" ? message : undefined
}

/**
 * The error of a parameter the API does not know.
 *
 * @internal
 */
export const unknownParameter = (param: string): BadRequestError =>
  new BadRequestError({
    message: `Unrecognized request argument supplied: ${param}`,
    type: "invalid_request_error",
    code: "unknown_parameter",
    param
  })

/**
 * The client-side error of input that failed `schema`: a `BadRequestError` naming the parameter (`param`),
 * with OpenAI's wording and `code` where the schema is annotated with them.
 *
 * @internal
 */
export const badRequestFromParseIssue = (parseIssue: ParseResult.ParseIssue): BadRequestError => {
  const { issue, path } = firstLeaf(parseIssue, [])
  const param = path.length > 0 ? path.map(String).join(".") : null
  if (issue._tag === "Missing" && param !== null) {
    return new BadRequestError({
      message: `Missing required parameter: '${param}'.`,
      type: "invalid_request_error",
      code: "missing_required_parameter",
      param
    })
  }
  if (issue._tag === "Unexpected" && param !== null) return unknownParameter(param)
  const message = annotatedMessage(issue) ?? ParseResult.TreeFormatter.formatIssueSync(issue)
  return new BadRequestError({
    message: param === null || message.startsWith("Invalid '") ? message : `Invalid '${param}': ${message}`,
    type: "invalid_request_error",
    code: (issue._tag === "Type" || issue._tag === "Refinement" ? getErrorCode(issue.ast) : undefined) ??
      "invalid_value",
    param
  })
}

/**
 * Validates input against `schema` before anything is sent. Unknown keys are rejected, so a misspelt
 * parameter is an error rather than silently ignored.
 *
 * @internal
 */
export const validate = <A, I>(schema: Schema.Schema<A, I>) => {
  const decode = Decoding.decodeUnknownEither(schema, { onExcessProperty: "error", errors: "first" })
  return (input: unknown): Either.Either<A, BadRequestError> => Either.mapLeft(decode(input), badRequestFromParseIssue)
}

/**
 * The error of a path id that is not a non-empty string.
 *
 * @internal
 */
export const emptyId = (param: string, id: unknown): BadRequestError =>
  new BadRequestError({
    message: `Expected a non-empty value for \`${param}\` but received ${JSON.stringify(id) ?? "undefined"}`,
    type: "invalid_request_error",
    code: null,
    param
  })

/**
 * A path id (`thread_id`, `session_id`, ...) must be a non-empty string: an empty one would change the path of
 * the request.
 *
 * @internal
 */
export const validateId = (param: string) => (id: string): Effect.Effect<string, BadRequestError> =>
  typeof id === "string" && id.length > 0 ? Effect.succeed(id) : Effect.fail(emptyId(param, id))

/**
 * A thread id must be a non-empty string.
 *
 * @internal
 */
export const validateThreadId: (threadId: string) => Effect.Effect<string, BadRequestError> = validateId("thread_id")
