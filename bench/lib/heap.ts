/** Heap figures: `heapUsed` now, and after a full garbage collection (exposed at run time, not by a flag). */
import * as V8 from "node:v8"
import * as Vm from "node:vm"

V8.setFlagsFromString("--expose-gc")
const gc = Vm.runInNewContext("gc") as () => void

/** Bytes of heap in use now, garbage included. */
export const used = (): number => process.memoryUsage().heapUsed

/** Bytes of heap still in use after a full collection: what is live. */
export const live = (): number => {
  gc()
  return used()
}
