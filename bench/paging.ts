/**
 * 1. Paging over HTTP: every element of a 10,000-element list, 100 per page, from a server of pre-built pages
 * in another process, with raw `fetch` + `JSON.parse` (the floor), the official SDK's auto-pagination, and
 * our `stream`/`streamItems` over fetch and over undici, each client in a fresh process per round.
 */
import { withServer } from "./lib/child.js"
import type { ClientName, Resource } from "./lib/clients.js"
import { compareInChildren, type IsolatedVariant } from "./lib/isolated.js"
import { type Benchmark, count, type Goal, ms, ratio, type Row } from "./lib/report.js"

const limit = 100

const resources: ReadonlyArray<{ readonly label: string; readonly resource: Resource }> = [
  { label: "threads", resource: "threads" },
  { label: "items (7 variants)", resource: "items" }
]

const clients: ReadonlyArray<{ readonly name: string; readonly client: ClientName }> = [
  { name: "raw fetch + JSON.parse", client: "raw" },
  { name: "openai SDK auto-pagination", client: "sdk" },
  { name: "ours over fetch", client: "fetch" },
  { name: "ours over undici", client: "undici" }
]

export const paging: Benchmark = {
  name: "paging",
  run: async ({ smoke }) => {
    const size = smoke ? 250 : 10_000
    const rounds = smoke ? 1 : 9
    const warmup = smoke ? 1 : 3
    const runs = smoke ? 1 : 5
    return withServer({ kind: "pages", threads: size, items: size, limit }, async ({ origin }) => {
      const variants: ReadonlyArray<IsolatedVariant> = clients.map(({ client, name }) => ({
        name,
        job: {
          client,
          origin,
          tasks: resources.map(({ resource }) => ({ kind: "page", resource, limit, expected: size })),
          warmup,
          runs
        }
      }))
      const results = await compareInChildren(variants, { rounds, concurrent: smoke })
      const rows: Array<Row> = []
      const goals: Array<Goal> = []
      resources.forEach(({ label }, task) => {
        const result = results[task]!
        const floor = result.median(clients[0]!.name)
        const sdk = result.median(clients[1]!.name)
        for (const { name } of clients) {
          const median = result.median(name)
          rows.push({
            name: `${label}: ${name}`,
            value: ms(median),
            ratio: ratio(median, floor),
            context: `${count(size / (median / 1000))} elements/s`
          })
        }
        for (const name of ["ours over fetch", "ours over undici"]) {
          const median = result.median(name)
          goals.push({
            text: `${label}, ${name} ≤ 1.25× raw fetch and faster than the SDK`,
            figure: `${ratio(median, floor)} of raw, ${ratio(median, sdk)} of the SDK`,
            met: median <= 1.25 * floor && median < sdk
          })
        }
      })
      return {
        title: `Paging over HTTP: ${
          count(size)
        } elements, pages of ${limit} (medians of ${rounds} rounds × ${runs} runs)`,
        rows,
        goals,
        notes: [
          `Each round starts a fresh process per client, in a rotating order; it pages through each list ${warmup} times to warm up, then times ${runs} runs of threads, then ${runs} of items. The server runs in its own process and answers pre-built pages (bytes prepared in advance).`,
          "Our client runs with `ManagedRuntime.runPromise` over `ChatKitClient.layer` and the transport's layer; its pages decode with `Page.decodeThreadPage` / `Page.decodeThreadItemPage` (same results as the schema)."
        ]
      }
    })
  }
}
