import { assert } from "@effect/vitest"
import { inspect } from "node:util"

/** Asserts that no rendering of `value` (its message, string, JSON, inspection) holds `secret`. */
export const assertNotShown = (value: unknown, secret: string) => {
  const message = typeof value === "object" && value !== null && "message" in value ? String(value.message) : ""
  for (
    const text of [
      message,
      String(value),
      JSON.stringify(value, (_, v: unknown) => typeof v === "bigint" ? String(v) : v) ?? "",
      inspect(value, { depth: 10 })
    ]
  ) {
    assert.notInclude(text, secret)
  }
}
