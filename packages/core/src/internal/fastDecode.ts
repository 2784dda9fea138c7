/**
 * Hand-written decoders of the common wire shape of threads, items and pages. Each returns exactly what the
 * schema would decode (fresh objects, the schema's keys in the schema's order, extra keys dropped), or
 * `undefined` when the input is anything else (an absent nullable key, an unknown variant, a bad field), in
 * which case the caller asks the schema, which decides and writes the error.
 *
 * @internal
 */
import type { Page } from "../Page.js"
import type * as Thread from "../Thread.js"
import type * as ThreadItem from "../ThreadItem.js"

type Input = { readonly [key: string]: unknown }

const isObject = (u: unknown): u is Input => typeof u === "object" && u !== null && !Array.isArray(u)
const isString = (u: unknown): u is string => typeof u === "string"
const isNullableString = (u: unknown): u is string | null => u === null || typeof u === "string"
const isInt = (u: unknown): u is number => Number.isSafeInteger(u)

/** Each element with `element`, or `undefined` as soon as one is not of the common shape. */
const array = <A>(u: unknown, element: (u: unknown) => A | undefined): Array<A> | undefined => {
  if (!Array.isArray(u)) return undefined
  const out: Array<A> = new Array(u.length)
  for (let i = 0; i < u.length; i++) {
    const decoded = element(u[i])
    if (decoded === undefined) return undefined
    out[i] = decoded
  }
  return out
}

const status = (u: unknown): Thread.ThreadStatus | undefined => {
  if (!isObject(u)) return undefined
  const type = u.type
  if (type === "active") return { type }
  if ((type === "locked" || type === "closed") && isNullableString(u.reason)) return { type, reason: u.reason }
  return undefined
}

/** @internal */
export const thread = (u: unknown): Thread.Thread | undefined => {
  if (
    !isObject(u) || !isString(u.id) || u.object !== "chatkit.thread" || !isInt(u.created_at) ||
    !isNullableString(u.title) || !isString(u.user)
  ) return undefined
  const decodedStatus = status(u.status)
  return decodedStatus === undefined ? undefined : {
    id: u.id,
    object: "chatkit.thread",
    created_at: u.created_at,
    title: u.title,
    status: decodedStatus,
    user: u.user
  }
}

const userContent = (u: unknown): ThreadItem.UserMessageContent | undefined =>
  isObject(u) && (u.type === "input_text" || u.type === "quoted_text") && isString(u.text)
    ? { type: u.type, text: u.text }
    : undefined

const attachment = (u: unknown): ThreadItem.Attachment | undefined =>
  isObject(u) && isString(u.id) && (u.type === "image" || u.type === "file") && isString(u.name) &&
    isString(u.mime_type) && isNullableString(u.preview_url)
    ? { id: u.id, type: u.type, name: u.name, mime_type: u.mime_type, preview_url: u.preview_url }
    : undefined

const toolChoice = (u: unknown): ThreadItem.ToolChoice | null | undefined =>
  u === null ? null : isObject(u) && isString(u.id) ? { id: u.id } : undefined

const inferenceOptions = (u: unknown): ThreadItem.InferenceOptions | null | undefined => {
  if (u === null) return null
  if (!isObject(u) || !isNullableString(u.model)) return undefined
  const choice = toolChoice(u.tool_choice)
  return choice === undefined ? undefined : { tool_choice: choice, model: u.model }
}

const annotation = (u: unknown): ThreadItem.Annotation | undefined => {
  if (!isObject(u) || !isObject(u.source) || u.source.type !== u.type) return undefined
  if (u.type === "file" && isString(u.source.filename)) {
    return { type: "file", source: { type: "file", filename: u.source.filename } }
  }
  if (u.type === "url" && isString(u.source.url)) return { type: "url", source: { type: "url", url: u.source.url } }
  return undefined
}

const outputText = (u: unknown): ThreadItem.OutputText | undefined => {
  if (!isObject(u) || u.type !== "output_text" || !isString(u.text)) return undefined
  const annotations = array(u.annotations, annotation)
  return annotations === undefined ? undefined : { type: "output_text", text: u.text, annotations }
}

const isTaskType = (u: unknown): u is "custom" | "thought" => u === "custom" || u === "thought"

const task = (u: unknown): ThreadItem.KnownTaskGroupTask | undefined =>
  isObject(u) && isTaskType(u.type) && isNullableString(u.heading) && isNullableString(u.summary)
    ? { type: u.type, heading: u.heading, summary: u.summary }
    : undefined

/** @internal */
export const item = (u: unknown): ThreadItem.ThreadItem | undefined => {
  if (
    !isObject(u) || !isString(u.id) || u.object !== "chatkit.thread_item" || !isInt(u.created_at) ||
    !isString(u.thread_id)
  ) return undefined
  const { created_at, id, thread_id } = u
  const object = "chatkit.thread_item"
  switch (u.type) {
    case "chatkit.user_message": {
      const content = array(u.content, userContent)
      const attachments = array(u.attachments, attachment)
      const inference_options = inferenceOptions(u.inference_options)
      return content === undefined || attachments === undefined || inference_options === undefined
        ? undefined
        : { type: u.type, id, object, created_at, thread_id, content, attachments, inference_options }
    }
    case "chatkit.assistant_message": {
      const content = array(u.content, outputText)
      return content === undefined ? undefined : { type: u.type, id, object, created_at, thread_id, content }
    }
    case "chatkit.widget":
      return isString(u.widget) ? { type: u.type, id, object, created_at, thread_id, widget: u.widget } : undefined
    case "chatkit.client_tool_call":
      return (u.status === "in_progress" || u.status === "completed") && isString(u.call_id) && isString(u.name) &&
          isString(u.arguments) && isNullableString(u.output)
        ? {
          type: u.type,
          id,
          object,
          created_at,
          thread_id,
          status: u.status,
          call_id: u.call_id,
          name: u.name,
          arguments: u.arguments,
          output: u.output
        }
        : undefined
    case "chatkit.task":
      return isTaskType(u.task_type) && isNullableString(u.heading) && isNullableString(u.summary)
        ? {
          type: u.type,
          id,
          object,
          created_at,
          thread_id,
          task_type: u.task_type,
          heading: u.heading,
          summary: u.summary
        }
        : undefined
    case "chatkit.task_group": {
      const tasks = array(u.tasks, task)
      return tasks === undefined ? undefined : { type: u.type, id, object, created_at, thread_id, tasks }
    }
    default:
      return undefined
  }
}

/**
 * A page whose envelope has the common shape, its elements decoded with `element`, and with `fallback` (the
 * element's schema) for those that are not of the common shape; `undefined` when the envelope is not of the
 * common shape or an element does not decode at all (the schema of the whole page then writes the error).
 *
 * @internal
 */
export const page = <A>(
  u: unknown,
  element: (u: unknown) => A | undefined,
  fallback: (u: unknown) => A | undefined
): Page<A> | undefined => {
  if (
    !isObject(u) || u.object !== "list" || !Array.isArray(u.data) || !isNullableString(u.first_id) ||
    !isNullableString(u.last_id) || typeof u.has_more !== "boolean"
  ) return undefined
  const input: ReadonlyArray<unknown> = u.data
  const data: Array<A> = new Array(input.length)
  for (let i = 0; i < input.length; i++) {
    const decoded = element(input[i]) ?? fallback(input[i])
    if (decoded === undefined) return undefined
    data[i] = decoded
  }
  return { object: "list", data, first_id: u.first_id, last_id: u.last_id, has_more: u.has_more }
}
