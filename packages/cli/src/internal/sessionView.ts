/**
 * How a session looks in a terminal: a field per line, the client secret masked unless asked for.
 *
 * @internal
 */
import type * as Session from "@effect-chatkit/core/Session"
import * as Redacted from "effect/Redacted"
import * as Table from "./table.js"
import { isoTime } from "./view.js"

/**
 * A client secret that can be recognised but not used: its prefix (up to the first `_`) and its last four
 * characters, e.g. `ek_…9f3a`; only stars when it is too short to hide anything that way.
 *
 * @internal
 */
export const maskSecret = (secret: string): string => {
  if (secret.length < 16) return "*".repeat(secret.length)
  const prefix = secret.indexOf("_") >= 0 && secret.indexOf("_") < 8 ? secret.slice(0, secret.indexOf("_") + 1) : ""
  return `${prefix}…${secret.slice(-4)}`
}

const onOff = (enabled: boolean): string => enabled ? "on" : "off"

const stateText = (variables: Session.StateVariables | null): string => {
  const entries = Object.entries(variables ?? {})
  return entries.length === 0 ? "(none)" : entries.map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(", ")
}

const uploadText = ({ enabled, max_file_size, max_files }: Session.FileUpload): string => {
  const limits = [
    ...(max_files === null ? [] : [`at most ${max_files} files`]),
    ...(max_file_size === null ? [] : [`of at most ${max_file_size} MB`])
  ]
  return limits.length === 0 ? onOff(enabled) : `${onOff(enabled)} (${limits.join(" ")})`
}

const historyText = ({ enabled, recent_threads }: Session.History): string =>
  `${onOff(enabled)} (${recent_threads === null ? "all threads" : `the ${recent_threads} most recent threads`})`

/**
 * One session, a field per line. The client secret is masked with {@link maskSecret} unless `showSecret`.
 *
 * @internal
 */
export const sessionDetails = (session: Session.ChatSession, showSecret: boolean): string => {
  const secret = Redacted.value(session.client_secret)
  const { workflow } = session
  return Table.render(["id", session.id], [
    ["status", session.status],
    ["user", session.user],
    ["workflow", `${workflow.id} (${workflow.version === null ? "latest version" : `version ${workflow.version}`})`],
    ["state", stateText(workflow.state_variables)],
    ["tracing", onOff(workflow.tracing.enabled)],
    ["expires", isoTime(session.expires_at)],
    ["rate limit", `${session.max_requests_per_1_minute} requests per minute`],
    ["thread titles", onOff(session.chatkit_configuration.automatic_thread_titling.enabled)],
    ["file upload", uploadText(session.chatkit_configuration.file_upload)],
    ["history", historyText(session.chatkit_configuration.history)],
    ["client secret", showSecret ? secret : `${maskSecret(secret)} (add --show-secret to print it)`]
  ])
}
