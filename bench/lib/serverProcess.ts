/** Entry point of a server child process: starts the server it is sent and answers with its port. */
import { type Spec, start } from "./servers.js"

process.on("disconnect", () => process.exit(0))
process.once("message", (spec: Spec) => {
  start(spec).then(
    (port) => process.send?.({ port }),
    (error: unknown) => process.send?.({ error: String(error) })
  )
})
