/** The official SDK, on its default transport (the global `fetch`). */
import OpenAI from "openai"
import { apiKey, type Driver } from "./clients.js"
import * as fixtures from "./fixtures.js"

const countAll = async (iterable: AsyncIterable<unknown>): Promise<number> => {
  let n = 0
  for await (const _ of iterable) n++
  return n
}

/** The SDK as a driver: auto-pagination over the lists, and `retrieve`. */
export const driver = (origin: string): Driver => {
  const client = new OpenAI({ apiKey, baseURL: `${origin}/v1` })
  const threads = client.beta.chatkit.threads
  return {
    pageAll: (resource, limit) =>
      countAll(resource === "threads" ? threads.list({ limit }) : threads.listItems(fixtures.itemsThreadId, { limit })),
    retrieve: async (id) => (await threads.retrieve(id)).id,
    close: async () => {}
  }
}
