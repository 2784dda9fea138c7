/**
 * 1. Paging over HTTP: every element of a 10,000-element list, 100 per page, from a server of pre-built pages
 * in another process, with raw `fetch` + `JSON.parse` (the floor), the official SDK's auto-pagination, and
 * our `stream`/`streamItems` (full Schema decoding) over fetch and over undici.
 */
import { ThreadsService } from "@effect-chatkit/core"
import { Effect, Stream } from "effect"
import { withServer } from "./lib/child.js"
import { official, type Ours, ours, rawPages } from "./lib/clients.js"
import * as fixtures from "./lib/fixtures.js"
import { compare, type Variant } from "./lib/measure.js"
import { type Benchmark, count, type Goal, ms, ratio, type Row } from "./lib/report.js"

const limit = 100

const expect = (name: string, expected: number) => (actual: number) => {
  if (actual !== expected) throw new Error(`${name}: got ${actual} elements, expected ${expected}`)
}

const runStream = (runtime: Ours, stream: Stream.Stream<unknown, unknown, ThreadsService.ThreadsService>) =>
  runtime.runPromise(Stream.runCount(stream as Stream.Stream<unknown, never, ThreadsService.ThreadsService>))

interface Resource {
  readonly label: string
  readonly raw: (origin: string) => Promise<number>
  readonly sdk: (client: ReturnType<typeof official>) => AsyncIterable<unknown>
  readonly ours: Stream.Stream<unknown, unknown, ThreadsService.ThreadsService>
}

const resources: ReadonlyArray<Resource> = [
  {
    label: "threads",
    raw: (origin) => rawPages(`${origin}/v1/chatkit/threads?limit=${limit}`),
    sdk: (client) => client.beta.chatkit.threads.list({ limit }),
    ours: ThreadsService.stream({ limit })
  },
  {
    label: "items (7 variants)",
    raw: (origin) => rawPages(`${origin}/v1/chatkit/threads/${fixtures.itemsThreadId}/items?limit=${limit}`),
    sdk: (client) => client.beta.chatkit.threads.listItems(fixtures.itemsThreadId, { limit }),
    ours: ThreadsService.streamItems(fixtures.itemsThreadId, { limit })
  }
]

const countAll = async (iterable: AsyncIterable<unknown>): Promise<number> => {
  let n = 0
  for await (const _ of iterable) n++
  return n
}

export const paging: Benchmark = {
  name: "paging",
  run: async ({ smoke }) => {
    const size = smoke ? 250 : 10_000
    const rounds = smoke ? { warmup: 0, rounds: 1 } : { warmup: 3, rounds: 11 }
    return withServer({ kind: "pages", threads: size, items: size, limit }, async ({ origin }) => {
      const client = official(origin)
      const overFetch = ours(origin, "fetch")
      const overUndici = ours(origin, "undici")
      const rows: Array<Row> = []
      const goals: Array<Goal> = []
      try {
        for (const resource of resources) {
          const check = (name: string) => expect(`${resource.label} ${name}`, size)
          const variants: ReadonlyArray<Variant> = [
            { name: "raw fetch + JSON.parse", run: () => resource.raw(origin).then(check("raw")) },
            { name: "openai SDK auto-pagination", run: () => countAll(resource.sdk(client)).then(check("sdk")) },
            { name: "ours over fetch", run: () => runStream(overFetch, resource.ours).then(check("fetch")) },
            { name: "ours over undici", run: () => runStream(overUndici, resource.ours).then(check("undici")) }
          ]
          const result = await compare(variants, rounds)
          const floor = result.median(variants[0]!.name)
          const sdk = result.median(variants[1]!.name)
          for (const variant of variants) {
            const median = result.median(variant.name)
            rows.push({
              name: `${resource.label}: ${variant.name}`,
              value: ms(median),
              ratio: ratio(median, floor),
              context: `${count(size / (median / 1000))} elements/s`
            })
          }
          for (const name of ["ours over fetch", "ours over undici"]) {
            const median = result.median(name)
            goals.push({
              text: `${resource.label}, ${name} ≤ 1.25× raw fetch and faster than the SDK`,
              figure: `${ratio(median, floor)} of raw, ${ratio(median, sdk)} of the SDK`,
              met: median <= 1.25 * floor && median < sdk
            })
          }
        }
      } finally {
        await Effect.runPromise(Effect.all([overFetch.disposeEffect, overUndici.disposeEffect], { discard: true }))
      }
      return {
        title: `Paging over HTTP: ${count(size)} elements, pages of ${limit} (medians of ${rounds.rounds})`,
        rows,
        goals,
        notes: [
          "The server runs in a child process and answers pre-built pages (bytes prepared in advance).",
          "Our client runs with `ManagedRuntime.runPromise` over `ChatKitClient.layer` and the transport's layer; its pages decode with `Page.decodeThreadPage` / `Page.decodeThreadItemPage` (same results as the schema)."
        ]
      }
    })
  }
}
