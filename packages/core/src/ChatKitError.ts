/**
 * The typed errors of every ChatKit operation, named as the official SDK names them.
 *
 * @since 0.1.0
 */
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"

/**
 * @since 0.1.0
 * @category type ids
 */
export const TypeId: unique symbol = Symbol.for("@effect-chatkit/core/ChatKitError")

/**
 * @since 0.1.0
 * @category type ids
 */
export type TypeId = typeof TypeId

/**
 * What an error answered by the API carries: the HTTP `status` (absent when the error was raised before any
 * request), the `x-request-id`, and OpenAI's `type`, `code` and `param`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const apiErrorFields = {
  message: Schema.String,
  status: Schema.optional(Schema.Int),
  requestId: Schema.optional(Schema.String),
  type: Schema.optional(Schema.String),
  code: Schema.optional(Schema.NullOr(Schema.String)),
  param: Schema.optional(Schema.NullOr(Schema.String))
}

/**
 * The fields of an error answered by the API, as plain data.
 *
 * @since 0.1.0
 * @category models
 */
export interface ApiErrorFields extends Schema.Struct.Constructor<typeof apiErrorFields> {}

/**
 * 400, or parameters rejected before anything was sent (then `status` is absent and `param` names the
 * parameter).
 *
 * @since 0.1.0
 * @category errors
 */
export class BadRequestError extends Schema.TaggedError<BadRequestError>("@effect-chatkit/core/BadRequestError")(
  "BadRequestError",
  apiErrorFields
) {
  /** @since 0.1.0 */
  readonly [TypeId]: TypeId = TypeId
}

/**
 * 401: the API key is missing or wrong.
 *
 * @since 0.1.0
 * @category errors
 */
export class AuthenticationError
  extends Schema.TaggedError<AuthenticationError>("@effect-chatkit/core/AuthenticationError")(
    "AuthenticationError",
    apiErrorFields
  )
{
  /** @since 0.1.0 */
  readonly [TypeId]: TypeId = TypeId
}

/**
 * 403: the key may not do this.
 *
 * @since 0.1.0
 * @category errors
 */
export class PermissionDeniedError
  extends Schema.TaggedError<PermissionDeniedError>("@effect-chatkit/core/PermissionDeniedError")(
    "PermissionDeniedError",
    apiErrorFields
  )
{
  /** @since 0.1.0 */
  readonly [TypeId]: TypeId = TypeId
}

/**
 * 404: the thread, or the cursor, does not exist.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotFoundError extends Schema.TaggedError<NotFoundError>("@effect-chatkit/core/NotFoundError")(
  "NotFoundError",
  apiErrorFields
) {
  /** @since 0.1.0 */
  readonly [TypeId]: TypeId = TypeId
}

/**
 * 409.
 *
 * @since 0.1.0
 * @category errors
 */
export class ConflictError extends Schema.TaggedError<ConflictError>("@effect-chatkit/core/ConflictError")(
  "ConflictError",
  apiErrorFields
) {
  /** @since 0.1.0 */
  readonly [TypeId]: TypeId = TypeId
}

/**
 * 422.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnprocessableEntityError
  extends Schema.TaggedError<UnprocessableEntityError>("@effect-chatkit/core/UnprocessableEntityError")(
    "UnprocessableEntityError",
    apiErrorFields
  )
{
  /** @since 0.1.0 */
  readonly [TypeId]: TypeId = TypeId
}

/**
 * 429. `retryAfter` is how long the server asked to wait, when it said so.
 *
 * @since 0.1.0
 * @category errors
 */
export class RateLimitError extends Schema.TaggedError<RateLimitError>("@effect-chatkit/core/RateLimitError")(
  "RateLimitError",
  { ...apiErrorFields, retryAfter: Schema.optional(Schema.DurationFromMillis) }
) {
  /** @since 0.1.0 */
  readonly [TypeId]: TypeId = TypeId
}

/**
 * 500 or above.
 *
 * @since 0.1.0
 * @category errors
 */
export class InternalServerError
  extends Schema.TaggedError<InternalServerError>("@effect-chatkit/core/InternalServerError")(
    "InternalServerError",
    apiErrorFields
  )
{
  /** @since 0.1.0 */
  readonly [TypeId]: TypeId = TypeId
}

/**
 * Any other status that is not a success.
 *
 * @since 0.1.0
 * @category errors
 */
export class ApiError extends Schema.TaggedError<ApiError>("@effect-chatkit/core/ApiError")(
  "ApiError",
  apiErrorFields
) {
  /** @since 0.1.0 */
  readonly [TypeId]: TypeId = TypeId
}

/**
 * The request never got an answer: DNS, refused or dropped connection, TLS.
 *
 * @since 0.1.0
 * @category errors
 */
export class ConnectionError extends Schema.TaggedError<ConnectionError>("@effect-chatkit/core/ConnectionError")(
  "ConnectionError",
  { message: Schema.String, cause: Schema.optional(Schema.Defect) }
) {
  /** @since 0.1.0 */
  readonly [TypeId]: TypeId = TypeId
}

/**
 * No answer within the time allowed for one attempt.
 *
 * @since 0.1.0
 * @category errors
 */
export class TimeoutError extends Schema.TaggedError<TimeoutError>("@effect-chatkit/core/TimeoutError")(
  "TimeoutError",
  { message: Schema.String, timeout: Schema.optional(Schema.DurationFromMillis) }
) {
  /** @since 0.1.0 */
  readonly [TypeId]: TypeId = TypeId
}

