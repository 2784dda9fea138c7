/**
 * A battery of hostile requests against a fake server running in its own process: malformed paths, methods,
 * keys, queries and bodies (huge, deep, of every wrong type), admin values out of range, what Node's parser
 * refuses, then a flood of 20,000 API keys. It reports requests tried, answers ≥ 500, crashes, answers outside
 * OpenAI's shape and the server's RSS growth under the flood, and exits non-zero when any of them is wrong.
 *
 *     tsx bench/hostile.ts            # the full battery and a 20,000-key flood
 *     tsx bench/hostile.ts --quick    # the same battery and a 2,000-key flood, for CI
 */
import type * as ChatKitFake from "@effect-chatkit/testing/ChatKitFake"
import { Effect } from "effect"
import { fork } from "node:child_process"
import * as Net from "node:net"
import { fileURLToPath } from "node:url"

const key = "sk-hostile"
const beta = "OpenAI-Beta: chatkit_beta=v1"

/** The server process: `ChatKitFakeServer` with the admin routes on, any key, every store seeded. */
const serve = async () => {
  const ChatKitFakeServer = await import("@effect-chatkit/testing/ChatKitFakeServer")
  const seedStore = (fake: ChatKitFake.Fake) =>
    Effect.forEach(Array.from({ length: 30 }, (_, i) => i), (i) =>
      Effect.flatMap(
        fake.threads.admin.createThread({ user: `user_${i % 4}`, title: `Thread ${i}`, createdAt: 1_760_000_000 + i }),
        (thread) =>
          Effect.orDie(fake.threads.admin.addItem(thread.id, { type: "chatkit.widget", widget: "{}", createdAt: 1 }))
      ), { discard: true })
  Effect.runFork(
    Effect.gen(function*() {
      const server = yield* ChatKitFakeServer.ChatKitFakeServer
      process.on("message", () => process.send!({ rss: process.memoryUsage().rss }))
      process.send!({ port: Number(new URL(server.origin).port) })
      return yield* Effect.never
    }).pipe(Effect.provide(ChatKitFakeServer.layer({ admin: true, seedStore })))
  )
}

interface Reply {
  readonly status: number | undefined
  readonly headers: string
  readonly body: string
}

/** Sends raw bytes (the body, when given, streamed in chunks) and reads the whole answer until close. */
const raw = (port: number, head: string, body: { readonly chunk: Buffer; readonly times: number } | string = "") =>
  new Promise<Reply>((resolve) => {
    const chunks: Array<Buffer> = []
    const socket = Net.connect(port, "127.0.0.1", () => {
      if (typeof body === "string") {
        socket.end(head + body)
        return
      }
      socket.write(head)
      let sent = 0
      const pump = () => {
        while (sent < body.times && !socket.destroyed) {
          sent++
          if (!socket.write(body.chunk)) return void socket.once("drain", pump)
        }
        if (!socket.destroyed) socket.end()
      }
      pump()
    })
    socket.on("data", (chunk) => chunks.push(chunk))
    socket.on("error", () => socket.destroy())
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8")
      const split = text.indexOf("\r\n\r\n")
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(text)?.[1]
      const headers = split < 0 ? text : text.slice(0, split).toLowerCase()
      // the first answer only, as a client reads it (a parser error after it may add another)
      const length = Number(/\r\ncontent-length: (\d+)/.exec(headers)?.[1] ?? Infinity)
      resolve({
        status: status === undefined ? undefined : Number(status),
        headers,
        body: split < 0 ? "" : Buffer.concat(chunks).subarray(Buffer.byteLength(text.slice(0, split + 4)))
          .subarray(0, length).toString("utf8")
      })
    })
  })

