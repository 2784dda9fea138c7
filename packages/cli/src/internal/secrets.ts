/**
 * Keeping credentials off the screen: the API keys the command was given are scrubbed from its messages, and
 * a base URL is shown without its userinfo and query.
 *
 * @internal
 */

/**
 * The values of every `--api-key` flag on the command line (`--api-key K` or `--api-key=K`).
 *
 * @internal
 */
export const fromArgs = (args: ReadonlyArray<string>): ReadonlyArray<string> =>
  args.flatMap((arg, index) => {
    if (arg === "--api-key") return args.slice(index + 1, index + 2)
    return arg.startsWith("--api-key=") ? [arg.slice("--api-key=".length)] : []
  })

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * `text` with every occurrence of each secret replaced by `<redacted>`. A secret is only matched as a whole
 * token (not inside a longer run of letters, digits, `_` or `-`), so that a short key (`e`) does not mangle
 * the words of a message; empty secrets are ignored.
 *
 * @internal
 */
export const scrub = (text: string, secrets: ReadonlyArray<string>): string =>
  secrets.filter((secret) => secret !== "").reduce(
    (scrubbed, secret) =>
      scrubbed.replace(new RegExp(`(?<![\\w-])${escapeRegExp(secret)}(?![\\w-])`, "g"), "<redacted>"),
    text
  )

/**
 * A URL as it may be shown: userinfo (`user:password@`) and query (`?token=…`) replaced by `***`. Text that
 * is not a URL is masked the same way by pattern.
 *
 * @internal
 */
export const maskUrl = (url: string): string => {
  const masked = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, "$1***@")
  const query = masked.search(/[?#]/)
  return query < 0 ? masked : `${masked.slice(0, query)}${masked[query]}***`
}

/**
 * The parts of a URL that are credentials: its user name and password, when it has them.
 *
 * @internal
 */
export const ofUrl = (url: string): ReadonlyArray<string> => {
  try {
    const parsed = new URL(url)
    return [decodeURIComponent(parsed.username), decodeURIComponent(parsed.password)].filter((part) => part !== "")
  } catch {
    return []
  }
}
