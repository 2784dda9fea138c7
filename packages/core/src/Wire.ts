/**
 * The ChatKit REST API as it is on the wire, defined once: each endpoint's method, path (with its path
 * parameter), query, body and answer schemas, with the helpers a client uses to build a request (paths with
 * percent-encoded ids, query strings) and a server uses to read one (matching a path, parsing a query). The
 * HTTP client of `@effect-chatkit/http` and the fake server of `@effect-chatkit/testing` both read this table,
 * so they cannot drift: a new query parameter is a new field of the endpoint's query schema.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { ApiError, BadRequestError, NotFoundError } from "./ChatKitError.js"
import { emptyId, unknownParameter, validate } from "./internal/validation.js"
import * as ListParams from "./ListParams.js"
import * as Page from "./Page.js"
import * as Session from "./Session.js"
import * as SessionParams from "./SessionParams.js"
import * as Thread from "./Thread.js"

/**
 * The HTTP methods the API uses.
 *
 * @since 0.1.0
 * @category models
 */
export type Method = "GET" | "POST" | "DELETE"

/**
 * The name of the path parameter of a path template (`"thread_id"` in `/chatkit/threads/{thread_id}`), or
 * `undefined` when it has none.
 *
 * @since 0.1.0
 * @category models
 */
export type ParamOf<Path extends string> = Path extends `${string}{${infer Param}}${string}` ? Param : undefined

/**
 * A method and a path template: literal segments and at most one `{param}` segment, which matches exactly
 * one non-empty segment.
 *
 * @since 0.1.0
 * @category models
 */
export interface Route<Param extends string | undefined = string | undefined> {
  readonly method: Method
  readonly path: string
  readonly param: Param
  readonly segments: ReadonlyArray<string>
}

/**
 * One endpoint of the API: its route, the schema of its query (every endpoint has one: those without query
 * parameters take an empty struct, so any key is an unknown parameter), of its JSON body when it takes one,
 * and of its answer.
 *
 * @since 0.1.0
 * @category models
 */
export interface Endpoint<
  Param extends string | undefined = string | undefined,
  Query extends Schema.Schema.AnyNoContext = Schema.Schema.AnyNoContext,
  Body extends Schema.Schema.AnyNoContext | undefined = Schema.Schema.AnyNoContext | undefined,
  Answer extends Schema.Schema.AnyNoContext = Schema.Schema.AnyNoContext,
  Name extends string = string
> extends Route<Param> {
  /** The operation's name, as `ThreadsService` and `SessionsService` name it. */
  readonly name: Name
  readonly query: Query
  readonly body: Body
  readonly answer: Answer
}

/**
 * A route from its method and path template.
 *
 * @since 0.1.0
 * @category constructors
 */
export const route = <const Path extends string>(method: Method, path: Path): Route<ParamOf<Path>> => {
  const segments = path.split("/").slice(1)
  const param = segments.find((segment) => segment.startsWith("{"))?.slice(1, -1)
  return { method, path, param: param as ParamOf<Path>, segments }
}

const endpoint = <
  const Name extends string,
  const Path extends string,
  Query extends Schema.Schema.AnyNoContext,
  Answer extends Schema.Schema.AnyNoContext,
  Body extends Schema.Schema.AnyNoContext | undefined = undefined
>(spec: {
  readonly name: Name
  readonly method: Method
  readonly path: Path
  readonly query: Query
  readonly body?: Body
  readonly answer: Answer
}): Endpoint<ParamOf<Path>, Query, Body, Answer, Name> => ({
  ...route(spec.method, spec.path),
  name: spec.name,
  query: spec.query,
  body: spec.body as Body,
  answer: spec.answer
})

const NoQuery = Schema.Struct({})

