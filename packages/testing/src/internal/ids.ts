/**
 * Deterministic ids, drawn from Effect's seeded PCG generator: four draws of 24 bits per id, 24 hex digits.
 *
 * @internal
 */
import { PCGRandom } from "effect/Utils"

/** @internal */
export interface IdGenerator {
  /** The next id with `prefix`, never one `taken` says is used (when given). */
  readonly next: (prefix: string, taken?: (id: string) => boolean) => string
}

/** @internal */
export const makeIdGenerator = (seed: number): IdGenerator => {
  const random = new PCGRandom(seed | 0)
  const hex6 = (): string => random.integer(0x1000000).toString(16).padStart(6, "0")
  return {
    next: (prefix, taken = () => false) => {
      for (;;) {
        const id = prefix + hex6() + hex6() + hex6() + hex6()
        if (!taken(id)) return id
      }
    }
  }
}
