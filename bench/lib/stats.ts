/** Order statistics of samples (milliseconds or any unit). */

const sorted = (samples: ReadonlyArray<number>): Array<number> => [...samples].sort((a, b) => a - b)

/** The value at quantile `q` (0..1) of the samples, nearest rank. */
export const quantile = (samples: ReadonlyArray<number>, q: number): number => {
  if (samples.length === 0) return Number.NaN
  const ordered = sorted(samples)
  return ordered[Math.min(ordered.length - 1, Math.max(0, Math.ceil(q * ordered.length) - 1))]!
}

/** The median (the mean of the two middle values for an even count). */
export const median = (samples: ReadonlyArray<number>): number => {
  if (samples.length === 0) return Number.NaN
  const ordered = sorted(samples)
  const mid = ordered.length >> 1
  return ordered.length % 2 === 1 ? ordered[mid]! : (ordered[mid - 1]! + ordered[mid]!) / 2
}

/** The arithmetic mean. */
export const mean = (samples: ReadonlyArray<number>): number =>
  samples.length === 0 ? Number.NaN : samples.reduce((sum, x) => sum + x, 0) / samples.length

/** Milliseconds since some fixed point, with sub-millisecond resolution. */
export const now = (): number => performance.now()

/** Runs `run` and returns how long it took in milliseconds. */
export const time = async (run: () => Promise<unknown>): Promise<number> => {
  const start = now()
  await run()
  return now() - start
}
