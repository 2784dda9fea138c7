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
import { inject } from "./faults.js"
import { ItemFields } from "./itemFields.js"
import type { Handler } from "./server.js"
import type { Answer } from "./serverWire.js"
import { invalidBody, ok } from "./serverWire.js"

const answers = {
  thread: ok(Thread.Thread),
  item: ok(ThreadItem.ThreadItem),
  empty: ok(Schema.Struct({}))({}),
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
  // the name of one of core's `Wire` endpoints
  operation: Schema.optional(Schema.Literal(...Wire.endpoints.map(({ name }) => name)))
})

// at most a minute
const Latency = Schema.Struct({ ms: Schema.Number.pipe(Schema.between(0, 60_000)) })

type Decode<A> = (body: unknown) => Either.Either<A, ChatKitError.BadRequestError>

const decodeBody = <A, I>(schema: Schema.Schema<A, I>): Decode<A> => {
  const decode = Decoding.decodeUnknownEither(schema, { onExcessProperty: "error", errors: "first" })
  return (body) =>
    Either.mapLeft(decode(body), (parseIssue) => {
      const [issue] = ParseResult.ArrayFormatter.formatIssueSync(parseIssue)
      const param = issue === undefined || issue.path.length === 0 ? null : issue.path.map(String).join(".")
      return invalidBody(`Invalid body${param === null ? "" : ` at '${param}'`}: ${issue?.message ?? ""}`, param)
    })
}

const decodeItemFields = decodeBody(ItemFields)
const decodeItemCreatedAt = decodeBody(ItemCreatedAt)

// an item's `created_at` is read apart from its fields: an item of an unknown type keeps every other key
const decodeNewItem: Decode<typeof ItemFields.Type & typeof ItemCreatedAt.Type> = (input) => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return Either.map(decodeItemFields(input), (fields) => ({ ...fields, created_at: undefined }))
  }
  const { created_at, ...fields } = input as Readonly<Record<string, unknown>>
  return Either.zipWith(
    decodeItemFields(fields),
    decodeItemCreatedAt({ created_at }),
    (item, at) => ({ ...item, ...at })
  )
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
  fake: ChatKitFake.Fake,
  id: string,
  { status, title }: typeof ThreadUpdate.Type
): Effect.Effect<Thread.Thread, ChatKitError.BadRequestError | ChatKitError.NotFoundError> => {
  const { setStatus, setTitle } = fake.threads.admin
  if (title === undefined) {
    return status === undefined
      ? Effect.fail(invalidBody("Expected 'title' or 'status' in the body.", null))
      : setStatus(id, status)
  }
  return status === undefined ? setTitle(id, title) : Effect.zipRight(setTitle(id, title), setStatus(id, status))
}

// a route of the admin of the caller's store (which it gives a store of its own), taking no query
const route = <A>(
  method: Wire.Method,
  path: string,
  readBody: Decode<A> | undefined,
  run: (fake: ChatKitFake.Fake, id: string, body: A) => Effect.Effect<Answer, ChatKitError.ChatKitError>
): Handler<undefined, A> => ({
  ...Wire.route(method, path),
  readQuery: undefined,
  readBody,
  run: (stores, apiKey, id, _, body) => run(stores.write(apiKey).fake, id, body)
})

/**
 * The admin routes, under `/_admin`, as `ChatKitFakeServer.layer` documents them: each one's method and path,
 * how its JSON body is read (`undefined`: not read) and what it does with the caller's store.
 *
 * @internal
 */
export const routes: ReadonlyArray<Handler> = [
  route(
    "POST",
    "/threads",
    decodeBody(NewThread),
    (fake, _, { created_at, ...input }) =>
      Effect.map(fake.threads.admin.createThread({ ...input, createdAt: created_at }), answers.thread)
  ),
  route(
    "POST",
    "/threads/{thread_id}",
    decodeBody(ThreadUpdate),
    (fake, id, update) => Effect.map(updateThread(fake, id, update), answers.thread)
  ),
  route(
    "POST",
    "/threads/{thread_id}/items",
    decodeNewItem,
    (fake, id, { created_at, ...item }) =>
      Effect.map(fake.threads.admin.addItem(id, { ...item, createdAt: created_at }), answers.item)
  ),
  route("POST", "/faults", decodeBody(Fault), (fake, _, fault) => Effect.as(failNext(fake, fault), answers.empty)),
  route(
    "POST",
    "/latency",
    decodeBody(Latency),
    (fake, _, { ms }) => Effect.as(fake.threads.admin.setLatency(Duration.millis(ms)), answers.empty)
  ),
  route("GET", "/snapshot", undefined, (fake) =>
    Effect.map(
      Effect.all([fake.threads.admin.snapshot, fake.sessions.admin.snapshot]),
      ([{ items, threads }, sessions]) => answers.snapshot({ threads, items, sessions })
    ))
]