/**
 * A success answer whose body is not what the API documents; `message` names the path that failed.
 *
 * A session the API created (or cancelled) is never lost with its body: when the session fails to decode,
 * `sessionId` and `clientSecret` carry its `id` and `client_secret` whenever the body has them as strings, so
 * the caller can still use the session or cancel it. The secret is `Redacted`, so it shows in no message, log
 * or span; `Redacted.value` gives it.
 *
 * @since 0.1.0
 * @category errors
 */
export class ResponseDecodeError
  extends Schema.TaggedError<ResponseDecodeError>("@effect-chatkit/core/ResponseDecodeError")(
    "ResponseDecodeError",
    {
      message: Schema.String,
      status: Schema.optional(Schema.Int),
      requestId: Schema.optional(Schema.String),
      cause: Schema.optional(Schema.Defect),
      sessionId: Schema.optional(Schema.String),
      clientSecret: Schema.optional(Schema.Redacted(Schema.String))
    }
  )
{
  /** @since 0.1.0 */
  readonly [TypeId]: TypeId = TypeId
}

/**
 * Paging cannot go on safely: a page says `has_more` without a cursor, or a cursor came back twice (paging
 * would loop). Raised instead of stopping silently or looping forever.
 *
 * @since 0.1.0
 * @category errors
 */
export class PaginationError extends Schema.TaggedError<PaginationError>("@effect-chatkit/core/PaginationError")(
  "PaginationError",
  {
    message: Schema.String,
    reason: Schema.Literal("MissingCursor", "RepeatedCursor"),
    cursor: Schema.optional(Schema.String)
  }
) {
  /** @since 0.1.0 */
  readonly [TypeId]: TypeId = TypeId
}

/**
 * Every error a ChatKit operation can fail with.
 *
 * @since 0.1.0
 * @category models
 */
export type ChatKitError =
  | BadRequestError
  | AuthenticationError
  | PermissionDeniedError
  | NotFoundError
  | ConflictError
  | UnprocessableEntityError
  | RateLimitError
  | InternalServerError
  | ApiError
  | ConnectionError
  | TimeoutError
  | ResponseDecodeError
  | PaginationError

/**
 * Every error one request can fail with: all but `PaginationError`, which only streams raise. The error type
 * of the one-shot operations (`list`, `retrieve`, `create`, …).
 *
 * @since 0.1.0
 * @category models
 */
export type RequestError = Exclude<ChatKitError, PaginationError>

/**
 * @since 0.1.0
 * @category schemas
 */
export const ChatKitError: Schema.Union<[
  typeof BadRequestError,
  typeof AuthenticationError,
  typeof PermissionDeniedError,
  typeof NotFoundError,
  typeof ConflictError,
  typeof UnprocessableEntityError,
  typeof RateLimitError,
  typeof InternalServerError,
  typeof ApiError,
  typeof ConnectionError,
  typeof TimeoutError,
  typeof ResponseDecodeError,
  typeof PaginationError
]> = Schema.Union(
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  ApiError,
  ConnectionError,
  TimeoutError,
  ResponseDecodeError,
  PaginationError
)

/**
 * @since 0.1.0
 * @category guards
 */
export const isChatKitError = (u: unknown): u is ChatKitError => Predicate.hasProperty(u, TypeId)

/**
 * The errors an API answer with a status can become.
 *
 * @since 0.1.0
 * @category models
 */
export type StatusError =
  | BadRequestError
  | AuthenticationError
  | PermissionDeniedError
  | NotFoundError
  | ConflictError
  | UnprocessableEntityError
  | RateLimitError
  | InternalServerError
  | ApiError

/**
 * The typed error of a non-success HTTP status, as the official SDK maps it: 400, 401, 403, 404, 409, 422,
 * 429, 500 and above, and `ApiError` for the rest.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromStatus = (
  status: number,
  fields: Omit<ApiErrorFields, "status"> & { readonly retryAfter?: RateLimitError["retryAfter"] }
): StatusError => {
  const { retryAfter, ...rest } = fields
  const props = { ...rest, status }
  switch (status) {
    case 400:
      return new BadRequestError(props)
    case 401:
      return new AuthenticationError(props)
    case 403:
      return new PermissionDeniedError(props)
    case 404:
      return new NotFoundError(props)
    case 409:
      return new ConflictError(props)
    case 422:
      return new UnprocessableEntityError(props)
    case 429:
      return new RateLimitError(retryAfter === undefined ? props : { ...props, retryAfter })
    default:
      return status >= 500 ? new InternalServerError(props) : new ApiError(props)
  }
}

const defaultStatus: Record<StatusError["_tag"], number> = {
  BadRequestError: 400,
  AuthenticationError: 401,
  PermissionDeniedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  UnprocessableEntityError: 422,
  RateLimitError: 429,
  InternalServerError: 500,
  ApiError: 400
}

/**
 * The HTTP status a server answers an error with: its own `status` when it has one, otherwise the status its
 * class stands for. Errors that are not answers (connection, timeout, decoding, paging) have none.
 *
 * @since 0.1.0
 * @category getters
 */
export const statusOf = (error: ChatKitError): number | undefined => {
  switch (error._tag) {
    case "ConnectionError":
    case "TimeoutError":
    case "ResponseDecodeError":
    case "PaginationError":
      return undefined
    default:
      return error.status ?? defaultStatus[error._tag]
  }
}
