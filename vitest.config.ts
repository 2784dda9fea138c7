import { defineConfig } from "vitest/config"
import { deepRuns } from "./test/runs.js"

// a deep run (`FC_NUM_RUNS` above fast-check's default of 100) does that many times the work of each property
const depth = Math.max(1, deepRuns / 100)

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts", "examples/test/**/*.test.ts"],
    setupFiles: ["./vitest.setup.ts"],
    sequence: { concurrent: false },
    // vitest's default is one worker less than the cores: on a 2-core machine that runs the files one by one,
    // while most of a file's time is spent waiting on sockets and child processes
    maxWorkers: 2,
    // the files of a worker share its loaded modules: loading Effect and the packages again for each of ~50 files
    // took half of the suite's CPU time (see vitest.setup.ts for the one piece of state that leaked between files)
    isolate: false,
    testTimeout: 60_000 * depth,
    hookTimeout: 60_000
  }
})
