/**
 * The ChatKit sessions service: create a session for a user and a workflow, or cancel one.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type { RequestError } from "./ChatKitError.js"
import { withSpan } from "./internal/span.js"
import { validate, validateId } from "./internal/validation.js"
import type { ChatSession } from "./Session.js"
import { CreateSessionParams } from "./SessionParams.js"

/**
 * The service tag. Provide it with the HTTP layer of `@effect-chatkit/http` in production, or with the
 * in-memory fake of `@effect-chatkit/testing` in tests.
 *
 * @since 0.1.0
 * @category tags
 */
export class SessionsService extends Context.Tag("@effect-chatkit/core/SessionsService")<
  SessionsService,
  SessionsService.Service
>() {}

/**
 * @since 0.1.0
 */
export declare namespace SessionsService {
  /**
   * @since 0.1.0
   * @category models
   */
  export interface Service {
    /**
     * Creates a session; its `client_secret` is what the ChatKit front end authenticates with. A session
     * whose body cannot be decoded fails with a `ResponseDecodeError` that still carries its id and secret.
     */
    readonly create: (params: CreateSessionParams) => Effect.Effect<ChatSession, RequestError>
    /** Cancels a session, so that its client secret is refused from then on; answers the session. */
    readonly cancel: (sessionId: string) => Effect.Effect<ChatSession, RequestError>
  }

  /**
   * The operations an implementation provides; `make` adds validation and spans. They receive only valid
   * parameters and non-empty session ids.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Operations extends Service {}
}

const validateCreateParams = validate(CreateSessionParams)

const validateSessionId = validateId("session_id")

/**
 * Builds the service from its operations, so that every implementation validates the same way:
 *
 * - parameters are checked before any operation runs: invalid ones, unknown keys at any depth and empty
 *   session ids fail with a `BadRequestError` naming the `param` (a dotted path such as
 *   `expires_after.seconds`);
 * - each call runs in a span `SessionsService.<operation>`, whose attributes name the user, the workflow and
 *   the session, never the client secret nor the state variables.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (operations: SessionsService.Operations): SessionsService.Service => ({
  create: (params) =>
    Effect.flatMap(validateCreateParams(params), (valid) =>
      Effect.zipRight(
        Effect.annotateCurrentSpan({
          "chatkit.user": valid.user,
          "chatkit.workflow_id": valid.workflow.id,
          "chatkit.workflow_version": valid.workflow.version
        }),
        operations.create(valid)
      )).pipe(
        Effect.tap((session) => Effect.annotateCurrentSpan("chatkit.session_id", session.id)),
        withSpan("SessionsService.create")
      ),
  cancel: (sessionId) =>
    Effect.flatMap(validateSessionId(sessionId), operations.cancel).pipe(
      withSpan("SessionsService.cancel", { "chatkit.session_id": sessionId })
    )
})

/**
 * Creates a session, through the `SessionsService` in context.
 *
 * @since 0.1.0
 * @category accessors
 */
export const create = (params: CreateSessionParams): Effect.Effect<ChatSession, RequestError, SessionsService> =>
  Effect.flatMap(SessionsService, (service) => service.create(params))

/**
 * Cancels a session, through the `SessionsService` in context.
 *
 * @since 0.1.0
 * @category accessors
 */
export const cancel = (sessionId: string): Effect.Effect<ChatSession, RequestError, SessionsService> =>
  Effect.flatMap(SessionsService, (service) => service.cancel(sessionId))