const request = (method: string, target: string, headers: ReadonlyArray<string>, body?: string) =>
  `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers.map((h) => `${h}\r\n`).join("")}` +
  (body === undefined ? "\r\n" : `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)

/** Whether an answer is in OpenAI's shape: JSON, an `x-request-id`, and errors as `{ error: {...} }`. */
const inShape = (reply: Reply): boolean => {
  if (reply.status === undefined) return false
  if (!/\r\nx-request-id: \S+/.test(reply.headers) || !/\r\ncontent-type: application\/json/.test(reply.headers)) {
    return false
  }
  try {
    const body = JSON.parse(reply.body) as { readonly error?: Record<string, unknown> }
    if (reply.status < 400) return true
    const error = body.error
    return error !== undefined && typeof error.message === "string" && typeof error.type === "string" &&
      "param" in error && "code" in error
  } catch {
    return false
  }
}

const auth = [`Authorization: Bearer ${key}`, beta]
const json = ["Content-Type: application/json"]
const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth)

/** Every hostile request of the battery, as raw HTTP. */
const battery = (): ReadonlyArray<{ readonly head: string; readonly body?: Parameters<typeof raw>[2] }> => {
  const cases: Array<{ readonly head: string; readonly body?: Parameters<typeof raw>[2] }> = []
  const add = (head: string, body?: Parameters<typeof raw>[2]) =>
    cases.push(body === undefined ? { head } : { head, body })
  const paths = [
    "/",
    "/v1",
    "/v1/",
    "/v1/chatkit",
    "/v1/chatkit/threads/",
    "/v1//chatkit/threads",
    "/v1/chatkit/threads/%",
    "/v1/chatkit/threads/%ZZ/items",
    "/v1/chatkit/threads/..%2F..%2Fetc",
    "/v1/chatkit/threads/" + "a".repeat(8000),
    "/v1/chatkit/threads/%00",
    "/v1/chatkit/threads/cthr_x/items/extra",
    "/v1/chatkit/sessions/x/cancel/more",
    "/_admin/threads/%E0%A4%A/items",
    "/_admin/../v1/chatkit/threads",
    "*",
    "http://evil.example/v1/chatkit/threads"
  ]
  for (const path of paths) {
    for (const method of ["GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS", "TRACE", "FOO"]) {
      add(request(method, path, auth, method === "POST" ? "{}" : undefined))
    }
  }
  for (
    const header of [
      "",
      "Authorization: Bearer",
      "Authorization: Basic eDp5",
      `Authorization: Bearer ${"k".repeat(10_000)}`
    ]
  ) {
    add(request("GET", "/v1/chatkit/threads", header === "" ? [beta] : [header, beta]))
  }
  add(request("GET", "/v1/chatkit/threads", [`Authorization: Bearer ${key}`, "OpenAI-Beta: nope"]))
  const values = ["", "-1", "1e2", "101", "1.5", "NaN", "Infinity", "0x10", "%", "%FF", "a".repeat(10_000), "__proto__"]
  for (const name of ["limit", "order", "after", "before", "user", "unknown", "__proto__", "constructor"]) {
    for (const value of values) {
      add(request("GET", `/v1/chatkit/threads?${name}=${encodeURIComponent(value)}`, auth))
      add(request("GET", `/v1/chatkit/threads/cthr_x/items?${name}=${encodeURIComponent(value)}`, auth))
    }
    add(request("GET", `/v1/chatkit/threads?${name}=1&${name}=1`, auth))
  }
  add(request("GET", `/v1/chatkit/threads?${"&".repeat(50_00)}`, auth))
  const bodies = [
    "",
    "not json",
    "null",
    "[]",
    "1e308",
    "\"x\"",
    "{\"user\":1}",
    `{"user":"${"u".repeat(600_000)}","workflow":{"id":"w"}}`,
    "{\"user\":\"u\",\"workflow\":{\"id\":\"w\",\"state_variables\":{\"__proto__\":{\"a\":1}}}}",
    `{"user":"u","workflow":{"id":"w","state_variables":{"k":"${"v".repeat(900_000)}"}}}`,
    "{\"user\":\"u\",\"workflow\":{\"id\":\"w\"},\"expires_after\":{\"anchor\":\"created_at\",\"seconds\":1e308}}",
    `{"a":${deep(100)}}`,
    `{"a":${deep(5_000)}}`,
    deep(400_000),
    "{\"a\":\"\\ud800\"}",
    "{\"user\":\"u\",\"workflow\":{\"id\":\"w\"},\"chatkit_configuration\":{\"file_upload\":{\"max_files\":-1}}}"
  ]
  const admin = [
    "/_admin/threads",
    "/_admin/threads/cthr_missing",
    "/_admin/threads/cthr_missing/items",
    "/_admin/faults",
    "/_admin/latency"
  ]
  for (const body of bodies) {
    add(request("POST", "/v1/chatkit/sessions", [...auth, ...json], body))
    for (const path of admin) add(request("POST", path, [...auth, ...json], body))
  }
  const adminValues: ReadonlyArray<readonly [string, unknown]> = [
    ["/_admin/latency", { ms: 1e308 }],
    ["/_admin/latency", { ms: -1 }],
    ["/_admin/latency", { ms: "10" }],
    ["/_admin/faults", { status: 429, retry_after_ms: 1e308 }],
    ["/_admin/faults", { status: 500, times: 1e9 }],
    ["/_admin/faults", { status: 200 }],
    ["/_admin/faults", { status: 999 }],
    ["/_admin/faults", { status: "drop", operation: "nope" }],
    ["/_admin/threads", { user: "u".repeat(100_000) }],
    ["/_admin/threads", { user: "u", created_at: -1 }],
    ["/_admin/threads", { user: "u", created_at: 1e308 }],
    ["/_admin/threads", { user: "u", status: { type: "nope" } }]
  ]
  for (const [path, body] of adminValues) add(request("POST", path, [...auth, ...json], JSON.stringify(body)))
  // bodies over the limit: declared, and streamed without a length
  const mib = Buffer.alloc(1024 * 1024, 0x20)
  add(
    `POST /v1/chatkit/sessions HTTP/1.1\r\nHost: x\r\n${auth.join("\r\n")}\r\nContent-Length: ${
      600 * 1024 * 1024
    }\r\n\r\n`,
    { chunk: mib, times: 600 }
  )
  add(
    `POST /_admin/threads HTTP/1.1\r\nHost: x\r\n${auth.join("\r\n")}\r\nTransfer-Encoding: chunked\r\n\r\n`,
    { chunk: Buffer.concat([Buffer.from("100000\r\n"), mib, Buffer.from("\r\n")]), times: 64 }
  )
  // what Node's parser refuses
  add(`GET /v1/chatkit/threads HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`)
  add(
    "POST /v1/chatkit/sessions HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
  )
  add("POST /v1/chatkit/sessions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
  add("GET /v1/chatkit/threads HTTP/1.1 extra\r\n\r\n")
  add("GET\r\n\r\n")
  add("\x00\x01\x02\x03\r\n\r\n")
  add("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
  add("GET /v1/chatkit/threads HTTP/1.1\r\nHost: x\r\nBad Header: x\r\n\r\n")
  add("GET /v1/chatkit/threads HTTP/1.1\r\nHost: x\r\nX: a\x01b\r\n\r\n")
  return cases
}

const pool = async <A>(items: ReadonlyArray<A>, concurrency: number, run: (item: A) => Promise<void>) => {
  // one iterator shared by every worker: each takes the next item
  const queue = items.values()
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (const item of queue) await run(item)
  }))
}

const main = async () => {
  const quick = process.argv.includes("--quick")
  const flood = quick ? 2_000 : 20_000
  const child = fork(fileURLToPath(import.meta.url), ["--serve"], { stdio: ["ignore", "inherit", "inherit", "ipc"] })
  let crashes = 0
  child.once("exit", () => crashes++)
  const ask = () =>
    new Promise<{ readonly port?: number; readonly rss?: number }>((resolve) => child.once("message", resolve))
  const port = (await ask()).port!
  const rss = async () => {
    const answer = ask()
    child.send("rss")
    return (await answer).rss!
  }
  let tried = 0
  let serverErrors = 0
  let outOfShape = 0
  const failures: Array<string> = []
  const check = (label: string, reply: Reply) => {
    tried++
    if (reply.status !== undefined && reply.status >= 500) serverErrors++
    if (!inShape(reply)) outOfShape++
    if ((reply.status ?? 500) >= 500 || !inShape(reply)) {
      if (failures.length < 10) {
        failures.push(`${reply.status ?? "no answer"} ${label.slice(0, 100).replace(/\r\n/g, "⏎")}`)
      }
    }
  }
  const started = performance.now()
  await pool(battery(), 8, async ({ body, head }) => check(head, await raw(port, head, body)))
  // the flood: each key lists threads; one in ten also writes (a session), which gives it a store
  const before = await rss()
  const keys = Array.from({ length: flood }, (_, i) => i)
  await pool(keys, 16, async (i) => {
    const headers = [`Authorization: Bearer sk-flood-${i}`, beta]
    check("flood list", await raw(port, request("GET", "/v1/chatkit/threads?limit=5", headers)))
    if (i % 10 === 0) {
      const body = JSON.stringify({ user: `u${i}`, workflow: { id: "wf" } })
      check("flood session", await raw(port, request("POST", "/v1/chatkit/sessions", [...headers, ...json], body)))
    }
  })
  const growth = (await rss()) - before
  const alive = crashes === 0 ? inShape(await raw(port, request("GET", "/v1/chatkit/threads", auth))) : false
  child.kill()
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
  const ok = serverErrors === 0 && crashes === 0 && outOfShape === 0 && alive && growth < 100 * 1024 * 1024
  console.log(
    [
      `hostile battery: ${tried} requests tried in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      `  answers >= 500:             ${serverErrors}`,
      `  crashes:                    ${crashes}`,
      `  answers outside the shape:  ${outOfShape}`,
      `  RSS growth, ${flood.toLocaleString("en-US")}-key flood: ${mib(growth)} (from ${mib(before)})`,
      `  answering afterwards:       ${alive ? "yes" : "no"}`,
      ...failures.map((failure) => `  failed: ${failure}`),
      ok ? "ok" : "FAILED"
    ].join("\n")
  )
  process.exit(ok ? 0 : 1)
}

if (process.argv.includes("--serve")) void serve()
else void main()
