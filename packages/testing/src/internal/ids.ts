/**
 * Deterministic ids: a small seeded PRNG (splitmix32) drawn three times per id for 24 hex digits.
 *
 * @internal
 */
export interface IdGenerator {
  /** The next id with `prefix`, never one `taken` says is used. */
  readonly next: (prefix: string, taken: (id: string) => boolean) => string
}

const hex2: ReadonlyArray<string> = Array.from({ length: 256 }, (_, n) => n.toString(16).padStart(2, "0"))

const hex8 = (n: number): string =>
  hex2[n >>> 24]! + hex2[(n >>> 16) & 0xff]! + hex2[(n >>> 8) & 0xff]! + hex2[n & 0xff]!

/** @internal */
export const makeIdGenerator = (seed: number): IdGenerator => {
  let state = seed | 0
  const next32 = (): number => {
    state = (state + 0x9e3779b9) | 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  return {
    next: (prefix, taken) => {
      for (;;) {
        const id = prefix + hex8(next32()) + hex8(next32()) + hex8(next32())
        if (!taken(id)) return id
      }
    }
  }
}