/**
 * `GET /chatkit/threads`: one page of threads.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const listThreads = endpoint({
  name: "list",
  method: "GET",
  path: "/chatkit/threads",
  query: ListParams.ListThreadsParams,
  answer: Page.ThreadPage
})

/**
 * `GET /chatkit/threads/{thread_id}`: one thread.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const retrieveThread = endpoint({
  name: "retrieve",
  method: "GET",
  path: "/chatkit/threads/{thread_id}",
  query: NoQuery,
  answer: Thread.Thread
})

/**
 * `DELETE /chatkit/threads/{thread_id}`: deletes a thread and its items.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const deleteThread = endpoint({
  name: "delete",
  method: "DELETE",
  path: "/chatkit/threads/{thread_id}",
  query: NoQuery,
  answer: Thread.ThreadDeleted
})

/**
 * `GET /chatkit/threads/{thread_id}/items`: one page of a thread's items.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const listItems = endpoint({
  name: "listItems",
  method: "GET",
  path: "/chatkit/threads/{thread_id}/items",
  query: ListParams.ListItemsParams,
  answer: Page.ThreadItemPage
})

/**
 * `POST /chatkit/sessions`: creates a session.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const createSession = endpoint({
  name: "create",
  method: "POST",
  path: "/chatkit/sessions",
  query: NoQuery,
  body: SessionParams.CreateSessionParams,
  answer: Session.ChatSession
})

/**
 * `POST /chatkit/sessions/{session_id}/cancel`: cancels a session (no body).
 *
 * @since 0.1.0
 * @category endpoints
 */
export const cancelSession = endpoint({
  name: "cancel",
  method: "POST",
  path: "/chatkit/sessions/{session_id}/cancel",
  query: NoQuery,
  answer: Session.ChatSession
})

/**
 * Every endpoint, in the order of the API reference.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const endpoints = [listThreads, retrieveThread, deleteThread, listItems, createSession, cancelSession] as const

/**
 * The path every endpoint's path is relative to, on OpenAI's host (`https://api.openai.com/v1`).
 *
 * @since 0.1.0
 * @category constants
 */
export const basePath = "/v1"

const invalidId = (param: string, id: string, reason: string) =>
  new BadRequestError({
    message: `Invalid '${param}': ${JSON.stringify(id)} ${reason}.`,
    type: "invalid_request_error",
    code: "invalid_value",
    param
  })

const encodeSegment = (param: string, id: string): Either.Either<string, BadRequestError> => {
  if (id.length === 0) return Either.left(emptyId(param, id))
  // URL parsers remove `.` and `..` segments, percent-encoded or not: no encoding keeps them
  if (id === "." || id === "..") return Either.left(invalidId(param, id, "cannot be sent as a URL path segment"))
  try {
    return Either.right(encodeURIComponent(id))
  } catch {
    return Either.left(invalidId(param, id, "is not well-formed Unicode"))
  }
}

/**
 * The path of an endpoint relative to the API's base URL. With a path parameter, the id fills it as exactly
 * one segment: everything but unreserved characters is percent-encoded, so `/`, `?`, `#`, `%`, spaces and
 * unicode stay inside it. An empty id, `.`, `..` (which URL parsers remove as dot segments) and lone
 * surrogates are a `BadRequestError` naming the parameter.
 *
 * @since 0.1.0
 * @category requests
 */
export function path(endpoint: Route<undefined>): string
export function path(endpoint: Route<string>, id: string): Either.Either<string, BadRequestError>
export function path(endpoint: Route, id?: string): string | Either.Either<string, BadRequestError> {
  const { param, segments } = endpoint
  if (param === undefined) return endpoint.path
  return Either.map(
    encodeSegment(param, id ?? ""),
    (segment) => "/" + segments.map((part) => part.startsWith("{") ? segment : part).join("/")
  )
}

const keysCache = new WeakMap<AST.AST, ReadonlyArray<string>>()

const queryKeys = (schema: Schema.Schema.AnyNoContext): ReadonlyArray<string> => {
  let keys = keysCache.get(schema.ast)
  if (keys === undefined) {
    keys = AST.getPropertySignatures(schema.ast).map((signature) => String(signature.name))
    keysCache.set(schema.ast, keys)
  }
  return keys
}

/**
 * The query string of an endpoint's parameters (without `?`, empty for none), as `URLSearchParams` writes
 * it: the parameters that are set, in the order of the endpoint's query schema.
 *
 * @since 0.1.0
 * @category requests
 */
export const query = <Query extends Schema.Schema.AnyNoContext>(
  endpoint: Endpoint<string | undefined, Query>,
  params: Schema.Schema.Type<Query>
): string => {
  const search = new URLSearchParams()
  const values = params as Readonly<Record<string, unknown>>
  for (const key of queryKeys(endpoint.query)) {
    const value = values[key]
    if (value !== undefined) search.append(key, String(value))
  }
  return search.toString()
}

