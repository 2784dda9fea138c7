import { BadRequestError } from "@effect-chatkit/core/ChatKitError"
import * as Either from "effect/Either"

const invalidId = (param: string, id: string, reason: string) =>
  new BadRequestError({
    message: `Invalid '${param}': ${JSON.stringify(id)} ${reason}.`,
    type: "invalid_request_error",
    code: "invalid_value",
    param
  })

/**
 * Percent-encodes an id as exactly one path segment: everything but unreserved characters is encoded, so `/`,
 * `?`, `#`, `%`, spaces and unicode stay inside the segment. `.` and `..` are refused: URL parsers
 * (WHATWG `new URL`, used by every HTTP client) remove them and their percent-encoded forms as dot segments,
 * so no encoding keeps them as a segment. Lone surrogates, which have no UTF-8 form, are refused too. A
 * refusal is a `BadRequestError` naming `param`.
 *
 * @internal
 */
export const encodeSegment = (param: string) => (id: string): Either.Either<string, BadRequestError> => {
  if (id === "." || id === "..") {
    return Either.left(invalidId(param, id, "cannot be sent as a URL path segment"))
  }
  try {
    return Either.right(encodeURIComponent(id))
  } catch {
    return Either.left(invalidId(param, id, "is not well-formed Unicode"))
  }
}

/**
 * The path of one resource of a collection: `<collection>/<encoded id><suffix>`, the id encoded by
 * `encodeSegment` (refusals name `param`).
 *
 * @internal
 */
export const resourcePath = (collection: string, param: string) => {
  const encode = encodeSegment(param)
  return (id: string, suffix = ""): Either.Either<string, BadRequestError> =>
    Either.map(encode(id), (segment) => `${collection}/${segment}${suffix}`)
}
