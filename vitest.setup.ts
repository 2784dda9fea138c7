import { addEqualityTesters, effect, flakyTest, it, layer, live, prop, scoped, scopedLive } from "@effect/vitest"
import { FastCheck } from "effect"
import { deepRuns } from "./test/runs.js"

addEqualityTesters()

// `layer(…)` of @effect/vitest 0.30 writes the methods bound to its runtime (its TestClock among them) onto the shared
// `it`; test files share their worker's modules (`isolate: false`), so each file starts again from the plain ones
Object.assign(it, { effect, flakyTest, layer, live, prop, scoped, scopedLive })

// `FC_NUM_RUNS=2000 pnpm test` runs every property that sets no count of its own that many times (the others
// ask for theirs with `runs(count)`)
if (deepRuns > 0) FastCheck.configureGlobal({ numRuns: deepRuns })
