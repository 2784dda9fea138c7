/** A description of the machine the figures come from. */
import * as Os from "node:os"

/** Node version, CPU model, core count and memory, as Markdown lines. */
export const describe = (): ReadonlyArray<string> => {
  const cpus = Os.cpus()
  return [
    `- Node.js ${process.version} (${process.platform} ${process.arch})`,
    `- CPU: ${cpus[0]?.model.trim() ?? "unknown"}, ${cpus.length} cores`,
    `- Memory: ${(Os.totalmem() / 1024 ** 3).toFixed(1)} GiB`
  ]
}
