import { FastCheck } from "effect"

/** The segments of the path of a raw request target, still percent-encoded. */
export const segments = (target: string) => {
  const [path = ""] = target.split("?")
  return path.split("/").slice(1)
}

export const wellFormed = (s: string) => {
  try {
    encodeURIComponent(s)
    return true
  } catch {
    return false
  }
}

/** Any id a URL can carry: any string, and the hostile ones, except "", "." and "..". */
export const anyId = FastCheck.oneof(
  FastCheck.string({ unit: "binary", minLength: 1 }),
  FastCheck.string({ unit: FastCheck.constantFrom(".", "/", "%", "2", "E", "e", " ", "?", "#", "\\"), minLength: 1 }),
  FastCheck.constantFrom("a/b", "...", "%2F", "%2E", "%2e%2E", ".%2E", "a b", "../x", "é✓😀", "?x=1#y", "\\..")
).filter((id) => id !== "." && id !== ".." && wellFormed(id))

/** Ids no URL can carry as one segment, refused before anything is sent. */
export const refusedIds: ReadonlyArray<string> = [".", "..", "", "\uD800"]
