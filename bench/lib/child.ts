/**
 * Servers in a child process, so that on a 2-core machine the server and the client under test each get a
 * core, as they would against a remote API.
 */
import { fork } from "node:child_process"
import { fileURLToPath } from "node:url"
import type { Spec } from "./servers.js"

/** A running server process. */
export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  readonly port: number
  readonly close: () => Promise<void>
}

const entry = fileURLToPath(new URL("./serverProcess.ts", import.meta.url))

/** Forks a process serving `spec` on 127.0.0.1 and resolves once it listens. */
export const serve = (spec: Spec): Promise<ServerProcess> =>
  new Promise((resolve, reject) => {
    const child = fork(entry, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] })
    const close = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done()
        child.once("exit", () => done())
        child.kill()
      })
    child.once("error", reject)
    child.once("exit", (code) => reject(new Error(`server process exited with ${code}`)))
    child.once("message", (message: { readonly port?: number; readonly error?: string }) => {
      if (message.port === undefined) {
        void close()
        return reject(new Error(message.error ?? "server process failed"))
      }
      resolve({ origin: `http://127.0.0.1:${message.port}`, port: message.port, close })
    })
    child.send(spec)
  })

/** Runs `use` with a server process serving `spec`, and stops it afterwards. */
export const withServer = async <A>(spec: Spec, use: (server: ServerProcess) => Promise<A>): Promise<A> => {
  const server = await serve(spec)
  try {
    return await use(server)
  } finally {
    await server.close()
  }
}
