/**
 * Child processes: servers, so that on a 2-core machine the server and the client under test each get a core,
 * as they would against a remote API; and clients under test (see `isolated.ts`).
 */
import { fork, type Serializable } from "node:child_process"
import { fileURLToPath } from "node:url"
import type { Spec } from "./servers.js"

/** A child process that answered its first message. */
export interface Answered<A> {
  readonly reply: A
  /** Resolves once the process has exited (stopping it if it still runs). */
  readonly close: () => Promise<void>
}

/**
 * Forks `entry` (a module beside this one), sends it `message`, and resolves with its first reply; rejects
 * if it replies `{ error }` or exits first.
 */
export const ask = <A extends object>(entry: string, message: Serializable): Promise<Answered<A>> =>
  new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL(entry, import.meta.url)), [], {
      stdio: ["ignore", "inherit", "inherit", "ipc"]
    })
    const close = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done()
        child.once("exit", () => done())
        child.kill()
      })
    child.once("error", reject)
    child.once("exit", (code) => reject(new Error(`${entry} exited with ${code}`)))
    child.once("message", (reply: A | { readonly error: string }) => {
      if ("error" in reply) {
        void close()
        return reject(new Error(`${entry}: ${reply.error}`))
      }
      resolve({ reply, close })
    })
    child.send(message)
  })

/** A running server process. */
export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  readonly port: number
  readonly close: () => Promise<void>
}

/** Forks a process serving `spec` on 127.0.0.1 and resolves once it listens. */
export const serve = async (spec: Spec): Promise<ServerProcess> => {
  const { close, reply } = await ask<{ readonly port: number }>("./serverProcess.ts", spec)
  return { origin: `http://127.0.0.1:${reply.port}`, port: reply.port, close }
}

/** Runs `use` with a server process serving `spec`, and stops it afterwards. */
export const withServer = async <A>(spec: Spec, use: (server: ServerProcess) => Promise<A>): Promise<A> => {
  const server = await serve(spec)
  try {
    return await use(server)
  } finally {
    await server.close()
  }
}
