/**
 * The fake server's JSON text of threads, items and pages. The encoded text of each thread and item is
 * cached by object (stored threads and items are immutable; changing a thread's title or status stores a new
 * object), so a page is the concatenation of its elements' text: byte for byte what `JSON.stringify` of the
 * schema's encoding writes.
 *
 * @internal
 */
import * as Page from "@effect-chatkit/core/Page"
import * as Session from "@effect-chatkit/core/Session"
import * as Thread from "@effect-chatkit/core/Thread"
import * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import * as Schema from "effect/Schema"

/**
 * Encoders of the wire format (core's schemas write every required key, `null`s included).
 *
 * @internal
 */
export const encode = {
  thread: Schema.encodeSync(Thread.Thread),
  threadDeleted: Schema.encodeSync(Thread.ThreadDeleted),
  item: Schema.encodeSync(ThreadItem.ThreadItem),
  threadPage: Schema.encodeSync(Page.ThreadPage),
  itemPage: Schema.encodeSync(Page.ThreadItemPage),
  session: Schema.encodeSync(Session.ChatSession)
}

const cached = <A extends object>(encodeOne: (value: A) => unknown) => {
  const texts = new WeakMap<A, string>()
  return (value: A): string => {
    let text = texts.get(value)
    if (text === undefined) {
      text = JSON.stringify(encodeOne(value))
      texts.set(value, text)
    }
    return text
  }
}

/**
 * The JSON text of a thread.
 *
 * @internal
 */
export const thread: (thread: Thread.Thread) => string = cached(encode.thread)

/**
 * The JSON text of a thread item.
 *
 * @internal
 */
export const item: (item: ThreadItem.ThreadItem) => string = cached(encode.item)

const nullableString = (value: string | null): string => value === null ? "null" : JSON.stringify(value)

const page = <A>(element: (value: A) => string) => (page: Page.Page<A>): string => {
  let data = ""
  for (let index = 0; index < page.data.length; index++) {
    data += index === 0 ? element(page.data[index]!) : "," + element(page.data[index]!)
  }
  return `{"object":"list","data":[${data}],"first_id":${nullableString(page.first_id)},"last_id":${
    nullableString(page.last_id)
  },"has_more":${page.has_more}}`
}

/**
 * The JSON text of a page of threads.
 *
 * @internal
 */
export const threadPage: (page: Page.Page<Thread.Thread>) => string = page(thread)

/**
 * The JSON text of a page of thread items.
 *
 * @internal
 */
export const itemPage: (page: Page.Page<ThreadItem.ThreadItem>) => string = page(item)
