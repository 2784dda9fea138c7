import type { ChatKitError } from "@effect-chatkit/core"
import { ListParams, Wire } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck, Schema } from "effect"

const wellFormed = (s: string) => {
  try {
    encodeURIComponent(s)
    return true
  } catch {
    return false
  }
}

/** Any id a URL can carry as one segment: any string, and hostile ones, except "", "." and "..". */
const anyId = FastCheck.oneof(
  FastCheck.string({ unit: "binary", minLength: 1 }),
  FastCheck.string({ unit: FastCheck.constantFrom(".", "/", "%", "2", "E", " ", "?", "#", "\\"), minLength: 1 }),
  FastCheck.constantFrom("a/b", "...", "%2F", "%2E", ".%2E", "a b", "../x", "é✓😀", "?x=1#y")
).filter((id) => id !== "." && id !== ".." && wellFormed(id))

const match = Wire.matcher(Wire.endpoints, Wire.basePath)

const withId = [Wire.retrieveThread, Wire.deleteThread, Wire.listItems, Wire.cancelSession] as const

/** Parameters as they read back: the keys that are set. */
const set = (params: object) => Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined))

const leftOf = <A, E>(either: Either.Either<A, E>): E => {
  assert.isTrue(Either.isLeft(either))
  return (either as Either.Left<E, A>).left
}

