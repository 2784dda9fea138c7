import { addEqualityTesters } from "@effect/vitest"
import { FastCheck } from "effect"

addEqualityTesters()

// `FC_NUM_RUNS=2000 pnpm test` runs every property that sets no count of its own that many times
const numRuns = Number(process.env.FC_NUM_RUNS)
if (Number.isInteger(numRuns) && numRuns > 0) FastCheck.configureGlobal({ numRuns })
