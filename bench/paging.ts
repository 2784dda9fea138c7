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

/** Issue 11's goals: ours over undici spends no more CPU than the SDK per pass; over fetch at most 1.2× of it. */
export const cpuGoals: ReadonlyArray<readonly [string, number]> = [["ours over undici", 1], ["ours over fetch", 1.2]]

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
        const { cpu, wall } = results[task]!
        const floor = wall.median(clients[0]!.name)
        const sdk = wall.median(clients[1]!.name)
        const sdkCpu = cpu.median(clients[1]!.name)
        for (const { name } of clients) {
          const median = wall.median(name)
          rows.push({
            name: `${label}: ${name}`,
            value: ms(median),
            ratio: ratio(median, floor),
            context: `CPU ${ms(cpu.median(name))} (${ratio(cpu.median(name), sdkCpu)} of the SDK's, ${
              ratio(cpu.median(name), cpu.median(clients[0]!.name))
            } of raw); ${count(size / (median / 1000))} elements/s`
          })
        }
        for (const [name, most] of cpuGoals) {
          goals.push({
            text: `${label}, ${name}: CPU per pass ≤ ${most.toFixed(2)}× the SDK's`,
            figure: `${ratio(cpu.median(name), sdkCpu)} of the SDK's CPU (${ms(cpu.median(name))} against ${
              ms(sdkCpu)
            })`,
            met: cpu.median(name) <= most * sdkCpu
          })
        }
        for (const name of ["ours over fetch", "ours over undici"]) {
          const median = wall.median(name)
          goals.push({
            text: `${label}, ${name} ≤ 1.25× raw fetch and faster than the SDK (wall time)`,
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
          "Median is the wall time of one pass over the list; CPU is the client process's CPU time (user + system, all its threads, garbage collection included) for one pass, median of the passes.",
          "Our client runs with `ManagedRuntime.runPromise` over `ChatKitClient.layer` and the transport's layer; its pages decode with `Page.decodeThreadPage` / `Page.decodeThreadItemPage` (same results as the schema)."
        ]
      }
    })
  }
}
