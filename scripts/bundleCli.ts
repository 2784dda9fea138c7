/**
 * Bundles the `chatkit` executable for the npm package: `packages/cli/dist/chatkit/bin.js` and the chunks that
 * it loads on demand (the built-in fake, the live client, the fake server each in their own).
 *
 * Why: on Node 20, resolving and loading the ~650 ES modules a command needs (most of them Effect's own, one
 * file each) takes most of its start-up time; one bundle with a few chunks starts in less than half of it
 * (figures in bench/NOTES.md). The library modules of `@effect-chatkit/cli` stay unbundled in `dist/`.
 *
 * Run by `pnpm build`, after `tsc -b`.
 */
import { build } from "esbuild"
import { rmSync } from "node:fs"
import { fileURLToPath } from "node:url"

const cli = fileURLToPath(new URL("../packages/cli/", import.meta.url))
const outdir = `${cli}dist/chatkit`

rmSync(outdir, { recursive: true, force: true })
await build({
  entryPoints: [`${cli}src/bin.ts`],
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outdir,
  // a few dependencies are CommonJS and call `require`, which an ES module has to make itself
  banner: {
    js:
      "import { createRequire as __chatkitRequire } from \"node:module\"\nconst require = __chatkitRequire(import.meta.url)"
  },
  legalComments: "none",
  logLevel: "warning"
})
