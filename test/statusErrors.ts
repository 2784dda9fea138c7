/**
 * The test oracle of how a status maps to an error: the error class openai-node answers each status with,
 * written out here rather than read from the implementation, so that a wrong mapping there fails its tests.
 */
const named: Readonly<Record<number, string>> = {
  400: "BadRequestError",
  401: "AuthenticationError",
  403: "PermissionDeniedError",
  404: "NotFoundError",
  409: "ConflictError",
  422: "UnprocessableEntityError",
  429: "RateLimitError"
}

/** The tag of the error a client answers `status` with, as openai-node names its class. */
export const expectedTag = (status: number): string =>
  named[status] ?? (status >= 500 ? "InternalServerError" : "ApiError")
