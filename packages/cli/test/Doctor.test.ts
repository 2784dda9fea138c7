import * as Page from "@effect-chatkit/core/Page"
import * as Wire from "@effect-chatkit/core/Wire"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { lines, runCli } from "./fixtures/runCli.js"
import type { Deviation } from "./fixtures/servers.js"
import { startProxy, startServer } from "./fixtures/servers.js"

const controls = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

/** A page as the wire carries it, by the ids of its elements. */
type WirePage = Page.Page<{ readonly id: string }>

const limitOf = (url: URL) => Number(url.searchParams.get("limit") ?? "20")

const isThreadList = (url: URL) => url.pathname === `${Wire.basePath}${Wire.path(Wire.listThreads)}`

const dropping = (param: string): Deviation => ({
  request: (url) => {
    const changed = new URL(url)
    changed.searchParams.delete(param)
    return changed
  }
})

const deviations: ReadonlyArray<readonly [string, string, Deviation]> = [
  ["the thread list reads after inclusively", "threads.after", {
    response: async (url, body, fetchJson) => {
      const after = url.searchParams.get("after")
      const page = body as WirePage
      if (!isThreadList(url) || after === null || limitOf(url) === 0) return page
      const retrieve = `${Wire.basePath}${Either.getOrThrow(Wire.path(Wire.retrieveThread, after))}`
      const cursor = await fetchJson(new URL(retrieve, url)) as WirePage["data"][number]
      const data = [cursor, ...page.data]
      return Page.make(data.slice(0, limitOf(url)), page.has_more || data.length > limitOf(url), ({ id }) => id)
    }
  }],
  ["has_more is true on a full page that ends exactly at the end", "threads.end", {
    response: async (url, body) => {
      const page = body as WirePage
      return "data" in page && page.data.length > 0 && page.data.length === limitOf(url)
        ? { ...page, has_more: true }
        : page
    }
  }],
  ["the user filter is ignored", "threads.user", dropping("user")],
  ["order is ignored", "threads.reverse", dropping("order")]
]

const doctor = (url: string, ...args: ReadonlyArray<string>) =>
  runCli(["doctor", "--base-url", url, "--api-key", "sk-test", ...args])

describe("chatkit doctor", () => {
  it.scopedLive("every check agrees with `chatkit serve --demo` (exit 0), which sees only GET requests", () =>
    Effect.gen(function*() {
      const proxy = yield* startProxy(yield* startServer("--demo"))
      const out = yield* doctor(proxy.url)
      assert.strictEqual(out.exitCode, 0, out.stderr)
      const report = lines(out.stdout)
      assert.isAbove(report.length, 15)
      const [summary, ...checks] = [...report].reverse()
      for (const line of checks) assert.match(line, /^(threads|items)\.[\w.-]+: agrees/)
      assert.isDefined(summary)
      assert.match(summary, /^\d+ agree, 0 differ, 0 skipped \(\d+ of at most 500 requests/)
      assert.include(out.stdout, "threads.before: agrees (the far end of the window, as the fake)")
      assert.isAbove(proxy.methods.length, 20)
      assert.deepStrictEqual(new Set(proxy.methods), new Set(["GET"]))
    }))

  for (const [title, check, deviation] of deviations) {
    it.scopedLive(`${title}: ${check} differs, exit 1, no writes`, () =>
      Effect.gen(function*() {
        const proxy = yield* startProxy(yield* startServer("--demo"), deviation)
        const out = yield* doctor(proxy.url, "--sample-threads", "0")
        assert.strictEqual(out.exitCode, 1, out.stderr)
        assert.include(lines(out.stdout).map((line) => line.split(": differs")[0]), check)
        assert.deepStrictEqual(new Set(proxy.methods), new Set(["GET"]))
      }))
  }

  it.scopedLive("a server whose before answers the page next to the cursor: the readings side by side", () =>
    Effect.gen(function*() {
      const proxy = yield* startProxy(yield* startServer("--demo", "--before-reading", "next-to-cursor"))
      const out = yield* doctor(proxy.url, "--json")
      assert.strictEqual(out.exitCode, 1, out.stderr)
      const report = JSON.parse(out.stdout)
      const before = report.checks.find((check: { readonly name: string }) => check.name === "threads.before")
      assert.strictEqual(before.outcome, "differs")
      assert.match(before.expected, /the far end of the window \(the fake's reading\)/)
      assert.match(before.saw, /^the page next to the cursor, data \["cthr_/)
      const agreeing = yield* doctor(proxy.url, "--before-reading", "next-to-cursor", "--sample-threads", "1", "--json")
      assert.strictEqual(agreeing.exitCode, 0, agreeing.stdout)
      assert.strictEqual(JSON.parse(agreeing.stdout).differs, 0)
      assert.deepStrictEqual(new Set(proxy.methods), new Set(["GET"]))
    }))

  it.scopedLive("ids with control characters are escaped in the report, as text and as JSON", () =>
    Effect.gen(function*() {
      const hostileId = "cthr_\u202eevil\u009b2J\u2066\u007f\u001b"
      const proxy = yield* startProxy(yield* startServer("--demo"), {
        response: async (url, body) => {
          const page = body as WirePage
          const [first, ...rest] = "data" in page && isThreadList(url) ? page.data : []
          return first === undefined ? page : { ...page, data: [{ ...first, id: hostileId }, ...rest] }
        }
      })
      for (const json of [[], ["--json"]]) {
        const out = yield* doctor(proxy.url, "--sample-threads", "0", ...json)
        assert.strictEqual(out.exitCode, 1, out.stderr)
        for (const line of out.stdout.split("\n")) assert.notMatch(line, controls, JSON.stringify(line))
        assert.include(out.stdout, json.length === 0 ? "cthr_\\u202eevil\\u009b2J\\u2066\\u007f\\u001b" : "\\u202e")
      }
    }))

  it.scopedLive("a refused key: one error line and exit 2", () =>
    Effect.gen(function*() {
      const url = yield* startServer("--api-key", "sk-one")
      const out = yield* doctor(url)
      assert.strictEqual(out.exitCode, 2)
      assert.strictEqual(out.stdout, "")
      assert.match(
        lines(out.stderr).filter((line) => line.startsWith("error:")).join("\n"),
        /^error: AuthenticationError \(401\)/
      )
    }))

  it.scopedLive("--max-requests caps the calls; what it cannot pay for is skipped", () =>
    Effect.gen(function*() {
      const proxy = yield* startProxy(yield* startServer("--demo"))
      const out = yield* doctor(proxy.url, "--max-requests", "5", "--json")
      assert.strictEqual(out.exitCode, 0, out.stderr)
      assert.strictEqual(proxy.methods.length, 5)
      const report = JSON.parse(out.stdout)
      assert.strictEqual(report.requests, 5)
      assert.isAbove(report.skipped, 0)
    }))

  it.effect("--page-size out of range is refused before anything runs", () =>
    Effect.gen(function*() {
      const out = yield* runCli(["doctor", "--page-size", "0", "--base-url", "http://127.0.0.1:9/v1"])
      assert.strictEqual(out.exitCode, 1)
      assert.strictEqual(out.stdout, "")
    }))
})
