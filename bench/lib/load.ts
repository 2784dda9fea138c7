/**
 * A bounded keep-alive load loop: `connections` sockets, each sending one HTTP/1.1 request at a time (no
 * pipelining) and the next one as soon as the answer is complete, until `durationMs` has passed or
 * `maxRequests` were sent. The client side is a raw socket with a minimal response parser, so that it costs
 * far less than any server and the server is what gets measured.
 */
import * as Net from "node:net"
import { now } from "./stats.js"

/** What to send and for how long. */
export interface Load {
  readonly port: number
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly connections: number
  readonly durationMs: number
  readonly maxRequests: number
}

/** What came back: completed answers (by status class) and the rate of 2xx answers. */
export interface LoadResult {
  readonly ok: number
  readonly failed: number
  readonly elapsedMs: number
  readonly perSecond: number
}

const headerEnd = Buffer.from("\r\n\r\n")
const chunkedEnd = Buffer.from("0\r\n\r\n")

/** The length of the first complete response in `buffer`, or -1 when it is not complete yet. */
const responseLength = (buffer: Buffer): number => {
  const end = buffer.indexOf(headerEnd)
  if (end < 0) return -1
  const head = buffer.toString("latin1", 0, end).toLowerCase()
  const length = /\r\ncontent-length:\s*(\d+)/.exec(head)
  if (length !== null) {
    const total = end + 4 + Number(length[1])
    return buffer.length >= total ? total : -1
  }
  if (/\r\ntransfer-encoding:\s*chunked/.test(head)) {
    const last = buffer.indexOf(chunkedEnd, end + 4)
    return last < 0 ? -1 : last + chunkedEnd.length
  }
  return end + 4
}

const connection = (
  load: Load,
  request: Buffer,
  state: { sent: number; ok: number; failed: number },
  deadline: number
) =>
  new Promise<void>((resolve, reject) => {
    const socket = Net.connect(load.port, "127.0.0.1")
    socket.setNoDelay(true)
    let buffer: Buffer = Buffer.alloc(0)
    const send = () => {
      if (now() >= deadline || state.sent >= load.maxRequests) {
        socket.end()
        return resolve()
      }
      state.sent++
      socket.write(request)
    }
    socket.on("connect", send)
    socket.on("error", reject)
    socket.on("close", () => resolve())
    socket.on("data", (data: Buffer) => {
      buffer = buffer.length === 0 ? data : Buffer.concat([buffer, data])
      const length = responseLength(buffer)
      if (length < 0) return
      if (buffer[9] === 0x32) state.ok++ // "HTTP/1.1 2xx"
      else state.failed++
      buffer = buffer.subarray(length)
      send()
    })
  })

/** Runs the load and reports the completed answers per second. */
export const run = async (load: Load): Promise<LoadResult> => {
  const lines = [
    `GET ${load.path} HTTP/1.1`,
    "Host: 127.0.0.1",
    ...Object.entries(load.headers).map(([k, v]) => `${k}: ${v}`)
  ]
  const request = Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1")
  const state = { sent: 0, ok: 0, failed: 0 }
  const start = now()
  const deadline = start + load.durationMs
  await Promise.all(Array.from({ length: load.connections }, () => connection(load, request, state, deadline)))
  const elapsedMs = now() - start
  return { ok: state.ok, failed: state.failed, elapsedMs, perSecond: state.ok / (elapsedMs / 1000) }
}
