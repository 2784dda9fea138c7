import { assert, describe, it } from "@effect/vitest"
import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"

const runNode = (script: string) =>
  new Promise<{ readonly code: number | null; readonly stdout: string; readonly stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { cwd: fileURLToPath(new URL("..", import.meta.url)), timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : (error.code as number | null) ?? 1, stdout, stderr })
    )
  })

describe("package entry", () => {
  it("imports outside vitest, with every public module but the conformance suites", async () => {
    const { code, stderr, stdout } = await runNode(
      "const m = await import('@effect-chatkit/testing'); console.log(Object.keys(m).sort().join(','))"
    )
    assert.strictEqual(code, 0, stderr)
    assert.strictEqual(
      stdout.trim(),
      "Arbitraries,ChatKitFake,ChatKitFakeServer,Doctor,FaultInjection,SessionsFake,ThreadsFake"
    )
  }, 60_000)
})
