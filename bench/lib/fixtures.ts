/** Wire data for the benchmarks: threads and items of every variant, and pre-built pages of them. */
import type { Page, Thread, ThreadItem } from "@effect-chatkit/core"

const hex = (n: number): string => n.toString(16).padStart(24, "0")

const baseTime = 1_750_000_000

const statuses: ReadonlyArray<Thread.ThreadStatus.Encoded> = [
  { type: "active" },
  { type: "active" },
  { type: "locked", reason: "Escalated to a human agent" },
  { type: "closed", reason: null }
]

/** `count` threads, newest first (as the API lists them by default), of ten users. */
export const threads = (count: number): Array<Thread.Thread.Encoded> =>
  Array.from({ length: count }, (_, i) => ({
    id: `cthr_${hex(count - i)}`,
    object: "chatkit.thread",
    created_at: baseTime + count - i,
    title: i % 5 === 0 ? null : `Support conversation number ${count - i} about an order`,
    status: statuses[i % statuses.length]!,
    user: `user_${(count - i) % 10}`
  }))

/** The id of the thread whose items `items` returns. */
export const itemsThreadId = `cthr_${hex(0xbeef)}`

const variants: ReadonlyArray<(fields: ItemFields) => ThreadItem.ThreadItem.Encoded> = [
  (fields) => ({
    ...fields,
    type: "chatkit.user_message",
    content: [{ type: "input_text", text: "Where is my order? It was due on Monday." }],
    attachments: [{
      id: "cfile_1",
      type: "image",
      name: "receipt.png",
      mime_type: "image/png",
      preview_url: "https://files.example.com/receipt.png"
    }],
    inference_options: { tool_choice: null, model: "gpt-4.1" }
  }),
  (fields) => ({
    ...fields,
    type: "chatkit.assistant_message",
    content: [{
      type: "output_text",
      text: "Your order shipped yesterday; it should arrive within two days.",
      annotations: [{ type: "url", source: { type: "url", url: "https://shop.example.com/track/123" } }]
    }]
  }),
  (fields) => ({ ...fields, type: "chatkit.widget", widget: "{\"type\":\"Card\",\"children\":[]}" }),
  (fields) => ({
    ...fields,
    type: "chatkit.client_tool_call",
    status: "completed",
    call_id: "call_123",
    name: "lookup_order",
    arguments: "{\"order\":123}",
    output: "{\"status\":\"shipped\"}"
  }),
  (fields) => ({
    ...fields,
    type: "chatkit.task",
    task_type: "thought",
    heading: "Checking the order",
    summary: null
  }),
  (fields) => ({
    ...fields,
    type: "chatkit.task_group",
    tasks: [
      { type: "custom", heading: "Find the order", summary: "Found order 123" },
      { type: "thought", heading: null, summary: null }
    ]
  }),
  (fields) => ({ ...fields, type: "chatkit.future_variant", payload: { any: ["json", 1, true] } })
]

interface ItemFields {
  readonly id: string
  readonly object: "chatkit.thread_item"
  readonly created_at: number
  readonly thread_id: string
}

/** `count` items of one thread, newest first, cycling through the six known variants and one unknown one. */
export const items = (count: number): Array<ThreadItem.ThreadItem.Encoded> =>
  Array.from({ length: count }, (_, i) =>
    variants[i % variants.length]!({
      id: `cthi_${hex(count - i)}`,
      object: "chatkit.thread_item",
      created_at: baseTime + count - i,
      thread_id: itemsThreadId
    }))

const idOf = (element: object): string => String((element as { readonly id?: unknown }).id)

/** One page as the API writes it. */
export const page = <A extends object>(
  data: ReadonlyArray<A>,
  hasMore: boolean
): Page.Page.Encoded<A> => ({
  object: "list",
  data,
  first_id: data.length > 0 ? idOf(data[0]!) : null,
  last_id: data.length > 0 ? idOf(data[data.length - 1]!) : null,
  has_more: hasMore
})

/** The JSON bytes of every page of `elements` by `limit`, keyed by the `after` cursor that asks for it ("" first). */
export const pages = <A extends object>(
  elements: ReadonlyArray<A>,
  limit: number
): Map<string, Buffer> => {
  const byCursor = new Map<string, Buffer>()
  let cursor = ""
  for (let start = 0; start < elements.length; start += limit) {
    const data = elements.slice(start, start + limit)
    byCursor.set(cursor, Buffer.from(JSON.stringify(page(data, start + limit < elements.length))))
    cursor = idOf(data[data.length - 1]!)
  }
  if (byCursor.size === 0) byCursor.set("", Buffer.from(JSON.stringify(page([], false))))
  return byCursor
}
