/**
 * The mutable state of the sessions of one fake: the sessions by id and the generator of their ids and
 * client secrets. Plain synchronous JavaScript; the time is passed in, in milliseconds of the `Clock`.
 *
 * @internal
 */
import type { NotFoundError } from "@effect-chatkit/core/ChatKitError"
import type * as Session from "@effect-chatkit/core/Session"
import * as SessionParams from "@effect-chatkit/core/SessionParams"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import { makeIdGenerator } from "./ids.js"
import { notFound } from "./store.js"

// sessions draw from their own generator, so creating sessions never changes the ids of threads and items
const sessionSeed = (seed: number) => (seed ^ 0x5e551045) | 0

const configuration = (
  params: SessionParams.ChatKitConfigurationParam | undefined
): Session.ChatKitConfiguration => {
  const defaults = SessionParams.defaultChatKitConfiguration
  const { automatic_thread_titling: titling, file_upload: upload, history } = params ?? {}
  return {
    automatic_thread_titling: { enabled: titling?.enabled ?? defaults.automatic_thread_titling.enabled },
    file_upload: {
      enabled: upload?.enabled ?? defaults.file_upload.enabled,
      max_file_size: upload?.max_file_size ?? defaults.file_upload.max_file_size,
      max_files: upload?.max_files ?? defaults.file_upload.max_files
    },
    history: {
      enabled: history?.enabled ?? defaults.history.enabled,
      recent_threads: history?.recent_threads ?? defaults.history.recent_threads
    }
  }
}

const workflow = (params: SessionParams.WorkflowParam): Session.ChatKitWorkflow => ({
  id: params.id,
  version: params.version ?? null,
  state_variables: params.state_variables === undefined ? null : { ...params.state_variables },
  tracing: { enabled: params.tracing?.enabled ?? SessionParams.defaultTracingEnabled }
})

/**
 * A session as it reads at `nowMillis`: an active one is `expired` from its `expires_at` on.
 */
const atTime = (session: Session.ChatSession, nowMillis: number): Session.ChatSession =>
  session.status === "active" && nowMillis >= session.expires_at * 1000 ? { ...session, status: "expired" } : session

/**
 * A store of sessions. With `maxSessions`, creating a session in a full store first drops every expired
 * session, then, when none had expired, the oldest one; an id dropped so is unknown from then on.
 *
 * @internal
 */
export const makeSessionStore = (seed: number, maxSessions = Infinity) => {
  const ids = makeIdGenerator(sessionSeed(seed))
  const sessions = new Map<string, Session.ChatSession>()
  const taken = (id: string) => sessions.has(id)

  const makeRoom = (nowMillis: number) => {
    if (sessions.size < maxSessions) return
    for (const [id, session] of sessions) {
      if (atTime(session, nowMillis).status === "expired") sessions.delete(id)
    }
    for (const id of sessions.keys()) {
      if (sessions.size < maxSessions) return
      sessions.delete(id)
    }
  }

  return {
    create: (params: SessionParams.CreateSessionParams, nowMillis: number): Session.ChatSession => {
      makeRoom(nowMillis)
      const id = ids.next("cksess_", taken)
      const secret = ids.next("ek_") + ids.next("")
      const maxRequests = params.rate_limits?.max_requests_per_1_minute ?? SessionParams.defaultMaxRequestsPerMinute
      const session: Session.ChatSession = {
        id,
        object: "chatkit.session",
        expires_at: Math.floor(nowMillis / 1000) +
          (params.expires_after?.seconds ?? SessionParams.defaultExpiresAfterSeconds),
        client_secret: Redacted.make(secret),
        workflow: workflow(params.workflow),
        user: params.user,
        rate_limits: { max_requests_per_1_minute: maxRequests },
        max_requests_per_1_minute: maxRequests,
        status: "active",
        chatkit_configuration: configuration(params.chatkit_configuration)
      }
      sessions.set(id, session)
      return session
    },
    cancel: (sessionId: string, nowMillis: number): Either.Either<Session.ChatSession, NotFoundError> => {
      const stored = sessions.get(sessionId)
      if (stored === undefined) return Either.left(notFound(`No session found with id '${sessionId}'.`, null))
      const session = atTime(stored, nowMillis)
      if (session.status !== "active") return Either.right(session)
      const cancelled: Session.ChatSession = { ...session, status: "cancelled" }
      sessions.set(sessionId, cancelled)
      return Either.right(cancelled)
    },
    snapshot: (nowMillis: number): ReadonlyArray<Session.ChatSession> =>
      Array.from(sessions.values(), (session) => atTime(session, nowMillis))
  }
}
