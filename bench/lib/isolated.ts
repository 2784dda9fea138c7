/**
 * Side-by-side measurement with each variant in its own process: every round starts a fresh client process
 * per variant (in a rotating order), which warms up and then times its runs, so that no variant's garbage or
 * JIT state is charged to another.
 */
import { ask } from "./child.js"
import type { ClientName, Resource } from "./clients.js"
import type { Comparison } from "./measure.js"
import { median } from "./stats.js"

/** What one run does: page through a list (and check its length), or retrieve one thread (and check its id). */
export type Task =
  | { readonly kind: "page"; readonly resource: Resource; readonly limit: number; readonly expected: number }
  | { readonly kind: "retrieve"; readonly id: string }

/** What a client process is sent: `warmup` untimed runs of each task, then `runs` timed runs of each task. */
export interface Job {
  readonly client: ClientName
  readonly origin: string
  readonly tasks: ReadonlyArray<Task>
  readonly warmup: number
  readonly runs: number
}

/** The timings of one task (milliseconds, one per run): wall time, and CPU time of the client process. */
export interface TaskTimings {
  readonly wall: ReadonlyArray<number>
  readonly cpu: ReadonlyArray<number>
}

/** The timings of a job, by task. */
export type Timings = ReadonlyArray<TaskTimings>

/** Runs `job` in a fresh client process and resolves with its timings. */
export const inChild = async (job: Job): Promise<Timings> => {
  const { close, reply } = await ask<{ readonly timings: Timings }>("./clientProcess.ts", job)
  await close()
  return reply.timings
}

/** One contender: a name and the job its processes run. */
export interface IsolatedVariant {
  readonly name: string
  readonly job: Job
}

/** How many rounds, and whether a round's processes run one after another (to measure) or all at once. */
export interface Rounds {
  readonly rounds: number
  /** All at once: quicker, for `--smoke`, where the timings mean nothing. */
  readonly concurrent: boolean
}

/** The comparisons of one task: by wall time and by the client process's CPU time. */
export interface TaskComparison {
  readonly wall: Comparison
  readonly cpu: Comparison
}

const comparison = (byName: ReadonlyMap<string, ReadonlyArray<number>>): Comparison => ({
  samples: byName,
  median: (name) => median(byName.get(name) ?? [])
})

/**
 * Runs rounds of every variant (all with the same tasks), each in a fresh process, and pools the timings of
 * each variant: one comparison per task.
 */
export const compareInChildren = async (
  variants: ReadonlyArray<IsolatedVariant>,
  { concurrent, rounds }: Rounds
): Promise<ReadonlyArray<TaskComparison>> => {
  const tasks = variants[0]?.job.tasks.length ?? 0
  const samples = Array.from({ length: tasks }, () => ({
    wall: new Map(variants.map((variant) => [variant.name, [] as Array<number>])),
    cpu: new Map(variants.map((variant) => [variant.name, [] as Array<number>]))
  }))
  const measure = async (variant: IsolatedVariant) => {
    const timings = await inChild(variant.job)
    timings.forEach(({ cpu, wall }, task) => {
      samples[task]!.wall.get(variant.name)!.push(...wall)
      samples[task]!.cpu.get(variant.name)!.push(...cpu)
    })
  }
  for (let round = 0; round < rounds; round++) {
    const order = variants.map((_, i) => variants[(round + i) % variants.length]!)
    if (concurrent) await Promise.all(order.map(measure))
    else for (const variant of order) await measure(variant)
  }
  return samples.map(({ cpu, wall }) => ({ wall: comparison(wall), cpu: comparison(cpu) }))
}
