/**
 * A sorted collection of store entries, ordered by `(createdAt, seq)`, stored as a list of sorted chunks.
 * Finding a position costs O(log n); reading `k` neighbours from it costs O(k); appending in key order is O(1)
 * amortized and any other insertion or removal costs O(chunk size), with an O(n / chunk size) splice of the
 * chunk list when a chunk splits or empties. Removed entries leave nothing behind, so a page never scans them.
 *
 * @internal
 */

/**
 * The order key of an entry: its creation time, then its store-wide insertion counter.
 *
 * @internal
 */
export interface Key {
  readonly createdAt: number
  readonly seq: number
}

/** @internal */
export const compareKeys = (a: Key, b: Key): number => a.createdAt - b.createdAt || a.seq - b.seq

const maxChunk = 512

/**
 * A position between entries: `offset` inside chunk `chunk`, normalized so that either
 * `offset < chunks[chunk].length` or `chunk === chunks.length` (the end).
 */
interface Position {
  readonly chunk: number
  readonly offset: number
}

const comparePositions = (a: Position, b: Position): number => a.chunk - b.chunk || a.offset - b.offset

/**
 * The result of reading one page: the entries and whether the window holds more.
 *
 * @internal
 */
export interface Slice<A> {
  readonly data: ReadonlyArray<A>
  readonly hasMore: boolean
}

/**
 * The bounds of a page, as order keys of the cursors: `after` and `before` are exclusive and positional in
 * the requested order. `fromEnd` takes the last `limit` of the window (still in the requested order) instead
 * of the first.
 *
 * @internal
 */
export interface Window {
  readonly order: "asc" | "desc"
  readonly limit: number
  readonly after: Key | undefined
  readonly before: Key | undefined
  readonly fromEnd?: boolean | undefined
}

/** @internal */
export class OrderedIndex<A extends Key> {
  private readonly chunks: Array<Array<A>> = []
  private count = 0

  get size(): number {
    return this.count
  }

  /** Adds an entry whose key is not in the index yet. */
  insert(entry: A): void {
    const chunks = this.chunks
    const last = chunks.at(-1)
    const lastEntry = last?.at(-1)
    const { chunk, offset } = lastEntry === undefined || compareKeys(lastEntry, entry) < 0
      ? { chunk: chunks.length, offset: 0 }
      : this.bound(entry, false)
    const target = chunks[chunk]
    if (target === undefined) {
      if (last === undefined || last.length >= maxChunk) chunks.push([entry])
      else last.push(entry)
    } else {
      target.splice(offset, 0, entry)
      if (target.length > maxChunk) chunks.splice(chunk + 1, 0, target.splice(target.length >> 1))
    }
    this.count++
  }

  /** Removes an entry; returns whether it was there. */
  remove(entry: A): boolean {
    const { chunk, offset } = this.bound(entry, false)
    const target = this.chunks[chunk]
    if (target === undefined || target[offset] !== entry) return false
    target.splice(offset, 1)
    if (target.length === 0) this.chunks.splice(chunk, 1)
    this.count--
    return true
  }

  /** Every entry in ascending order. */
  *values(): IterableIterator<A> {
    for (const chunk of this.chunks) yield* chunk
  }

  /**
   * One page: the window is everything strictly after `after` and strictly before `before` in the requested
   * order (a cursor need not be in the index: its key gives its place); `data` is the first `limit` of it, or
   * the last `limit` with `fromEnd`.
   */
  page(window: Window): Slice<A> {
    const asc = window.order === "asc"
    const low = asc ? window.after : window.before
    const high = asc ? window.before : window.after
    const start = low === undefined ? { chunk: 0, offset: 0 } : this.bound(low, true)
    const end = high === undefined ? { chunk: this.chunks.length, offset: 0 } : this.bound(high, false)
    if (comparePositions(start, end) >= 0) return { data: [], hasMore: false }
    const fromEnd = window.fromEnd === true
    const slice = asc !== fromEnd ? this.forward(start, end, window.limit) : this.backward(start, end, window.limit)
    return fromEnd ? { data: [...slice.data].reverse(), hasMore: slice.hasMore } : slice
  }

  /** The first position whose key is greater than (`strict`) or at least `key`. */
  private bound(key: Key, strict: boolean): Position {
    const chunks = this.chunks
    // a missing entry is past the end, so past every key
    const beyond = (entry: A | undefined) =>
      entry === undefined || (strict ? compareKeys(entry, key) > 0 : compareKeys(entry, key) >= 0)
    let lo = 0
    let hi = chunks.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (beyond(chunks[mid]?.at(-1))) hi = mid
      else lo = mid + 1
    }
    const chunk = chunks[lo]
    if (chunk === undefined) return { chunk: lo, offset: 0 }
    let l = 0
    let h = chunk.length - 1
    while (l < h) {
      const mid = (l + h) >>> 1
      if (beyond(chunk[mid])) h = mid
      else l = mid + 1
    }
    return { chunk: lo, offset: l }
  }

  private forward(start: Position, end: Position, limit: number): Slice<A> {
    const data: Array<A> = []
    let chunk = start.chunk
    let offset = start.offset
    while (data.length < limit && comparePositions({ chunk, offset }, end) < 0) {
      const entries = this.chunks[chunk]
      const entry = entries?.[offset]
      if (entries === undefined || entry === undefined) break
      data.push(entry)
      if (++offset === entries.length) {
        chunk++
        offset = 0
      }
    }
    return { data, hasMore: comparePositions({ chunk, offset }, end) < 0 }
  }

  private backward(start: Position, end: Position, limit: number): Slice<A> {
    const data: Array<A> = []
    let chunk = end.chunk
    let offset = end.offset
    while (data.length < limit && comparePositions(start, { chunk, offset }) < 0) {
      if (offset === 0) {
        chunk--
        offset = this.chunks[chunk]?.length ?? 0
      }
      const entry = this.chunks[chunk]?.[--offset]
      if (entry === undefined) break
      data.push(entry)
    }
    return { data, hasMore: comparePositions(start, { chunk, offset }) < 0 }
  }
}
