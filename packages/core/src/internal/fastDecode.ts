/**
 * Hand-written decoders of the common wire shape of threads, items and pages. Each returns exactly what the
 * schema would decode (fresh objects, the schema's keys in the schema's order, extra keys dropped from known
 * variants, unknown values kept as the schema keeps them), or `undefined` when the input is anything else (an
 * absent nullable key or array, a bad field), in which case the caller asks the schema, which decides and
 * writes the error.
 *
 * @internal
 */
import type { ParseOptions } from "effect/SchemaAST"
import type { Page } from "../Page.js"
import type * as Thread from "../Thread.js"
import type * as ThreadItem from "../ThreadItem.js"
import { copyObject, type RawObject } from "./schema.js"

type Input = { readonly [key: string]: unknown }

/**
 * Whether the fast decoders can answer for these options: they drop the keys the schema does not know and
 * write the schema's key order, as the schema does by default.
 *
 * @internal
 */
export const takesFastPath = (options: ParseOptions | undefined): boolean =>
  (options?.onExcessProperty ?? "ignore") === "ignore" && options?.propertyOrder !== "original"

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

/**
 * The catch-all member of a union: an object of a string `type` kept whole, as the schema keeps it. Each caller
 * has answered every known `type` before asking.
 */
const unknownObject = (u: Input): { readonly type: "unknown"; readonly raw: RawObject } | undefined =>
  isString(u.type) ? { type: "unknown", raw: copyObject(u as RawObject) } : undefined

const status = (u: unknown): Thread.ThreadStatus | undefined => {
  if (!isObject(u)) return undefined
  const type = u.type
  if (type === "active") return { type }
  if (type === "locked" || type === "closed") return isNullableString(u.reason) ? { type, reason: u.reason } : undefined
  return unknownObject(u)
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

const userContent = (u: unknown): ThreadItem.UserMessageContent | undefined => {
  if (!isObject(u)) return undefined
  if (u.type === "input_text" || u.type === "quoted_text") {
    return isString(u.text)
      ? { type: u.type, text: u.text }
      : undefined
  }
  return unknownObject(u)
}

const attachment = (u: unknown): ThreadItem.Attachment | undefined => {
  if (!isObject(u)) return undefined
  if (u.type === "image" || u.type === "file") {
    return isString(u.id) && isString(u.name) && isString(u.mime_type) && isNullableString(u.preview_url)
      ? { id: u.id, type: u.type, name: u.name, mime_type: u.mime_type, preview_url: u.preview_url }
      : undefined
  }
  return unknownObject(u)
}

const toolChoice = (u: unknown): ThreadItem.ToolChoice | null | undefined =>
  u === null ? null : isObject(u) && isString(u.id) ? { id: u.id } : undefined

const inferenceOptions = (u: unknown): ThreadItem.InferenceOptions | null | undefined => {
  if (u === null) return null
  if (!isObject(u) || !isNullableString(u.model)) return undefined
  const choice = toolChoice(u.tool_choice)
  return choice === undefined ? undefined : { tool_choice: choice, model: u.model }
}

// the source of an annotation has the annotation's type, or one no annotation has
const fileSource = (u: Input): ThreadItem.FileAnnotation["source"] | undefined =>
  u.type === "file"
    ? isString(u.filename) ? { type: "file", filename: u.filename } : undefined
    : u.type === "url"
    ? undefined
    : unknownObject(u)

const urlSource = (u: Input): ThreadItem.UrlAnnotation["source"] | undefined =>
  u.type === "url"
    ? isString(u.url) ? { type: "url", url: u.url } : undefined
    : u.type === "file"
    ? undefined
    : unknownObject(u)

const annotation = (u: unknown): ThreadItem.Annotation | undefined => {
  if (!isObject(u)) return undefined
  if (u.type === "file" || u.type === "url") {
    if (!isObject(u.source)) return undefined
    if (u.type === "file") {
      const source = fileSource(u.source)
      return source === undefined ? undefined : { type: "file", source }
    }
    const source = urlSource(u.source)
    return source === undefined ? undefined : { type: "url", source }
  }
  return unknownObject(u)
}

const outputText = (u: unknown): ThreadItem.OutputText | undefined => {
  if (!isObject(u) || u.type !== "output_text" || !isString(u.text)) return undefined
  const annotations = array(u.annotations, annotation)
  return annotations === undefined ? undefined : { type: "output_text", text: u.text, annotations }
}

const task = (u: unknown): ThreadItem.TaskGroupTask | undefined => {
  if (!isObject(u)) return undefined
  if (u.type === "custom" || u.type === "thought") {
    return isNullableString(u.heading) && isNullableString(u.summary)
      ? { type: u.type, heading: u.heading, summary: u.summary }
      : undefined
  }
  return unknownObject(u)
}

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
      return isString(u.status) && isString(u.call_id) && isString(u.name) && isString(u.arguments) &&
          isNullableString(u.output)
        ? {
          type: u.type,
          id,
          object,
          created_at,
          thread_id,
          status: u.status as ThreadItem.ClientToolCallStatus,
          call_id: u.call_id,
          name: u.name,
          arguments: u.arguments,
          output: u.output
        }
        : undefined
    case "chatkit.task":
      return isString(u.task_type) && isNullableString(u.heading) && isNullableString(u.summary)
        ? {
          type: u.type,
          id,
          object,
          created_at,
          thread_id,
          task_type: u.task_type as ThreadItem.TaskType,
          heading: u.heading,
          summary: u.summary
        }
        : undefined
    case "chatkit.task_group": {
      const tasks = array(u.tasks, task)
      return tasks === undefined ? undefined : { type: u.type, id, object, created_at, thread_id, tasks }
    }
    default: // every known type has its case above
      return isString(u.type)
        ? { type: "unknown", id, object, created_at, thread_id, raw: copyObject(u as ThreadItem.UnknownItem.Raw) }
        : undefined
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
