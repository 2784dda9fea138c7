/**
 * 3. The in-memory fake: the latency of a page with 1,000 and with 1,000,000 threads in the store (with and
 * without `user`), streaming all 1,000,000 threads (rate and heap while streaming), and creating them.
 */
import type { Thread } from "@effect-chatkit/core"
import * as ThreadsFake from "@effect-chatkit/testing/ThreadsFake"
import { Array as Arr, Effect, Stream } from "effect"
import * as heap from "./lib/heap.js"
import { compare, type Variant } from "./lib/measure.js"
import { type Benchmark, count, type Goal, mib, ms, ratio, type Row } from "./lib/report.js"
import { median, now } from "./lib/stats.js"

const users = 10
const pageSize = 20

interface Store {
  readonly size: number
  readonly fake: ThreadsFake.ThreadsFake.Fake
  readonly cursors: ReadonlyArray<string>
  readonly createMs: number
}

/** A fake with `size` threads of ten users, created oldest first (three per second), and 1,000 random cursors. */
const build = (size: number): Promise<Store> =>
  Effect.runPromise(Effect.gen(function*() {
    const fake = yield* ThreadsFake.make({ seed: 1 })
    const ids: Array<string> = []
    const every = Math.max(1, Math.floor(size / 1000))
    const start = now()
    for (let i = 0; i < size; i++) {
      const thread: Thread.Thread = yield* fake.admin.createThread({
        user: `user_${i % users}`,
        title: i % 2 === 0 ? null : `Thread ${i}`,
        createdAt: 1_750_000_000 + Math.floor(i / 3)
      })
      if (i % every === 0) ids.push(thread.id)
    }
    const createMs = now() - start
    let seed = 7
    const cursors = Array.from({ length: 1000 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      const cursor = ids[seed % ids.length]
      if (cursor === undefined) throw new Error("no thread ids to page after")
      return cursor
    })
    return { size, fake, cursors, createMs }
  }))

/** Pages after each cursor in turn (`calls` of them), optionally of one user. */
const pages = (store: Store, calls: number, user: string | undefined): Variant => ({
  name: `${count(store.size)} threads, ${user === undefined ? "no user" : "user"}`,
  run: () =>
    Effect.runPromise(Effect.forEach(
      store.cursors.slice(0, calls),
      (after) =>
        store.fake.service.list(user === undefined ? { limit: pageSize, after } : { limit: pageSize, after, user }),
      { discard: true }
    ))
})

/** Streams every thread by pages of 100, sampling the heap every `every` threads (after a collection if `live`). */
const stream = async (store: Store, every: number, live: boolean) => {
  const samples: Array<number> = []
  const before = heap.live()
  const start = now()
  const streamed = await Effect.runPromise(
    store.fake.service.stream({ limit: 100 }).pipe(
      Stream.runFold(0, (n) => {
        if ((n + 1) % every === 0) samples.push(live ? heap.live() : heap.used())
        return n + 1
      })
    )
  )
  const elapsed = now() - start
  if (streamed !== store.size) throw new Error(`streamed ${streamed} of ${store.size} threads`)
  return { before, samples, elapsed }
}

export const fake: Benchmark = {
  name: "fake",
  run: async ({ smoke }) => {
    const big = smoke ? 20_000 : 1_000_000
    const rounds = smoke ? { warmup: 0, rounds: 1 } : { warmup: 2, rounds: 9 }
    const calls = smoke ? 50 : 1000
    const small = await build(1000)
    const heapBefore = heap.live()
    const large = await build(big)
    const storeBytes = heap.live() - heapBefore
    const users = [{ label: "no user", user: undefined }, { label: "user", user: "user_3" }]
    const baselines = users.map(({ user }) => pages(small, calls, user))
    const grown = users.map(({ user }) => pages(large, calls, user))
    const variants = [...baselines, ...grown]
    const latency = await compare(variants, rounds)
    const perPage = (variant: Variant) => latency.median(variant.name) / calls
    const rows: Array<Row> = Arr.zip(variants, [...baselines, ...baselines]).map(([variant, baseline]) => ({
      name: `page of ${pageSize} after a random cursor: ${variant.name}`,
      value: ms(perPage(variant)),
      ratio: ratio(perPage(variant), perPage(baseline)),
      context: `${count(1000 / perPage(variant))} pages/s`
    }))
    const goals: Array<Goal> = Arr.zip(users, Arr.zip(baselines, grown)).map(([{ label }, [baseline, bigger]]) => {
      const r = perPage(bigger) / perPage(baseline)
      return {
        text: `page latency with ${count(big)} threads ≤ 2× with 1,000 (${label})`,
        figure: `${r.toFixed(2)}×`,
        met: r <= 2
      }
    })

    const timed = await stream(large, Math.max(1, Math.floor(big / 100)), false)
    const peak = Math.max(...timed.samples) - timed.before
    const checked = await stream(large, Math.max(1, Math.floor(big / 10)), true)
    const [first] = checked.samples
    const last = checked.samples.at(-1)
    if (first === undefined || last === undefined) throw new Error("the stream took no samples")
    const growth = last - first
    rows.push(
      {
        name: `stream all ${count(big)} threads (pages of 100)`,
        value: ms(timed.elapsed),
        context: `${count(big / (timed.elapsed / 1000))} threads/s`
      },
      {
        name: "heap while streaming: peak heapUsed above the live heap before",
        value: mib(peak),
        context: `100 samples; the store itself holds ${mib(storeBytes)}`
      },
      {
        name: "live heap (after GC) growth from 10% to 100% of the stream",
        value: mib(growth),
        context: checked.samples.map((bytes) => mib(bytes - checked.before)).join(", ")
      },
      {
        name: `create ${count(big)} threads with the admin`,
        value: ms(large.createMs),
        context: `${count(big / (large.createMs / 1000))} threads/s (one run)`
      },
      { name: "create 1,000 threads with the admin", value: ms(small.createMs) }
    )
    goals.push({
      text: "memory flat while streaming (live heap grows by less than 16 MiB)",
      figure: `${mib(growth)} growth; peak ${mib(peak)} above the start`,
      met: growth < 16 * 1024 * 1024
    })
    return {
      title: `The in-memory fake (page latency: medians of ${rounds.rounds} batches of ${calls} pages)`,
      rows,
      goals,
      notes: [
        `Ten users; \`user\` pages list one of them (a tenth of the store). Median per-batch figures: ${
          variants.map((variant) => `${variant.name} ${ms(median(latency.samples.get(variant.name) ?? []))}`).join(", ")
        }.`
      ]
    }
  }
}
