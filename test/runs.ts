/**
 * How deep a test run goes: `FC_NUM_RUNS=2000 pnpm test` runs every property at least 2000 times (fast-check's
 * global `numRuns` for the properties without a count of their own, `runs(count)` for the others). 0 when unset.
 */
export const deepRuns: number = ((n: number) => (Number.isInteger(n) && n > 0 ? n : 0))(Number(process.env.FC_NUM_RUNS))

/**
 * The runs of a property that sets its own count (a costly one runs fewer than fast-check's 100 by default):
 * `count`, or more when `FC_NUM_RUNS` asks for more.
 */
export const runs = (count: number): number => Math.max(count, deepRuns)
