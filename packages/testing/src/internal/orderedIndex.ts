/**
 * Store entries kept in a plain array sorted by `(createdAt, seq)`. A place is found by binary search, so a
 * page costs O(log n + limit); appending in key order is O(1) amortized, any other insertion or a removal
 * moves the entries after it. Removed entries leave nothing behind, so a page never scans them.
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

const compareKeys = (a: Key, b: Key): number => a.createdAt - b.createdAt || a.seq - b.seq

/** The index of the first entry whose key is greater than (`strict`) or at least `key`. */
const bound = (entries: ReadonlyArray<Key>, key: Key, strict: boolean): number => {
  let low = 0
  let high = entries.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const entry = entries[middle]
    const order = entry === undefined ? 1 : compareKeys(entry, key)
    if (order > 0 || (order === 0 && !strict)) high = middle
    else low = middle + 1
  }
  return low
}

/**
 * Adds an entry whose key is not in the array yet.
 *
 * @internal
 */
export const insert = <E extends Key>(entries: Array<E>, entry: E): void => {
  const last = entries.at(-1)
  if (last === undefined || compareKeys(last, entry) < 0) entries.push(entry)
  else entries.splice(bound(entries, entry, true), 0, entry)
}

/**
 * Removes an entry that is in the array.
 *
 * @internal
 */
export const remove = <E extends Key>(entries: Array<E>, entry: E): void => {
  entries.splice(bound(entries, entry, false), 1)
}

/**
 * One page. The window is everything strictly after `after` and strictly before `before` in the requested
 * order (a cursor need not be in the array: its key gives its place); `data` is the first `limit` of it, or
 * the last `limit` (still in the requested order) with `fromEnd`, and `hasMore` tells whether the window holds
 * more than `data`.
 *
 * @internal
 */
export const page = <E extends Key>(entries: ReadonlyArray<E>, window: {
  readonly order: "asc" | "desc"
  readonly limit: number
  readonly after: Key | undefined
  readonly before: Key | undefined
  readonly fromEnd: boolean
}): { readonly data: Array<E>; readonly hasMore: boolean } => {
  const asc = window.order === "asc"
  const low = asc ? window.after : window.before
  const high = asc ? window.before : window.after
  const start = low === undefined ? 0 : bound(entries, low, true)
  const end = Math.max(start, high === undefined ? entries.length : bound(entries, high, false))
  const taken = Math.min(window.limit, end - start)
  const data = asc === window.fromEnd ? entries.slice(end - taken, end) : entries.slice(start, start + taken)
  return { data: asc ? data : data.reverse(), hasMore: end - start > window.limit }
}
