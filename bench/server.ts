/**
 * 4. The fake server under load: answers per second to `GET /v1/chatkit/threads?limit=20` from concurrent
 * keep-alive connections, against a bare `node:http` server answering the same bytes (the floor). Each
 * server runs alone in a child process; the load loop runs here.
 */
import { withServer } from "./lib/child.js"
import { apiKey, headers } from "./lib/clients.js"
import * as load from "./lib/load.js"
import { type Benchmark, count, ratio } from "./lib/report.js"
import { median } from "./lib/stats.js"

const path = "/v1/chatkit/threads?limit=20"
const connections = 8

export const server: Benchmark = {
  name: "server",
  run: async ({ smoke }) => {
    const durationMs = smoke ? 150 : 2000
    const rounds = smoke ? 1 : 5
    const threads = smoke ? 50 : 1000
    return withServer(
      { kind: "fake", threads, apiKey },
      (fakeServer) =>
        fetch(`http://127.0.0.1:${fakeServer.port}${path}`, { headers }).then(async (response) => {
          const body = await response.text()
          if (response.status !== 200) throw new Error(`the fake answered ${response.status}: ${body}`)
          return withServer({ kind: "bytes", body, contentType: "application/json" }, async (floorServer) => {
            const floorTarget = { name: "bare node:http, same bytes (floor)", port: floorServer.port }
            const fakeTarget = { name: "ChatKitFakeServer", port: fakeServer.port }
            const targets = [floorTarget, fakeTarget]
            const rates = new Map<string, Array<number>>(targets.map((target) => [target.name, []]))
            const run = (port: number, durationMs: number) =>
              load.run({ port, path, headers, connections, durationMs, maxRequests: 1_000_000 })
            for (const target of targets) await run(target.port, durationMs / 2)
            for (let round = 0; round < rounds; round++) {
              const first = round % targets.length
              for (const target of [...targets.slice(first), ...targets.slice(0, first)]) {
                const result = await run(target.port, durationMs)
                if (result.failed > 0) throw new Error(`${target.name}: ${result.failed} answers were not 2xx`)
                rates.get(target.name)!.push(result.perSecond)
              }
            }
            const floor = median(rates.get(floorTarget.name)!)
            const fake = median(rates.get(fakeTarget.name)!)
            return {
              title:
                `The fake server: \`GET ${path}\` (${threads} threads in the store), ${connections} keep-alive connections, ${rounds} rounds of ${
                  durationMs / 1000
                } s`,
              rows: targets.map((target) => {
                const rate = median(rates.get(target.name)!)
                return {
                  name: target.name,
                  value: `${count(rate)} req/s`,
                  ratio: ratio(rate, floor),
                  context: `rounds: ${rates.get(target.name)!.map(count).join(", ")}`
                }
              }),
              goals: [{
                text: "the fake server answers at least 40% of the floor's requests per second",
                figure: `${((fake / floor) * 100).toFixed(0)}%`,
                met: fake >= floor * 0.4
              }],
              notes: [
                `Answers are ${
                  Buffer.byteLength(body)
                } bytes. The load loop is a raw keep-alive socket per connection (one request in flight each, no pipelining), much cheaper than either server.`
              ]
            }
          })
        })
    )
  }
}
