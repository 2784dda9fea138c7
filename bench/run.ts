/**
 * Runs the benchmarks (all, or those named: `pnpm bench paging fake`), prints their tables, and after a full
 * run writes bench/README.md: the figures, then bench/NOTES.md (the hand-written analysis) verbatim. `--smoke`
 * runs each one with tiny sizes to prove it still works, and writes nothing.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { decode } from "./decode.js"
import { fake } from "./fake.js"
import * as machine from "./lib/machine.js"
import { type Benchmark, markdown, type Section } from "./lib/report.js"
import { now } from "./lib/stats.js"
import { overhead } from "./overhead.js"
import { paging } from "./paging.js"
import { server } from "./server.js"
import { startup } from "./startup.js"

const benchmarks: ReadonlyArray<Benchmark> = [paging, decode, overhead, server, fake, startup]

const args = process.argv.slice(2)
const smoke = args.includes("--smoke")
const names = args.filter((arg) => !arg.startsWith("--"))
const unknown = names.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name))
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(", ")}; known: ${benchmarks.map((b) => b.name).join(", ")}`)
  process.exit(2)
}
const selected = names.length === 0 ? benchmarks : benchmarks.filter((benchmark) => names.includes(benchmark.name))

const started = now()
const sections: Array<Section> = []
if (smoke) console.log("smoke run: tiny sizes, to prove that every benchmark still runs; it measures nothing\n")
for (const benchmark of selected) {
  const start = now()
  const section = await benchmark.run({ smoke })
  sections.push(section)
  const took = `(${benchmark.name}: ${((now() - start) / 1000).toFixed(1)} s)`
  // a smoke run's figures come from tiny sizes on a cold process: printed as goals, they would read as results
  console.log(smoke ? `ran: ${section.title} ${took}` : `${markdown(section)}\n\n${took}\n`)
}
const seconds = ((now() - started) / 1000).toFixed(0)
console.log(`all done in ${seconds} s`)

if (!smoke && selected.length === benchmarks.length) {
  const goals = sections.flatMap((section) => section.goals)
  const readme = [
    "# Benchmarks",
    "",
    "Written by `pnpm bench` (about " + seconds + " s); `pnpm bench <name>` runs one (" +
    benchmarks.map((b) => `\`${b.name}\``).join(", ") + ") and writes nothing; `pnpm bench:smoke` checks that every",
    "benchmark still runs, with tiny sizes. Ratios are measured side by side in one run (variants interleaved in",
    "a rotating order, warm-up thrown away, medians reported; paging and `retrieve` overhead start a fresh process",
    "per client and round, so that no client's garbage or JIT state is charged to another); absolute times are",
    "context only.",
    "",
    "## Machine",
    "",
    ...machine.describe(),
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    "- Command: `pnpm bench`",
    "",
    `## Goals: ${goals.filter((goal) => goal.met).length} of ${goals.length} met`,
    "",
    ...goals.map((goal) => `- ${goal.met ? "**met**" : "**missed**"}: ${goal.text} — ${goal.figure}`),
    "",
    "## Results",
    "",
    ...sections.map((section) => `${markdown(section)}\n`),
    readFileSync(fileURLToPath(new URL("./NOTES.md", import.meta.url)), "utf8").trimEnd(),
    ""
  ].join("\n")
  writeFileSync(fileURLToPath(new URL("./README.md", import.meta.url)), readme)
  console.log("wrote bench/README.md")
}
