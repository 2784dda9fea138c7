/**
 * The fake server's JSON text of threads, items and pages. The encoded text of each thread and item is
 * cached by object (stored threads and items are immutable; changing a thread's title or status stores a new
 * object), so a page is the concatenation of its elements' bytes: byte for byte the UTF-8 of what
 * `JSON.stringify` of the schema's encoding writes.
 *
 * @internal
 */
import type * as Page from "@effect-chatkit/core/Page"
import * as Session from "@effect-chatkit/core/Session"
import * as Thread from "@effect-chatkit/core/Thread"
import * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import * as Schema from "effect/Schema"
import { allocate } from "./slab.js"

/**
 * Encoders of the wire format (core's schemas write every required key, `null`s included).
 *
 * @internal
 */
export const encode = {
  thread: Schema.encodeSync(Thread.Thread),
  threadDeleted: Schema.encodeSync(Thread.ThreadDeleted),
  item: Schema.encodeSync(ThreadItem.ThreadItem),
  session: Schema.encodeSync(Session.ChatSession)
}

const cached = <A extends object>(encodeOne: (value: A) => unknown) => {
  const texts = new WeakMap<A, Buffer>()
  return (value: A): Buffer => {
    let text = texts.get(value)
    if (text === undefined) {
      text = Buffer.from(JSON.stringify(encodeOne(value)))
      texts.set(value, text)
    }
    return text
  }
}

/**
 * The JSON text (UTF-8) of a thread.
 *
 * @internal
 */
export const thread: (thread: Thread.Thread) => Buffer = cached(encode.thread)

const item: (item: ThreadItem.ThreadItem) => Buffer = cached(encode.item)

const head = Buffer.from(`{"object":"list","data":[`)

const nullableString = (value: string | null): string => value === null ? "null" : JSON.stringify(value)

const page = <A>(element: (value: A) => Buffer) => (page: Page.Page<A>): Buffer => {
  const tail = `],"first_id":${nullableString(page.first_id)},"last_id":${
    nullableString(page.last_id)
  },"has_more":${page.has_more}}`
  const elements = page.data.map(element)
  let length = head.length + Math.max(0, elements.length - 1) + Buffer.byteLength(tail)
  for (const text of elements) length += text.length
  const out = allocate(length)
  out.set(head, 0)
  let offset = head.length
  for (let index = 0; index < elements.length; index++) {
    if (index > 0) out[offset++] = 0x2c // ","
    out.set(elements[index]!, offset)
    offset += elements[index]!.length
  }
  out.write(tail, offset)
  return out
}

/**
 * The JSON text (UTF-8) of a page of threads.
 *
 * @internal
 */
export const threadPage: (page: Page.Page<Thread.Thread>) => Buffer = page(thread)

/**
 * The JSON text (UTF-8) of a page of thread items.
 *
 * @internal
 */
export const itemPage: (page: Page.Page<ThreadItem.ThreadItem>) => Buffer = page(item)
