/**
 * Entry point of a client process: runs the job it is sent (see `isolated.ts`) and answers with its timings: wall
 * time and the process's CPU time (user + system, all its threads) of each run.
 */
import { type Driver, driver } from "./clients.js"
import type { Job, Task, TaskTimings, Timings } from "./isolated.js"
import { now } from "./stats.js"

/** One run of `task` with `client`, checking its answer. */
const once = (client: Driver, name: string, task: Task) => async (): Promise<void> => {
  if (task.kind === "page") {
    const count = await client.pageAll(task.resource, task.limit)
    if (count !== task.expected) throw new Error(`${name}: got ${count} elements, expected ${task.expected}`)
  } else {
    const id = await client.retrieve(task.id)
    if (id !== task.id) throw new Error(`${name}: got thread ${id}, expected ${task.id}`)
  }
}

const run = async (job: Job): Promise<Timings> => {
  const client = await driver(job.client, job.origin)
  const runs = job.tasks.map((task) => once(client, job.client, task))
  try {
    for (const run of runs) for (let i = 0; i < job.warmup; i++) await run()
    const timings: Array<TaskTimings> = []
    for (const run of runs) {
      const wall: Array<number> = []
      const cpu: Array<number> = []
      for (let i = 0; i < job.runs; i++) {
        const start = now()
        const startCpu = process.cpuUsage()
        await run()
        const used = process.cpuUsage(startCpu)
        wall.push(now() - start)
        cpu.push((used.user + used.system) / 1000)
      }
      timings.push({ wall, cpu })
    }
    return timings
  } finally {
    await client.close()
  }
}

process.on("disconnect", () => process.exit(0))
process.once("message", (job: Job) => {
  run(job).then(
    (timings) => process.send?.({ timings }, () => process.disconnect()),
    (error: unknown) => process.send?.({ error: String(error) }, () => process.disconnect())
  )
})