/**
 * What a request's method and path are to a table of routes.
 *
 * @since 0.1.0
 * @category models
 */
export type Match<R extends Route> =
  | { readonly _tag: "Found"; readonly route: R; readonly id: string }
  | { readonly _tag: "MethodNotAllowed"; readonly allow: ReadonlyArray<Method> }
  | { readonly _tag: "NotFound" }

const notFound: Match<never> = { _tag: "NotFound" }

const fits = (segments: ReadonlyArray<string>, request: ReadonlyArray<string>): boolean =>
  segments.length === request.length &&
  segments.every((segment, index) => segment.startsWith("{") || segment === request[index])

/**
 * A matcher of request paths for `routes` served under `prefix` (e.g. {@link basePath}). Literal segments
 * compare raw; the path parameter is one non-empty segment, handed back raw (see {@link pathId}; `""` for a
 * route without one). A path no
 * route has is `NotFound`; a path some route has with another method is `MethodNotAllowed` with the methods
 * it has; empty segments (`//`, a trailing `/`) match nothing.
 *
 * @since 0.1.0
 * @category responses
 */
export const matcher = <R extends Route>(routes: ReadonlyArray<R>, prefix: string) => {
  const prefixed = `${prefix}/`
  return (method: string, pathname: string): Match<R> => {
    if (!pathname.startsWith(prefixed)) return notFound
    const request = pathname.slice(prefixed.length).split("/")
    if (request.includes("")) return notFound
    const allow: Array<Method> = []
    for (const route of routes) {
      if (!fits(route.segments, request)) continue
      if (route.method === method) {
        const index = route.segments.findIndex((segment) => segment.startsWith("{"))
        return { _tag: "Found", route, id: request[index] ?? "" }
      }
      allow.push(route.method)
    }
    return allow.length === 0 ? notFound : { _tag: "MethodNotAllowed", allow }
  }
}

/**
 * The path parameter of a matched request, percent-decoded (`cthr%201%2Fx` is `cthr 1/x`); malformed
 * percent-encoding is a `BadRequestError` naming the parameter.
 *
 * @since 0.1.0
 * @category responses
 */
export const pathId = (route: Route<string>, raw: string): Either.Either<string, BadRequestError> =>
  Either.try({
    try: () => decodeURIComponent(raw),
    catch: () =>
      new BadRequestError({
        message: `Invalid '${route.param}': malformed percent-encoding in '${raw}'.`,
        type: "invalid_request_error",
        param: route.param,
        code: "invalid_value"
      })
  })

/**
 * The 404 of a path the API does not have, worded as OpenAI words it.
 *
 * @since 0.1.0
 * @category responses
 */
export const invalidUrl = (method: string, pathname: string): NotFoundError =>
  new NotFoundError({
    message: `Invalid URL (${method} ${pathname})`,
    type: "invalid_request_error",
    param: null,
    code: null
  })

/**
 * The 405 of a known path asked with another method; the answer carries `Allow: <allow>`.
 *
 * @since 0.1.0
 * @category responses
 */
export const methodNotAllowed = (method: string, pathname: string, allow: ReadonlyArray<Method>): ApiError =>
  new ApiError({
    message: `Method ${method} is not allowed on ${pathname}. Allowed: ${allow.join(", ")}.`,
    status: 405,
    type: "invalid_request_error",
    param: null,
    code: null
  })

const repeated = (key: string) =>
  new BadRequestError({
    message: `Invalid '${key}': expected a single value, but the parameter was given more than once.`,
    type: "invalid_request_error",
    param: key,
    code: "invalid_value"
  })

const decimal = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/

const isNumeric = (ast: AST.AST): boolean => {
  switch (ast._tag) {
    case "NumberKeyword":
      return true
    case "Refinement":
      return isNumeric(ast.from)
    case "Union":
      return ast.types.some(isNumeric)
    default:
      return false
  }
}

const validators = new WeakMap<AST.AST, (input: unknown) => Either.Either<unknown, BadRequestError>>()

