/**
 * 5. Overhead per call: `retrieve` of one thread over loopback, one call at a time, with raw `fetch` +
 * `JSON.parse` (the floor), the official SDK, and ours over fetch and over undici. The calls are interleaved
 * in blocks so that every client sees the same machine state.
 */
import { ThreadsService } from "@effect-chatkit/core"
import { withServer } from "./lib/child.js"
import { headers, official, ours } from "./lib/clients.js"
import * as fixtures from "./lib/fixtures.js"
import { type Benchmark, type Goal, ms, ratio, type Row } from "./lib/report.js"
import { median, now, quantile } from "./lib/stats.js"

interface Client {
  readonly name: string
  readonly call: () => Promise<{ readonly id: string }>
}

export const overhead: Benchmark = {
  name: "overhead",
  run: async ({ smoke }) => {
    const blocks = smoke ? 2 : 40
    const perBlock = smoke ? 5 : 50
    return withServer({ kind: "pages", threads: 1, items: 0, limit: 100 }, async ({ origin }) => {
      const id = fixtures.threads(1)[0]!.id
      const url = `${origin}/v1/chatkit/threads/${id}`
      const sdk = official(origin)
      const overFetch = ours(origin, "fetch")
      const overUndici = ours(origin, "undici")
      const clients: ReadonlyArray<Client> = [
        {
          name: "raw fetch + JSON.parse",
          call: async () => JSON.parse(await (await fetch(url, { headers })).text())
        },
        { name: "openai SDK", call: () => sdk.beta.chatkit.threads.retrieve(id) },
        { name: "ours over fetch", call: () => overFetch.runPromise(ThreadsService.retrieve(id)) },
        { name: "ours over undici", call: () => overUndici.runPromise(ThreadsService.retrieve(id)) }
      ]
      const samples = new Map<string, Array<number>>(clients.map((client) => [client.name, []]))
      try {
        for (let block = -2; block < blocks; block++) {
          for (let i = 0; i < clients.length; i++) {
            const client = clients[(block + 2 + i) % clients.length]!
            for (let call = 0; call < perBlock; call++) {
              const start = now()
              const thread = await client.call()
              const elapsed = now() - start
              if (thread.id !== id) throw new Error(`${client.name} got thread ${thread.id}`)
              if (block >= 0) samples.get(client.name)!.push(elapsed)
            }
          }
        }
      } finally {
        await Promise.all([overFetch.dispose(), overUndici.dispose()])
      }
      const floor = samples.get(clients[0]!.name)!
      const rows: Array<Row> = clients.map((client) => {
        const own = samples.get(client.name)!
        return {
          name: `retrieve: ${client.name}`,
          value: ms(median(own)),
          ratio: ratio(median(own), median(floor)),
          context: `p99 ${ms(quantile(own, 0.99))} (${ratio(quantile(own, 0.99), quantile(floor, 0.99))} of raw)`
        }
      })
      const sdkMedian = median(samples.get("openai SDK")!)
      const goals: Array<Goal> = ["ours over fetch", "ours over undici"].map((name) => ({
        text: `retrieve, ${name}: median no slower than the SDK's`,
        figure: `${ratio(median(samples.get(name)!), sdkMedian)} of the SDK, ${
          ratio(median(samples.get(name)!), median(floor))
        } of raw fetch`,
        met: median(samples.get(name)!) <= sdkMedian
      }))
      return {
        title: `Overhead per call: \`retrieve\` over loopback (${
          blocks * perBlock
        } calls each, in interleaved blocks of ${perBlock})`,
        rows,
        goals,
        notes: ["The issue sets no number for this one; the goal line compares with the SDK as the reference."]
      }
    })
  }
}
