/** Side-by-side measurement: every variant runs once per round, in a rotating order, after warm-up rounds. */
import { median, time } from "./stats.js"

/** One contender of a comparison. */
export interface Variant {
  readonly name: string
  readonly run: () => Promise<unknown>
}

/** How many rounds: the first `warmup` are thrown away. */
export interface Rounds {
  readonly warmup: number
  readonly rounds: number
}

/** The samples (milliseconds) of each variant, by name, and their medians. */
export interface Comparison {
  readonly samples: ReadonlyMap<string, ReadonlyArray<number>>
  readonly median: (name: string) => number
}

/**
 * Runs every variant once per round, interleaved (the order rotates each round so none always runs first,
 * right after a garbage-collection-heavy neighbour), and keeps the timings of the rounds after warm-up.
 */
export const compare = async (variants: ReadonlyArray<Variant>, rounds: Rounds): Promise<Comparison> => {
  const samples = new Map<string, Array<number>>(variants.map((variant) => [variant.name, []]))
  for (let round = 0; round < rounds.warmup + rounds.rounds; round++) {
    for (let i = 0; i < variants.length; i++) {
      const variant = variants[(round + i) % variants.length]!
      const elapsed = await time(variant.run)
      if (round >= rounds.warmup) samples.get(variant.name)!.push(elapsed)
    }
  }
  return { samples, median: (name) => median(samples.get(name) ?? []) }
}
