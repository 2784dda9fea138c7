/**
 * How threads and items look in a terminal: tables and one-line summaries.
 *
 * @internal
 */
import type * as Thread from "@effect-chatkit/core/Thread"
import type * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import * as Table from "./table.js"

const titleWidth = 60
const summaryWidth = 100

/**
 * A `created_at` (Unix seconds) as an ISO 8601 time in UTC, to the second.
 *
 * @internal
 */
export const isoTime = (seconds: number): string => {
  const date = new Date(seconds * 1000)
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString().replace(".000Z", "Z")
}

/**
 * A status as a word, followed by its reason when it has one: `active`, `locked: Under review`, `closed`.
 *
 * @internal
 */
export const statusText = (status: Thread.ThreadStatus): string => {
  switch (status.type) {
    case "active":
      return "active"
    case "locked":
    case "closed":
      return status.reason === null ? status.type : `${status.type}: ${status.reason}`
    case "unknown":
      return status.raw.type
  }
}

const titleText = (title: string | null): string => title ?? "(untitled)"

const parseJson = (json: string): unknown => {
  try {
    return JSON.parse(json)
  } catch {
    return undefined
  }
}

const texts = (node: unknown): ReadonlyArray<string> => {
  if (typeof node === "string") return [node]
  if (Array.isArray(node)) return node.flatMap(texts)
  if (typeof node !== "object" || node === null) return []
  return Object.entries(node).flatMap(([key, value]) => key === "type" ? [] : texts(value))
}

/**
 * A widget tree as its root type followed by the texts it shows, e.g. `Card: Groceries · Spinach 500 g`;
 * the JSON string itself when it is not a JSON object with a `type`.
 */
const widgetSummary = (json: string): string => {
  const tree = parseJson(json)
  return typeof tree === "object" && tree !== null && "type" in tree && typeof tree.type === "string"
    ? `${tree.type}: ${texts(tree).join(" · ")}`
    : json
}

/**
 * A count with its noun, in the singular for one: `1 thread`, `2 threads`, `0 threads`.
 *
 * @internal
 */
export const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? "" : "s"}`

const suffix = (count: number, noun: string): string => count === 0 ? "" : ` [${plural(count, noun)}]`

const userContent = (part: ThreadItem.UserMessageContent): string => {
  switch (part.type) {
    case "input_text":
      return part.text
    case "quoted_text":
      return `> "${part.text}"`
    case "unknown":
      return `[${part.raw.type}]`
  }
}

const userSummary = (item: ThreadItem.UserMessageItem): string => {
  const options = item.inference_options
  const extras = [
    ...item.attachments.map((attachment) =>
      attachment.type === "unknown" ? attachment.raw.type : `${attachment.type}: ${attachment.name}`
    ),
    ...(options?.model == null ? [] : [`model: ${options.model}`]),
    ...(options?.tool_choice == null ? [] : [`tool: ${options.tool_choice.id}`])
  ]
  const text = item.content.map(userContent).join(" ")
  return extras.length === 0 ? text : `${text} [${extras.join(", ")}]`
}

const taskText = (taskType: ThreadItem.TaskType, heading: string | null, summary: string | null): string =>
  `${taskType}: ${[heading, summary].filter((part) => part !== null).join(" — ") || "(no details)"}`

const groupedTaskText = (task: ThreadItem.TaskGroupTask): string =>
  task.type === "unknown" ? task.raw.type : taskText(task.type, task.heading, task.summary)

const toolCallSummary = (item: ThreadItem.ClientToolCallItem): string => {
  const call = `${item.name}(${item.arguments})`
  switch (item.status) {
    case "completed":
      return `${call} → ${item.output ?? "null"}`
    case "in_progress":
      return `${call} … in progress`
    default:
      return `${call} [${item.status}]${item.output === null ? "" : ` → ${item.output}`}`
  }
}

/**
 * What an item says, on one line, by variant: the text of messages (quotes as `> "…"`, then attachments,
 * model and tool, or the number of citations), the root type of a widget, a tool call with its arguments and
 * output, the subtype, heading and summary of tasks.
 *
 * @internal
 */
export const itemSummary = (item: ThreadItem.ThreadItem): string => {
  switch (item.type) {
    case "chatkit.user_message":
      return userSummary(item)
    case "chatkit.assistant_message":
      return item.content.map((part) => part.text).join(" ") +
        suffix(item.content.reduce((count, part) => count + part.annotations.length, 0), "citation")
    case "chatkit.widget":
      return widgetSummary(item.widget)
    case "chatkit.client_tool_call":
      return toolCallSummary(item)
    case "chatkit.task":
      return taskText(item.task_type, item.heading, item.summary)
    case "chatkit.task_group":
      return `${plural(item.tasks.length, "task")}: ${item.tasks.map(groupedTaskText).join("; ")}`
    case "unknown":
      return JSON.stringify(item.raw)
  }
}

const itemType = (item: ThreadItem.ThreadItem): string =>
  item.type === "unknown" ? item.raw.type : item.type.replace(/^chatkit\./, "")

/**
 * Threads as a table: id, created, user, status (with its reason) and title, in at most `maxWidth` columns
 * when given (titles are cut to fit).
 *
 * @internal
 */
export const threadsTable = (threads: ReadonlyArray<Thread.Thread>, maxWidth?: number): string =>
  Table.render(
    ["ID", "CREATED", "USER", "STATUS", "TITLE"],
    threads.map((thread) => [
      thread.id,
      isoTime(thread.created_at),
      thread.user,
      statusText(thread.status),
      Table.oneLine(titleText(thread.title), titleWidth)
    ]),
    maxWidth
  )

/**
 * Items as a table: id, created, type (without the `chatkit.` prefix) and a one-line summary, in at most
 * `maxWidth` columns when given (summaries are cut to fit).
 *
 * @internal
 */
export const itemsTable = (items: ReadonlyArray<ThreadItem.ThreadItem>, maxWidth?: number): string =>
  Table.render(
    ["ID", "CREATED", "TYPE", "SUMMARY"],
    items.map((item) => [
      item.id,
      isoTime(item.created_at),
      itemType(item),
      Table.oneLine(itemSummary(item), summaryWidth)
    ]),
    maxWidth
  )

/**
 * One thread, a field per line.
 *
 * @internal
 */
export const threadDetails = (thread: Thread.Thread): string =>
  Table.render(["id", thread.id], [
    ["created", isoTime(thread.created_at)],
    ["user", thread.user],
    ["status", statusText(thread.status)],
    ["title", titleText(thread.title)]
  ])
