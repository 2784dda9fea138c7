import { assert } from "@effect/vitest"
import { inspect } from "node:util"

/** The error class the client answers a status with, as openai-node names it. */
export const expectedTag = (status: number): string =>
  ({
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "UnprocessableEntityError",
    429: "RateLimitError"
  } as Record<number, string>)[status] ?? (status >= 500 ? "InternalServerError" : "ApiError")

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
