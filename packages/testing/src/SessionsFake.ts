/**
 * A deterministic in-memory `SessionsService`, with an admin handle to inject faults and read its sessions.
 *
 * @since 0.1.0
 */
import type * as Session from "@effect-chatkit/core/Session"
import * as SessionsService from "@effect-chatkit/core/SessionsService"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { FaultInjection } from "./FaultInjection.js"
import { makeChatKitFake } from "./internal/chatKitFake.js"

/**
 * The admin handle of the fake in context, provided by {@link layer} next to the `SessionsService`.
 *
 * @since 0.1.0
 * @category tags
 */
export class SessionsFake extends Context.Tag("@effect-chatkit/testing/SessionsFake")<
  SessionsFake,
  SessionsFake.Admin
>() {}

/**
 * @since 0.1.0
 */
export declare namespace SessionsFake {
  /**
   * @since 0.1.0
   * @category models
   */
  export interface Options {
    /** Seed of the generator of ids and client secrets (a 32-bit integer). Default `0`. */
    readonly seed?: number | undefined
  }

  /**
   * The operations a fault can be restricted to.
   *
   * @since 0.1.0
   * @category models
   */
  export type Operation = "create" | "cancel"

  /**
   * What tests use to inject faults and look at the sessions (the REST API creates sessions itself, so
   * there is nothing to seed). `times` that is not a positive integer is a test bug and dies with an
   * `IllegalArgumentException`.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Admin extends FaultInjection<Operation> {
    /** Every session created, in creation order, with its status as of now. */
    readonly snapshot: Effect.Effect<ReadonlyArray<Session.ChatSession>>
  }

  /**
   * One fake: its service and its admin, sharing one store.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Fake {
    readonly service: SessionsService.SessionsService.Service
    readonly admin: Admin
  }
}

/**
 * A fresh fake with no sessions. Its semantics, which the fake HTTP server shares:
 *
 * - **Create.** `create` answers an `active` session of `user` and the workflow: `workflow.version` and
 *   `workflow.state_variables` are `null` when not given, `workflow.tracing.enabled` defaults to `true`;
 *   `max_requests_per_1_minute` (also under `rate_limits`) defaults to 10; `chatkit_configuration` is
 *   every given field over `SessionParams.defaultChatKitConfiguration`. `expires_at` is the `Clock` time in
 *   whole seconds plus `expires_after.seconds` (default 600).
 * - **Expiry.** Status is computed when read: an active session reads `expired` from the instant the
 *   `Clock` reaches `expires_at` (in milliseconds, `expires_at * 1000`) on.
 * - **Cancel.** `cancel` turns an active session `cancelled` and answers it, all else unchanged. A session
 *   that is already cancelled or expired is answered unchanged (an expired one stays `expired`: it can no
 *   longer be used anyway, and cancelling says nothing new). An id never created fails with `NotFoundError`
 *   (404, type `invalid_request_error`, `param` null, message `No session found with id '…'.`).
 * - **Validation.** Parameters are validated by `SessionsService.make` (`BadRequestError` naming the
 *   `param`) before the fake sees them; such calls take no fault and sleep no latency.
 * - **Determinism.** Ids are `cksess_` and client secrets `ek_` followed by hex digits from a PRNG seeded by
 *   `seed` (its own stream, so sessions never change the ids of threads of a `ChatKitFake`); with the same
 *   seed, the same calls at the same `Clock` times give byte-identical sessions, secrets included.
 * - **Faults and latency.** Each call first sleeps the latency, then takes the first queued fault that
 *   applies to it and fails with its error, or else runs (and reads the `Clock`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options?: SessionsFake.Options): Effect.Effect<SessionsFake.Fake> =>
  Effect.sync(() => makeChatKitFake(options?.seed ?? 0).fake.sessions)

/**
 * A fresh fake as a layer: the `SessionsService` and its `SessionsFake` admin.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options?: SessionsFake.Options): Layer.Layer<SessionsService.SessionsService | SessionsFake> =>
  Layer.effectContext(
    Effect.map(
      make(options),
      ({ admin, service }) =>
        Context.make(SessionsService.SessionsService, service).pipe(Context.add(SessionsFake, admin))
    )
  )
