/**
 * The clients under test: raw `fetch` + `JSON.parse` (the floor), the official SDK, and ours over fetch and
 * over undici. Each is a `Driver`; the libraries of the SDK and of ours are loaded only by the process that
 * uses them, so that a client process holds its own client only.
 */
import * as fixtures from "./fixtures.js"

/** The API key every benchmark client sends. */
export const apiKey = "sk-bench"

/** The headers the official SDK sends that matter to a server. */
export const headers: Readonly<Record<string, string>> = {
  authorization: `Bearer ${apiKey}`,
  "openai-beta": "chatkit_beta=v1",
  accept: "application/json"
}

/** The clients, by name: raw fetch, the official SDK, ours over fetch, ours over undici. */
export type ClientName = "raw" | "sdk" | "fetch" | "undici"

/** The two lists paged: threads, and the items of `fixtures.itemsThreadId`. */
export type Resource = "threads" | "items"

/** What a client does in the benchmarks. */
export interface Driver {
  /** Every element of `resource`, by pages of `limit`; resolves with how many there were. */
  readonly pageAll: (resource: Resource, limit: number) => Promise<number>
  /** One thread; resolves with its id. */
  readonly retrieve: (id: string) => Promise<string>
  readonly close: () => Promise<void>
}

/** The path of the list of `resource`. */
export const listPath = (resource: Resource): string =>
  resource === "threads" ? "/v1/chatkit/threads" : `/v1/chatkit/threads/${fixtures.itemsThreadId}/items`

/** The floor: every page with raw `fetch` and `JSON.parse`, following `last_id` while `has_more`. */
export const rawPages = async (url: string): Promise<number> => {
  let count = 0
  let after: string | undefined
  for (;;) {
    const response = await fetch(after === undefined ? url : `${url}&after=${encodeURIComponent(after)}`, { headers })
    const page = JSON.parse(await response.text()) as {
      readonly data: ReadonlyArray<unknown>
      readonly has_more: boolean
      readonly last_id: string
    }
    count += page.data.length
    if (!page.has_more) return count
    after = page.last_id
  }
}

const raw = (origin: string): Driver => ({
  pageAll: (resource, limit) => rawPages(`${origin}${listPath(resource)}?limit=${limit}`),
  retrieve: async (id) => {
    const response = await fetch(`${origin}/v1/chatkit/threads/${id}`, { headers })
    return (JSON.parse(await response.text()) as { readonly id: string }).id
  },
  close: async () => {}
})

/** The driver of client `name` against the server at `origin` (`http://127.0.0.1:<port>`). */
export const driver = async (name: ClientName, origin: string): Promise<Driver> => {
  switch (name) {
    case "raw":
      return raw(origin)
    case "sdk":
      return (await import("./sdk.js")).driver(origin)
    case "fetch":
    case "undici":
      return (await import("./ours.js")).driver(origin, name)
  }
}
