/**
 * The core of effect-chatkit: Schema models of every ChatKit thread type, the list parameters, the typed
 * errors and the `ThreadsService` tag.
 *
 * @since 0.1.0
 */

/**
 * The typed errors of every ChatKit operation, named as the official SDK names them.
 *
 * @since 0.1.0
 */
export * as ChatKitError from "./ChatKitError.js"

/**
 * The error classes, also importable one by one.
 *
 * @since 0.1.0
 */
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  ResponseDecodeError,
  TimeoutError,
  UnprocessableEntityError
} from "./ChatKitError.js"

/**
 * Decoding untrusted input with a schema without ever throwing, where Effect's decoders can throw.
 *
 * @since 0.1.0
 */
export * as Decoding from "./Decoding.js"

/**
 * The query parameters of the two list endpoints, with the API's exact constraints.
 *
 * @since 0.1.0
 */
export * as ListParams from "./ListParams.js"

/**
 * The list envelope every ChatKit list endpoint answers with.
 *
 * @since 0.1.0
 */
export * as Page from "./Page.js"

/**
 * ChatKit sessions: the session resource with its workflow, rate limits and resolved configuration.
 *
 * @since 0.1.0
 */
export * as Session from "./Session.js"

/**
 * The body of creating a ChatKit session, with the API's exact constraints and the defaults it applies.
 *
 * @since 0.1.0
 */
export * as SessionParams from "./SessionParams.js"

/**
 * The ChatKit sessions service: create a session for a user and a workflow, or cancel one.
 *
 * @since 0.1.0
 */
export * as SessionsService from "./SessionsService.js"

/**
 * ChatKit threads: the thread resource, its status and the result of deleting one.
 *
 * @since 0.1.0
 */
export * as Thread from "./Thread.js"

/**
 * The items of a ChatKit thread: messages, widgets, client tool calls and tasks.
 *
 * @since 0.1.0
 */
export * as ThreadItem from "./ThreadItem.js"

/**
 * The ChatKit threads service: list, stream, retrieve and delete threads, and list or stream their items.
 *
 * @since 0.1.0
 */
export * as ThreadsService from "./ThreadsService.js"

/**
 * The ChatKit REST API as it is on the wire, defined once: each endpoint's method, path, query, body and
 * answer, with the helpers to build and to read requests.
 *
 * @since 0.1.0
 */
export * as Wire from "./Wire.js"
