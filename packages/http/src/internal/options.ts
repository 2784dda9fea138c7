import * as ConfigError from "effect/ConfigError"
import * as Duration from "effect/Duration"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type * as ChatKitClient from "../ChatKitClient.js"

/** @internal */
export const defaultBaseUrl = "https://api.openai.com/v1"

/** @internal */
export const defaultMaxRetries = 2

/** @internal */
export const defaultTimeout = Duration.minutes(10)

/** @internal */
export const defaultMaxResponseBytes = 128 * 1024 * 1024

/**
 * The options of a client, checked, with their defaults.
 *
 * @internal
 */
export interface Resolved {
  /** Absolute http(s) URL without credentials, query, fragment or trailing slash. */
  readonly baseUrl: string
  readonly maxRetries: number
  readonly timeout: Duration.Duration
  readonly maxResponseBytes: number
}

/**
 * A URL for messages: its user name, password, query and fragment replaced by `***`, so that credentials put there do
 * not reach the screen. Text that is not a URL is shown as `***`.
 *
 * @internal
 */
export const maskUrl = (text: string): string => {
  try {
    const url = new URL(text)
    const userinfo = url.username === "" && url.password === "" ? "" : "***@"
    return `${url.protocol}//${userinfo}${url.host}${url.pathname}${url.search === "" ? "" : "?***"}${
      url.hash === "" ? "" : "#***"
    }`
  } catch {
    return "***"
  }
}

const invalid = (option: string, message: string) =>
  Either.left(ConfigError.InvalidData([option], `Invalid option ${option}: ${message}`))

const checkBaseUrl = (input: string): Either.Either<string, ConfigError.ConfigError> => {
  let url: URL
  try {
    url = new URL(input)
  } catch {
    return invalid("baseUrl", `${maskUrl(input)} is not an absolute URL`)
  }
  const shown = maskUrl(input)
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return invalid("baseUrl", `${shown} is not an http or https URL`)
  }
  if (url.username !== "" || url.password !== "") {
    return invalid("baseUrl", `${shown} holds credentials; send them in headers instead`)
  }
  if (input.includes("?") || input.includes("#")) {
    return invalid("baseUrl", `${shown} has a query or fragment; request paths are appended to the base URL`)
  }
  return Either.right(input.replace(/\/+$/, ""))
}

const checkCount = (
  option: string,
  value: number | undefined,
  fallback: number,
  minimum: number
): Either.Either<number, ConfigError.ConfigError> =>
  value === undefined
    ? Either.right(fallback)
    : Number.isSafeInteger(value) && value >= minimum
    ? Either.right(value)
    : invalid(option, `expected an integer of at least ${minimum}, got ${value}`)

const checkTimeout = (
  input: Duration.DurationInput | undefined
): Either.Either<Duration.Duration, ConfigError.ConfigError> => {
  if (input === undefined) return Either.right(defaultTimeout)
  // Duration reads a negative or NaN input as zero
  const duration = Duration.decodeUnknown(input)
  return Option.isSome(duration) && Duration.greaterThan(duration.value, Duration.zero)
    ? Either.right(duration.value)
    : invalid("timeout", `expected a positive duration, got ${String(input)}`)
}

/**
 * Checks the options, as openai-node does at construction: a value that is not what its option takes is a
 * `ConfigError.InvalidData` naming the option, never silently replaced by a default.
 *
 * @internal
 */
export const resolve = (options: ChatKitClient.Options): Either.Either<Resolved, ConfigError.ConfigError> =>
  Either.all({
    baseUrl: checkBaseUrl(options.baseUrl ?? defaultBaseUrl),
    maxRetries: checkCount("maxRetries", options.maxRetries, defaultMaxRetries, 0),
    timeout: checkTimeout(options.timeout),
    maxResponseBytes: checkCount("maxResponseBytes", options.maxResponseBytes, defaultMaxResponseBytes, 1)
  })
