/**
 * The admin routes of the fake server (`/_admin/...`): the `ChatKitFake` admins of the caller's key over
 * JSON, so that test suites in any language can seed data and inject faults. Bodies are decoded with
 * Schema (unknown keys rejected); bad input is a 400 in OpenAI's shape.
 *
 * @internal
 */
import * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import * as Decoding from "@effect-chatkit/core/Decoding"
import * as ListParams from "@effect-chatkit/core/ListParams"
import * as Session from "@effect-chatkit/core/Session"
import * as Thread from "@effect-chatkit/core/Thread"
import * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import * as Wire from "@effect-chatkit/core/Wire"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as ChatKitFake from "../ChatKitFake.js"
import type { ThreadsFake } from "../ThreadsFake.js"
import { inject } from "./faults.js"
import { ItemFields } from "./itemFields.js"
import type { Answer } from "./serverWire.js"
import { ok } from "./serverWire.js"

/**
 * The admin routes, under `/_admin`.
 *
 * @internal
 */
export const routes = [
  { name: "threads", ...Wire.route("POST", "/threads") },
  { name: "thread", ...Wire.route("POST", "/threads/{thread_id}") },
  { name: "items", ...Wire.route("POST", "/threads/{thread_id}/items") },
  { name: "faults", ...Wire.route("POST", "/faults") },
  { name: "latency", ...Wire.route("POST", "/latency") },
  { name: "snapshot", ...Wire.route("GET", "/snapshot") }
] as const

/**
 * One of the admin routes.
 *
 * @internal
 */
export type Route = (typeof routes)[number]

const answers = {
  thread: ok(Thread.Thread),
  item: ok(ThreadItem.ThreadItem),
  empty: ok(Schema.Struct({})),
  snapshot: ok(Schema.Struct({
    threads: Schema.Array(Thread.Thread),
    items: Schema.Array(ThreadItem.ThreadItem),
    sessions: Schema.Array(Session.ChatSession)
  }))
}

const CreatedAt = Schema.optional(Schema.NonNegativeInt)
const Title = Schema.optional(Schema.NullOr(Schema.String))

const NewThread = Schema.Struct({
  user: ListParams.User,
  title: Title,
  status: Schema.optional(Thread.ThreadStatus),
  created_at: CreatedAt
})

const ThreadUpdate = Schema.Struct({
  title: Title,
  status: Schema.optional(Thread.ThreadStatus)
})

const ItemCreatedAt = Schema.Struct({ created_at: CreatedAt })

const Fault = Schema.Struct({
  status: Schema.Union(Schema.Int.pipe(Schema.between(400, 599)), Schema.Literal("drop")),
  message: Schema.optional(Schema.String),
  type: Schema.optional(Schema.String),
  code: Schema.optional(Schema.NullOr(Schema.String)),
  param: Schema.optional(Schema.NullOr(Schema.String)),
  // at most an hour, and 10,000 calls
  retry_after_ms: Schema.optional(Schema.Number.pipe(Schema.between(0, 3_600_000))),
  times: Schema.optional(Schema.Int.pipe(Schema.between(1, 10_000))),
  operation: Schema.optional(Schema.Literal("list", "retrieve", "delete", "listItems", "create", "cancel"))
})

// at most a minute
const Latency = Schema.Struct({ ms: Schema.Number.pipe(Schema.between(0, 60_000)) })

const invalidBody = (message: string, param: string | null) =>
  new ChatKitError.BadRequestError({ message, type: "invalid_request_error", param, code: "invalid_value" })

const decodeBody = <A, I>(schema: Schema.Schema<A, I>) => {
  const decode = Decoding.decodeUnknownEither(schema, { onExcessProperty: "error", errors: "first" })
  return (body: unknown): Either.Either<A, ChatKitError.BadRequestError> =>
    Either.mapLeft(decode(body), (parseIssue) => {
      const [issue] = ParseResult.ArrayFormatter.formatIssueSync(parseIssue)
      const param = issue === undefined || issue.path.length === 0 ? null : issue.path.map(String).join(".")
      return invalidBody(`Invalid body${param === null ? "" : ` at '${param}'`}: ${issue?.message ?? ""}`, param)
    })
}

