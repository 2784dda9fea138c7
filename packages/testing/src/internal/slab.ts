/**
 * Buffers for answers, cut from large slabs: like `Buffer.allocUnsafe`'s pool, but big enough that a
 * page of the fake server rarely needs a new `ArrayBuffer`. A slab is freed once no buffer cut from it is
 * alive.
 *
 * @internal
 */

const slabSize = 256 * 1024

let slab = Buffer.allocUnsafeSlow(slabSize)
let used = 0

/**
 * An uninitialized buffer of `length` bytes.
 *
 * @internal
 */
export const allocate = (length: number): Buffer => {
  if (length > slabSize >> 3) return Buffer.allocUnsafe(length)
  if (used + length > slabSize) {
    slab = Buffer.allocUnsafeSlow(slabSize)
    used = 0
  }
  const out = slab.subarray(used, used + length)
  used = (used + length + 7) & ~7 // the next one starts aligned
  return out
}
