/**
 * 5. Start-up of the `chatkit` executable as the npm package ships it (the bundle `pnpm build` writes to
 * `packages/cli/dist/chatkit/`): wall time of whole processes, next to `node -e 0` and to the same command
 * run from source through tsx (what `pnpm chatkit` does), interleaved round by round.
 */
import { spawnSync } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { type Benchmark, ms, ratio, type Row } from "./lib/report.js"
import { median, now } from "./lib/stats.js"

const root = fileURLToPath(new URL("..", import.meta.url))
const bin = `${root}packages/cli/dist/chatkit/bin.js`
const goalMs = 400

interface Variant {
  readonly name: string
  readonly args: ReadonlyArray<string>
}

const { OPENAI_API_KEY: _key, OPENAI_BASE_URL: _url, ...offline } = process.env

const floorVariant: Variant = { name: "`node -e 0` (the floor)", args: ["-e", "0"] }

const listVariant: Variant = {
  name: "`chatkit threads list --limit 1` (built-in fake)",
  args: [bin, "threads", "list", "--limit", "1"]
}

const variants: ReadonlyArray<Variant> = [
  floorVariant,
  { name: "`chatkit --version`", args: [bin, "--version"] },
  { name: "`chatkit threads list --help`", args: [bin, "threads", "list", "--help"] },
  listVariant,
  {
    name: "`chatkit threads list --limit 1 --json` (built-in fake)",
    args: [bin, "threads", "list", "--limit", "1", "--json"]
  },
  {
    name: "the same from source through tsx (`pnpm chatkit`)",
    args: ["--import", "tsx", `${root}packages/cli/src/bin.ts`, "threads", "list", "--limit", "1"]
  }
]

/**
 * CPU time (user and system) of this process's children that have ended, in milliseconds, from Linux's
 * `/proc/self/stat` (clock ticks of 10 ms); `undefined` elsewhere.
 */
const childrenCpu = (): number | undefined => {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").replace(/^.*\) /, "").split(" ")
    // after the command name: field 16 (cutime) and 17 (cstime) of proc(5) are at 13 and 14 here
    return (Number(fields[13]) + Number(fields[14])) * 10
  } catch {
    return undefined
  }
}

interface Sample {
  readonly wall: number
  readonly cpu: number | undefined
}

/** Wall and CPU time of one process, in milliseconds; fails if it does. */
const timed = ({ args, name }: Variant): Sample => {
  const cpuBefore = childrenCpu()
  const start = now()
  const result = spawnSync(process.execPath, args, { cwd: root, env: offline, encoding: "utf8" })
  const wall = now() - start
  const cpuAfter = childrenCpu()
  if (result.status !== 0) throw new Error(`${name} exited with ${result.status}: ${result.stderr}`)
  return { wall, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore }
}

export const startup: Benchmark = {
  name: "startup",
  run: async ({ smoke }) => {
    const bundled = spawnSync(process.execPath, ["--import", "tsx", `${root}scripts/bundleCli.ts`], {
      cwd: root,
      encoding: "utf8"
    })
    if (bundled.status !== 0 || !existsSync(bin)) throw new Error(`bundling the CLI failed: ${bundled.stderr}`)
    const rounds = smoke ? 1 : 9
    const runs = variants.map((variant) => ({ variant, samples: [] as Array<Sample> }))
    timed(listVariant) // warm the file cache
    for (let round = 0; round < rounds; round++) {
      // a rotating order, so that no variant always runs right after the same one
      const first = round % runs.length
      for (const { samples, variant } of [...runs.slice(first), ...runs.slice(0, first)]) {
        samples.push(timed(variant))
      }
    }
    const measured = runs.map(({ samples, variant }) => ({
      variant,
      wall: median(samples.map((sample) => sample.wall)),
      cpu: samples.every((sample) => sample.cpu !== undefined)
        ? median(samples.map((sample) => sample.cpu!))
        : undefined
    }))
    const floor = measured.find(({ variant }) => variant === floorVariant)
    const listed = measured.find(({ variant }) => variant === listVariant)
    if (floor === undefined || listed === undefined) throw new Error("the floor or the list command did not run")
    // CPU time, which a busy machine does not inflate as it does wall time; wall time where it cannot be read
    const list = listed.cpu ?? listed.wall
    const rows: ReadonlyArray<Row> = measured.map(({ cpu, variant, wall }) => ({
      name: variant.name,
      value: ms(wall),
      ratio: ratio(wall, floor.wall),
      context: `${rounds} runs${cpu === undefined ? "" : `, CPU ${ms(cpu)}`}`
    }))
    return {
      title: "Start-up of the `chatkit` executable",
      rows,
      goals: [{
        text: `the packed \`chatkit threads list\` answers in under ${goalMs} ms (its CPU time, user and system)`,
        figure: ms(list),
        met: list < goalMs
      }],
      notes: [
        "Ratios are of `node -e 0` in the same run: what Node itself costs before any module loads.",
        "The executable is one bundle with chunks loaded on demand (the built-in fake, the live client and the " +
        "fake server each in their own); see NOTES.md for the figures before it."
      ]
    }
  }
}