const decodeNewThread = decodeBody(NewThread)
const decodeThreadUpdate = decodeBody(ThreadUpdate)
const decodeNewItem = decodeBody(ItemFields)
const decodeItemCreatedAt = decodeBody(ItemCreatedAt)
const decodeFault = decodeBody(Fault)
const decodeLatency = decodeBody(Latency)

const splitCreatedAt = (input: unknown) => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { createdAt: undefined, fields: input }
  }
  const { created_at, ...fields } = input as Readonly<Record<string, unknown>>
  return { createdAt: { created_at }, fields }
}

const toError = (fault: typeof Fault.Type): ChatKitError.ChatKitError =>
  inject(
    fault.status === "drop"
      ? new ChatKitError.ConnectionError({ message: fault.message ?? "Injected dropped connection." })
      : ChatKitError.fromStatus(fault.status, {
        message: fault.message ?? `Injected fault with status ${fault.status}.`,
        type: fault.type,
        code: fault.code,
        param: fault.param,
        retryAfter: fault.retry_after_ms === undefined ? undefined : Duration.millis(fault.retry_after_ms)
      })
  )

const failNext = (fake: ChatKitFake.Fake, fault: typeof Fault.Type): Effect.Effect<void> => {
  const error = toError(fault)
  const { operation, times } = fault
  // the two admins share one queue: either takes a fault for any operation when none is named
  return operation === "create" || operation === "cancel"
    ? fake.sessions.admin.failNext({ error, times, operation })
    : fake.threads.admin.failNext({ error, times, operation })
}

const updateThread = (
  admin: ThreadsFake.Admin,
  id: string,
  update: typeof ThreadUpdate.Type
): Effect.Effect<Thread.Thread, ChatKitError.BadRequestError | ChatKitError.NotFoundError> => {
  const { status, title } = update
  const setTitle = title === undefined ? undefined : admin.setTitle(id, title)
  const setStatus = status === undefined ? undefined : admin.setStatus(id, status)
  if (setTitle === undefined) {
    return setStatus ?? Effect.fail(invalidBody("Expected 'title' or 'status' in the body.", null))
  }
  return setStatus === undefined ? setTitle : Effect.zipRight(setTitle, setStatus)
}

/**
 * Runs one admin route, as `ChatKitFakeServer.layer` documents them, against the caller's store; `jsonBody`
 * reads the request's JSON body.
 *
 * @internal
 */
export const handle = (
  route: Route,
  rawId: string,
  fake: ChatKitFake.Fake,
  jsonBody: Effect.Effect<unknown, ChatKitError.ChatKitError>
): Effect.Effect<Answer, ChatKitError.ChatKitError> => {
  const admin = fake.threads.admin
  switch (route.name) {
    case "threads":
      return jsonBody.pipe(
        Effect.flatMap(decodeNewThread),
        Effect.flatMap(({ created_at, ...input }) => admin.createThread({ ...input, createdAt: created_at })),
        Effect.map(answers.thread)
      )
    case "thread":
      return Effect.all([Wire.pathId(route, rawId), Effect.flatMap(jsonBody, decodeThreadUpdate)]).pipe(
        Effect.flatMap(([id, update]) => updateThread(admin, id, update)),
        Effect.map(answers.thread)
      )
    case "items":
      return Effect.flatMap(jsonBody, (input) => {
        const { createdAt, fields } = splitCreatedAt(input)
        return Effect.all([Wire.pathId(route, rawId), decodeNewItem(fields), decodeItemCreatedAt(createdAt)])
      }).pipe(
        Effect.flatMap(([id, item, { created_at }]) => admin.addItem(id, { ...item, createdAt: created_at })),
        Effect.map(answers.item)
      )
    case "faults":
      return jsonBody.pipe(
        Effect.flatMap(decodeFault),
        Effect.flatMap((fault) => failNext(fake, fault)),
        Effect.as(answers.empty({}))
      )
    case "latency":
      return jsonBody.pipe(
        Effect.flatMap(decodeLatency),
        Effect.flatMap(({ ms }) => admin.setLatency(Duration.millis(ms))),
        Effect.as(answers.empty({}))
      )
    case "snapshot":
      return Effect.map(
        Effect.all([admin.snapshot, fake.sessions.admin.snapshot]),
        ([{ items, threads }, sessions]) => answers.snapshot({ threads, items, sessions })
      )
  }
}
