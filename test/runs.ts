import * as Effect from "effect/Effect"

const fromEnvironment = Number(process.env.FC_NUM_RUNS)

/**
 * How deep a test run goes: `FC_NUM_RUNS=2000 pnpm test` runs every property at least 2000 times (fast-check's
 * global `numRuns` for the properties without a count of their own, `runs(count)` for the others). 0 when unset.
 */
export const deepRuns: number = Number.isInteger(fromEnvironment) && fromEnvironment > 0 ? fromEnvironment : 0

/**
 * The runs of a property that sets its own count (a costly one runs fewer than fast-check's 100 by default):
 * `count`, or more when `FC_NUM_RUNS` asks for more.
 */
export const runs = (count: number): number => Math.max(count, deepRuns)

/**
 * A turn of the event loop. A long property over synchronous code, or over a fake that answers on microtasks
 * only, never yields to the event loop, so vitest's worker cannot answer its runner's calls and a deep run
 * fails with "Timeout calling onTaskUpdate": end each run with this.
 */
export const eventLoopTurn: Effect.Effect<void> = Effect.promise(() =>
  new Promise<void>((resolve) => setImmediate(resolve))
)
