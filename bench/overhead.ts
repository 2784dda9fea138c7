/**
 * 5. Overhead per call: `retrieve` of one thread over loopback, one call at a time, with raw `fetch` +
 * `JSON.parse` (the floor), the official SDK, and ours over fetch and over undici, each client in a fresh
 * process per round.
 */
import { withServer } from "./lib/child.js"
import type { ClientName } from "./lib/clients.js"
import * as fixtures from "./lib/fixtures.js"
import { compareInChildren } from "./lib/isolated.js"
import { type Benchmark, type Goal, ms, ratio, type Row } from "./lib/report.js"
import { mean, quantile } from "./lib/stats.js"
import { cpuGoals } from "./paging.js"

const clients: ReadonlyArray<{ readonly name: string; readonly client: ClientName }> = [
  { name: "raw fetch + JSON.parse", client: "raw" },
  { name: "openai SDK", client: "sdk" },
  { name: "ours over fetch", client: "fetch" },
  { name: "ours over undici", client: "undici" }
]

export const overhead: Benchmark = {
  name: "overhead",
  run: async ({ smoke }) => {
    const rounds = smoke ? 1 : 6
    const warmup = smoke ? 2 : 1000
    const runs = smoke ? 5 : 500
    return withServer({ kind: "pages", threads: 1, items: 0, limit: 100 }, async ({ origin }) => {
      const id = fixtures.threads(1)[0]!.id
      const [comparison] = await compareInChildren(
        clients.map(({ client, name }) => ({
          name,
          job: { client, origin, tasks: [{ kind: "retrieve", id }], warmup, runs }
        })),
        { rounds, concurrent: smoke }
      )
      if (comparison === undefined) throw new Error("no comparison")
      const { cpu, wall } = comparison
      const p99 = (name: string) => quantile(wall.samples.get(name) ?? [], 0.99)
      // CPU per call is the mean: a call's share of garbage collection falls on a few calls, which a median skips
      const cpuPerCall = (name: string) => mean(cpu.samples.get(name) ?? [])
      const floor = clients[0]!.name
      const sdk = "openai SDK"
      const rows: Array<Row> = clients.map(({ name }) => ({
        name: `retrieve: ${name}`,
        value: ms(wall.median(name)),
        ratio: ratio(wall.median(name), wall.median(floor)),
        context: `p99 ${ms(p99(name))} (${ratio(p99(name), p99(floor))} of raw); CPU ${ms(cpuPerCall(name))} (${
          ratio(cpuPerCall(name), cpuPerCall(sdk))
        } of the SDK's)`
      }))
      const goals: Array<Goal> = [
        ...cpuGoals.map(([name, most]): Goal => ({
          text: `retrieve, ${name}: CPU per call ≤ ${most.toFixed(2)}× the SDK's`,
          figure: `${ratio(cpuPerCall(name), cpuPerCall(sdk))} of the SDK's CPU (${ms(cpuPerCall(name))} against ${
            ms(cpuPerCall(sdk))
          })`,
          met: cpuPerCall(name) <= most * cpuPerCall(sdk)
        })),
        ...["ours over fetch", "ours over undici"].map((name): Goal => ({
          text: `retrieve, ${name}: median no slower than the SDK's (wall time)`,
          figure: `${ratio(wall.median(name), wall.median(sdk))} of the SDK (p99 ${ratio(p99(name), p99(sdk))}), ${
            ratio(wall.median(name), wall.median(floor))
          } of raw fetch`,
          met: wall.median(name) <= wall.median(sdk)
        }))
      ]
      return {
        title: `Overhead per call: \`retrieve\` over loopback (medians of ${rounds} rounds × ${runs} calls)`,
        rows,
        goals,
        notes: [
          `Each round starts a fresh process per client, in a rotating order; it makes ${warmup} calls to warm up, then times ${runs}, one at a time.`,
          "Median and p99 are wall times of one call; CPU is the client process's CPU time (user + system, all its threads) per call, the mean over every timed call."
        ]
      }
    })
  }
}
