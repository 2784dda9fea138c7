/**
 * 5. Start-up of the `chatkit` executable as the npm package ships it (the bundle `pnpm build` writes to
 * `packages/cli/dist/chatkit/`): wall time of whole processes, next to `node -e 0` and to the same command
 * run from source through tsx (what `pnpm chatkit` does), interleaved round by round.
 */
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
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

const variants: ReadonlyArray<Variant> = [
  { name: "`node -e 0` (the floor)", args: ["-e", "0"] },
  { name: "`chatkit --version`", args: [bin, "--version"] },
  { name: "`chatkit threads list --help`", args: [bin, "threads", "list", "--help"] },
  { name: "`chatkit threads list --limit 1` (built-in fake)", args: [bin, "threads", "list", "--limit", "1"] },
  {
    name: "`chatkit threads list --limit 1 --json` (built-in fake)",
    args: [bin, "threads", "list", "--limit", "1", "--json"]
  },
  {
    name: "the same from source through tsx (`pnpm chatkit`)",
    args: ["--import", "tsx", `${root}packages/cli/src/bin.ts`, "threads", "list", "--limit", "1"]
  }
]

/** Wall time of one process, in milliseconds; fails if it does. */
const timed = ({ args, name }: Variant): number => {
  const start = now()
  const result = spawnSync(process.execPath, args, { cwd: root, env: offline, encoding: "utf8" })
  const elapsed = now() - start
  if (result.status !== 0) throw new Error(`${name} exited with ${result.status}: ${result.stderr}`)
  return elapsed
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
    const samples = variants.map(() => [] as Array<number>)
    timed(variants[3]!) // warm the file cache
    for (let round = 0; round < rounds; round++) {
      // a rotating order, so that no variant always runs right after the same one
      for (let step = 0; step < variants.length; step++) {
        const index = (round + step) % variants.length
        samples[index]!.push(timed(variants[index]!))
      }
    }
    const medians = samples.map(median)
    const floor = medians[0]!
    const list = medians[3]!
    const rows: ReadonlyArray<Row> = variants.map((variant, index) => ({
      name: variant.name,
      value: ms(medians[index]!),
      ratio: ratio(medians[index]!, floor),
      context: `${rounds} runs`
    }))
    return {
      title: "Start-up of the `chatkit` executable",
      rows,
      goals: [{
        text: `the packed \`chatkit threads list\` answers in under ${goalMs} ms`,
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
