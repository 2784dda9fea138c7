import { BadRequestError } from "@effect-chatkit/core/ChatKitError"
import * as Either from "effect/Either"

const invalidThreadId = (threadId: string, reason: string) =>
  new BadRequestError({
    message: `Invalid 'thread_id': ${JSON.stringify(threadId)} ${reason}.`,
    type: "invalid_request_error",
    code: "invalid_value",
    param: "thread_id"
  })

/**
 * Percent-encodes an id as exactly one path segment: everything but unreserved characters is encoded, so `/`,
 * `?`, `#`, `%`, spaces and unicode stay inside the segment. `.` and `..` are refused: URL parsers
 * (WHATWG `new URL`, used by every HTTP client) remove them and their percent-encoded forms as dot segments,
 * so no encoding keeps them as a segment. Lone surrogates, which have no UTF-8 form, are refused too.
 *
 * @internal
 */
export const encodeSegment = (threadId: string): Either.Either<string, BadRequestError> => {
  if (threadId === "." || threadId === "..") {
    return Either.left(invalidThreadId(threadId, "cannot be sent as a URL path segment"))
  }
  try {
    return Either.right(encodeURIComponent(threadId))
  } catch {
    return Either.left(invalidThreadId(threadId, "is not well-formed Unicode"))
  }
}