const validatorOf = <S extends Schema.Schema.AnyNoContext>(
  schema: S
): (input: unknown) => Either.Either<Schema.Schema.Type<S>, BadRequestError> => {
  let validator = validators.get(schema.ast)
  if (validator === undefined) {
    validator = validate(schema)
    validators.set(schema.ast, validator)
  }
  return validator as (input: unknown) => Either.Either<Schema.Schema.Type<S>, BadRequestError>
}

// how a query schema reads a query string, compiled once per schema. A query's values are strings and numbers,
// never `undefined` or `null`: when every key is a parameter whose type side (the same refinements, without the
// transformation of the nullable parameters) accepts its value, the whole schema would read the query unchanged,
// at several times the cost; anything else, errors included, is read by the whole schema
interface QueryReader {
  readonly numeric: ReadonlySet<string>
  readonly takesNone: boolean
  readonly accepts: ReadonlyMap<string, (value: unknown) => boolean>
  readonly whole: (input: unknown) => Either.Either<unknown, BadRequestError>
}

const readers = new WeakMap<AST.AST, QueryReader>()

const withoutUndefined = (ast: AST.AST): AST.AST =>
  AST.isUnion(ast) ? AST.Union.make(ast.types.filter((type) => !AST.isUndefinedKeyword(type))) : ast

const readerOf = (schema: Schema.Schema.AnyNoContext): QueryReader => {
  let reader = readers.get(schema.ast)
  if (reader === undefined) {
    const signatures = AST.getPropertySignatures(schema.ast)
    reader = {
      numeric: new Set(signatures.filter((signature) => isNumeric(signature.type)).map(({ name }) => String(name))),
      takesNone: signatures.length === 0,
      accepts: new Map(
        AST.getPropertySignatures(AST.typeAST(schema.ast)).map((signature) => [
          String(signature.name),
          ParseResult.is(Schema.make(withoutUndefined(signature.type)))
        ])
      ),
      whole: validatorOf(schema)
    }
    readers.set(schema.ast, reader)
  }
  return reader
}

/**
 * The parameters of a request's query string (without `?`, read as `URLSearchParams` reads it), checked
 * against the endpoint's query schema exactly as a client's parameters are, so a server's 400s carry the
 * same `param`, `code` and message as client-side validation. In this order: a key given twice (even with the
 * same value) is a 400 naming it; a number parameter is a number when written as a plain decimal (`20`, `-1`,
 * `1.5`; `1e2`, `abc` or empty stay strings, which the schema refuses); then the schema decides, unknown keys
 * being 400s (`unknown_parameter`). An endpoint without query parameters refuses its first key so.
 *
 * @since 0.1.0
 * @category responses
 */
export const parseQuery = <Query extends Schema.Schema.AnyNoContext>(
  endpoint: Endpoint<string | undefined, Query>,
  search: string
): Either.Either<Schema.Schema.Type<Query>, BadRequestError> => {
  const { accepts, numeric, takesNone, whole } = readerOf(endpoint.query)
  const values = new Map<string, string | number>()
  for (const [key, value] of new URLSearchParams(search)) {
    if (takesNone) return Either.left(unknownParameter(key))
    if (values.has(key)) return Either.left(repeated(key))
    values.set(key, numeric.has(key) && decimal.test(value) ? Number(value) : value)
  }
  // every key is a parameter here, so none is `__proto__`
  const params: Record<string, string | number> = {}
  for (const [key, value] of values) {
    if (accepts.get(key)?.(value) !== true) {
      return whole(Object.fromEntries(values)) as Either.Either<Schema.Schema.Type<Query>, BadRequestError>
    }
    params[key] = value
  }
  return Either.right(params as Schema.Schema.Type<Query>)
}

/**
 * A request's JSON body (already parsed) checked against the endpoint's body schema exactly as a client's
 * parameters are: a 400 naming the parameter (a dotted path such as `expires_after.seconds`), unknown keys
 * included.
 *
 * @since 0.1.0
 * @category responses
 */
export const decodeBody = <Body extends Schema.Schema.AnyNoContext>(
  endpoint: Endpoint<string | undefined, Schema.Schema.AnyNoContext, Body>,
  body: unknown
): Either.Either<Schema.Schema.Type<Body>, BadRequestError> => validatorOf(endpoint.body)(body)