describe("Wire", () => {
  it("has the six endpoints of the API with their methods and paths", () => {
    assert.deepStrictEqual(
      Wire.endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`),
      [
        "GET /chatkit/threads",
        "GET /chatkit/threads/{thread_id}",
        "DELETE /chatkit/threads/{thread_id}",
        "GET /chatkit/threads/{thread_id}/items",
        "POST /chatkit/sessions",
        "POST /chatkit/sessions/{session_id}/cancel"
      ]
    )
  })

  it.prop(
    "a built path is matched back to its endpoint, its id read back exactly, and a URL keeps it one segment",
    [FastCheck.constantFrom(...withId), anyId],
    ([endpoint, id]) => {
      const path = Either.getOrThrow(Wire.path(endpoint, id))
      const url = new URL(`http://localhost${Wire.basePath}${path}`)
      assert.strictEqual(url.pathname, Wire.basePath + path)
      const found = match(endpoint.method, url.pathname)
      assert.strictEqual(found._tag, "Found")
      if (found._tag !== "Found") return
      assert.strictEqual(found.route.path, endpoint.path)
      assert.deepStrictEqual(Wire.pathId(endpoint, found.id), Either.right(id))
    }
  )

  it("refuses ids no path can carry, naming the parameter", () => {
    for (const id of ["", ".", "..", "\uD800"]) {
      const error = leftOf(Wire.path(Wire.retrieveThread, id))
      assert.strictEqual(error._tag, "BadRequestError")
      assert.strictEqual(error.param, "thread_id")
      assert.strictEqual(leftOf(Wire.path(Wire.cancelSession, id)).param, "session_id")
    }
  })

  it("tells an unknown path (404) from a known path with another method (405 with its methods)", () => {
    assert.deepStrictEqual(match("GET", "/v1/chatkit/nope"), { _tag: "NotFound" })
    assert.deepStrictEqual(match("GET", "/v1/chatkit/threads/"), { _tag: "NotFound" })
    assert.deepStrictEqual(match("GET", "/v1//chatkit/threads"), { _tag: "NotFound" })
    assert.deepStrictEqual(match("GET", "/chatkit/threads"), { _tag: "NotFound" })
    assert.deepStrictEqual(match("PUT", "/v1/chatkit/threads/cthr_1"), {
      _tag: "MethodNotAllowed",
      allow: ["GET", "DELETE"]
    })
    assert.deepStrictEqual(match("GET", "/v1/chatkit/sessions"), { _tag: "MethodNotAllowed", allow: ["POST"] })
    const error = Wire.methodNotAllowed("PUT", "/v1/chatkit/threads/x", ["GET", "DELETE"])
    assert.strictEqual(error.status, 405)
    assert.strictEqual(Wire.invalidUrl("GET", "/v1/x").message, "Invalid URL (GET /v1/x)")
  })

  it("answers malformed percent-encoding in a path id with a 400 naming the parameter", () => {
    const error = leftOf(Wire.pathId(Wire.listItems, "%E0%A4%A"))
    assert.strictEqual(error.param, "thread_id")
  })

  it.prop(
    "a query string written for any parameters is read back as the same parameters",
    [Arbitrary.make(ListParams.ListThreadsParams), Arbitrary.make(ListParams.ListItemsParams)],
    ([threads, items]) => {
      assert.deepStrictEqual(
        Wire.parseQuery(Wire.listThreads, Wire.query(Wire.listThreads, threads)),
        Either.right(set(threads))
      )
      assert.deepStrictEqual(
        Wire.parseQuery(Wire.listItems, Wire.query(Wire.listItems, items)),
        Either.right(set(items))
      )
    }
  )

  it.prop(
    "reads any query as its endpoint's whole query schema reads the same values, 400s included",
    [
      FastCheck.uniqueArray(
        FastCheck.tuple(
          FastCheck.constantFrom("limit", "order", "after", "before", "user", "other"),
          FastCheck.oneof(
            FastCheck.string(),
            FastCheck.integer({ min: -5, max: 200 }).map(String),
            FastCheck.constantFrom("asc", "desc", "1.5", "1e2", "01", "user_1")
          )
        ),
        { selector: ([key]) => key }
      )
    ],
    ([entries]) => {
      const search = new URLSearchParams(entries).toString()
      // a limit written as a plain decimal is a number, as parseQuery documents
      const values = Object.fromEntries(
        entries.map((
          [key, value]
        ) => [key, key === "limit" && /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(value) ? +value : value])
      )
      const shown = Either.mapLeft(({ code, message, param }: ChatKitError.BadRequestError) => ({
        code,
        message,
        param
      }))
      for (const endpoint of [Wire.listThreads, Wire.listItems]) {
        assert.deepStrictEqual(
          shown(Wire.parseQuery(endpoint, search)),
          shown(Wire.decodeBody({ ...endpoint, body: endpoint.query }, values))
        )
      }
    }
  )

  it("writes the parameters that are set, in the schema's order", () => {
    assert.strictEqual(
      Wire.query(Wire.listThreads, { user: "a b&c", after: "cthr_1", limit: 5 }),
      "limit=5&after=cthr_1&user=a+b%26c"
    )
    assert.strictEqual(Wire.query(Wire.listItems, {}), "")
  })

  it.prop(
    "a parameter given twice is a 400 naming it, whatever its values",
    [
      FastCheck.constantFrom("limit", "order", "after", "before", "user", "other"),
      FastCheck.string(),
      FastCheck.string()
    ],
    ([key, first, second]) => {
      const search = new URLSearchParams([[key, first], [key, second]]).toString()
      const error = leftOf(Wire.parseQuery(Wire.listThreads, search))
      assert.strictEqual(error.param, key)
      assert.strictEqual(error.code, "invalid_value")
    }
  )

  it("reads a parameter whose schema transforms the query's string as the whole schema does", () => {
    const endpoint = {
      ...Wire.route("GET", "/things"),
      name: "things",
      query: Schema.Struct({ flag: Schema.optional(Schema.BooleanFromString), user: Schema.optional(Schema.String) }),
      body: undefined,
      answer: Schema.Unknown
    }
    assert.deepStrictEqual(Wire.parseQuery(endpoint, "flag=true&user=u"), Either.right({ flag: true, user: "u" }))
    assert.deepStrictEqual(Wire.parseQuery(endpoint, "user=u"), Either.right({ user: "u" }))
    assert.strictEqual(leftOf(Wire.parseQuery(endpoint, "flag=maybe")).param, "flag")
  })

  it("reads a limit as a number only when it is a plain decimal, which the schema then checks", () => {
    assert.deepStrictEqual(Wire.parseQuery(Wire.listThreads, "limit=7"), Either.right({ limit: 7 }))
    for (const limit of ["1e2", "abc", "", "1.5", "-1", "101", "0x10"]) {
      const error = leftOf(Wire.parseQuery(Wire.listThreads, `limit=${limit}`))
      assert.strictEqual(error.param, "limit")
    }
  })

  it("refuses unknown keys as core does, and any key where an endpoint takes none", () => {
    assert.strictEqual(leftOf(Wire.parseQuery(Wire.listItems, "user=u")).code, "unknown_parameter")
    for (const endpoint of [Wire.retrieveThread, Wire.deleteThread, Wire.createSession, Wire.cancelSession]) {
      const error = leftOf(Wire.parseQuery(endpoint, "limit=1"))
      assert.strictEqual(error.message, "Unrecognized request argument supplied: limit")
      assert.strictEqual(error.param, "limit")
      assert.deepStrictEqual(Wire.parseQuery(endpoint, ""), Either.right({}))
    }
  })
})
