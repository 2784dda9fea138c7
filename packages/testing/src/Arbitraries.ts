/**
 * fast-check arbitraries of the ChatKit models, of the fake's admin inputs, and of whole store fixtures.
 * Every string they generate is printable ASCII and every JSON value survives `JSON.stringify` and
 * `JSON.parse` unchanged, so generated data can travel through the fake server byte for byte.
 *
 * @since 0.1.0
 */
import type { ChatKitError } from "@effect-chatkit/core/ChatKitError"
import * as Session from "@effect-chatkit/core/Session"
import * as SessionParams from "@effect-chatkit/core/SessionParams"
import * as Thread from "@effect-chatkit/core/Thread"
import * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as FastCheck from "effect/FastCheck"
import * as ItemFields from "./internal/itemFields.js"
import type { NewItem } from "./internal/store.js"
import { ThreadsFake } from "./ThreadsFake.js"

/** A timestamp in whole Unix seconds, from 2023 to 2033. */
const timestamp = FastCheck.integer({ min: 1_672_531_200, max: 2_000_000_000 })

/** An id of the fake's shape: the prefix followed by 24 hex digits. */
const fakeId = (prefix: string) =>
  FastCheck.tuple(FastCheck.nat(), FastCheck.nat(), FastCheck.nat()).map((parts) =>
    prefix + parts.map((n) => n.toString(16).padStart(8, "0")).join("")
  )

/** A user the `user` filter accepts: 1 to 64 printable ASCII characters. */
const user = FastCheck.string({ minLength: 1, maxLength: 64 })

const json = FastCheck.json({ maxDepth: 2 })

const nullableString = FastCheck.option(FastCheck.string(), { nil: null })

/**
 * Any thread status, unknown ones (a type this library does not know, with extra JSON fields) included.
 *
 * @since 0.1.0
 * @category models
 */
export const threadStatus: FastCheck.Arbitrary<Thread.ThreadStatus> = Arbitrary.make(Thread.ThreadStatus)

/**
 * A thread as `retrieve` and `list` give it.
 *
 * @since 0.1.0
 * @category models
 */
export const thread: FastCheck.Arbitrary<Thread.Thread> = FastCheck.record({
  id: fakeId("cthr_"),
  object: FastCheck.constant("chatkit.thread" as const),
  created_at: timestamp,
  title: nullableString,
  status: threadStatus,
  user
})

// the fields of each variant come from core's schemas (unknown values at every open point included), with
// short arrays, but for the JSON strings and the tool call's status, which follows its output

const userMessageFields: FastCheck.Arbitrary<NewItem<ThreadItem.UserMessageItem>> = Arbitrary.make(
  ItemFields.UserMessageFields
).map((fields) => ({ ...fields, content: fields.content.slice(0, 3), attachments: fields.attachments.slice(0, 2) }))

const assistantMessageFields: FastCheck.Arbitrary<NewItem<ThreadItem.AssistantMessageItem>> = Arbitrary.make(
  ItemFields.AssistantMessageFields
).map((fields) => ({
  ...fields,
  content: fields.content.slice(0, 3).map((part) => ({ ...part, annotations: part.annotations.slice(0, 3) }))
}))

const widgetFields: FastCheck.Arbitrary<NewItem<ThreadItem.WidgetItem>> = FastCheck.record({
  type: FastCheck.constant("chatkit.widget" as const),
  widget: json
})

const unknownToolCallStatus = Arbitrary.make(ThreadItem.ClientToolCallStatus).filter((status) =>
  status !== "in_progress" && status !== "completed"
)

const clientToolCallFields: FastCheck.Arbitrary<NewItem<ThreadItem.ClientToolCallItem>> = FastCheck.record({
  type: FastCheck.constant("chatkit.client_tool_call" as const),
  call_id: FastCheck.string({ minLength: 1, maxLength: 24 }),
  name: FastCheck.string({ minLength: 1, maxLength: 24 }),
  arguments: json,
  output: FastCheck.option(json, { nil: null }),
  unknownStatus: FastCheck.option(unknownToolCallStatus, { nil: undefined, freq: 5 })
}).map(({ unknownStatus, ...fields }) => ({
  ...fields,
  status: unknownStatus ?? (fields.output === null ? "in_progress" as const : "completed" as const)
}))

const taskFields: FastCheck.Arbitrary<NewItem<ThreadItem.TaskItem>> = Arbitrary.make(ItemFields.TaskFields)

const taskGroupFields: FastCheck.Arbitrary<NewItem<ThreadItem.TaskGroupItem>> = Arbitrary.make(
  ItemFields.TaskGroupFields
).map((fields) => ({ ...fields, tasks: fields.tasks.slice(0, 3) }))

const unknownItemFields: FastCheck.Arbitrary<NewItem<ThreadItem.UnknownItem>> = Arbitrary.make(
  ThreadItem.UnknownItem
).map(({ raw: { created_at: _createdAt, id: _id, object: _object, thread_id: _threadId, ...raw } }) => ({
  type: "unknown",
  raw
}))

const newItem = FastCheck.oneof<Array<FastCheck.Arbitrary<NewItem>>>(
  userMessageFields,
  assistantMessageFields,
  widgetFields,
  clientToolCallFields,
  taskFields,
  taskGroupFields,
  unknownItemFields
)

const withAssigned = <V extends ThreadItem.ThreadItem>(fields: FastCheck.Arbitrary<NewItem<V>>) =>
  FastCheck.record({ fields, id: fakeId("cthi_"), created_at: timestamp, thread_id: fakeId("cthr_") }).map(
    ({ fields, ...assigned }) => ItemFields.assign(fields, assigned) as V
  )

/**
 * @since 0.1.0
 * @category models
 */
export const userMessageItem: FastCheck.Arbitrary<ThreadItem.UserMessageItem> = withAssigned(userMessageFields)

/**
 * @since 0.1.0
 * @category models
 */
export const assistantMessageItem: FastCheck.Arbitrary<ThreadItem.AssistantMessageItem> = withAssigned(
  assistantMessageFields
)

/**
 * A widget item; `widget` is a JSON string.
 *
 * @since 0.1.0
 * @category models
 */
export const widgetItem: FastCheck.Arbitrary<ThreadItem.WidgetItem> = withAssigned(widgetFields)

/**
 * A client tool call; `arguments` and `output` are JSON strings. Its status is sometimes one the library does
 * not know; a known one is `in_progress` exactly while `output` is `null`.
 *
 * @since 0.1.0
 * @category models
 */
export const clientToolCallItem: FastCheck.Arbitrary<ThreadItem.ClientToolCallItem> = withAssigned(
  clientToolCallFields
)

/**
 * @since 0.1.0
 * @category models
 */
export const taskItem: FastCheck.Arbitrary<ThreadItem.TaskItem> = withAssigned(taskFields)

/**
 * @since 0.1.0
 * @category models
 */
export const taskGroupItem: FastCheck.Arbitrary<ThreadItem.TaskGroupItem> = withAssigned(taskGroupFields)

/**
 * An item of a type this library does not know, with extra JSON fields.
 *
 * @since 0.1.0
 * @category models
 */
export const unknownItem: FastCheck.Arbitrary<ThreadItem.UnknownItem> = withAssigned(unknownItemFields)

/**
 * An item of any variant, unknown ones included. Every variant holds, at each of its open points (content
 * parts, attachments, annotations and their sources, task types, grouped tasks, tool call statuses),
 * sometimes a value this library does not know.
 *
 * @since 0.1.0
 * @category models
 */
export const threadItem: FastCheck.Arbitrary<ThreadItem.ThreadItem> = withAssigned(newItem)

const options = <T>(model: { [K in keyof T]: FastCheck.Arbitrary<T[K]> }) =>
  FastCheck.record(model, { requiredKeys: [] })

const enabled = options({ enabled: FastCheck.boolean() })

/**
 * Valid parameters of `SessionsService.create`: `user` and `workflow.id` always, every optional field
 * sometimes (absent, never `undefined`), each value anywhere in its allowed range.
 *
 * @since 0.1.0
 * @category session params
 */
export const createSessionParams: FastCheck.Arbitrary<SessionParams.CreateSessionParams> = FastCheck.record({
  user,
  workflow: FastCheck.record({
    id: FastCheck.string({ minLength: 1, maxLength: 32 }),
    version: FastCheck.string({ maxLength: 8 }),
    state_variables: Arbitrary.make(Session.StateVariables),
    tracing: enabled
  }, { requiredKeys: ["id"] }),
  expires_after: FastCheck.record({
    anchor: FastCheck.constant("created_at" as const),
    seconds: FastCheck.integer({ min: 1, max: SessionParams.maxExpiresAfterSeconds })
  }),
  rate_limits: options({ max_requests_per_1_minute: FastCheck.integer({ min: 1, max: 10_000 }) }),
  chatkit_configuration: options({
    automatic_thread_titling: enabled,
    file_upload: options({
      enabled: FastCheck.boolean(),
      max_file_size: FastCheck.integer({ min: 1, max: SessionParams.maxFileSize }),
      max_files: FastCheck.integer({ min: 1, max: 100 })
    }),
    history: options({ enabled: FastCheck.boolean(), recent_threads: FastCheck.integer({ min: 1, max: 100 }) })
  })
}, { requiredKeys: ["user", "workflow"] })

/**
 * The options of the admin input arbitraries: where `createdAt` is drawn from when drawn (by default a time
 * from 2023 to 2033, in whole Unix seconds).
 *
 * @since 0.1.0
 * @category models
 */
export interface InputOptions {
  readonly createdAt?: FastCheck.Arbitrary<number> | undefined
}

/**
 * The admin input of a new item of any variant, unknown ones and unknown values inside known ones included,
 * with or without `createdAt`.
 *
 * @since 0.1.0
 * @category admin inputs
 */
export const itemInput = (options?: InputOptions): FastCheck.Arbitrary<ThreadsFake.ItemInput> =>
  FastCheck.tuple(
    newItem,
    FastCheck.option(options?.createdAt ?? timestamp, { nil: undefined })
  ).map(([fields, at]) => at === undefined ? fields : { ...fields, createdAt: at })

/**
 * The admin input of a new thread, with or without `title`, `status` and `createdAt`.
 *
 * @since 0.1.0
 * @category admin inputs
 */
export const threadInput = (
  options?: InputOptions & { readonly user?: FastCheck.Arbitrary<string> | undefined }
): FastCheck.Arbitrary<ThreadsFake.ThreadInput> =>
  FastCheck.record({
    user: options?.user ?? user,
    title: nullableString,
    status: threadStatus,
    createdAt: options?.createdAt ?? timestamp
  }, { requiredKeys: ["user"] })

/**
 * One thread of a store fixture: how to create it, its items, and whether it is deleted after the whole
 * store is created.
 *
 * @since 0.1.0
 * @category fixtures
 */
export interface ThreadFixture {
  readonly input: ThreadsFake.ThreadInput
  readonly items: ReadonlyArray<ThreadsFake.ItemInput>
  readonly deleted: boolean
}

/**
 * A whole store as plain data; {@link createFixture} creates it in a fake.
 *
 * @since 0.1.0
 * @category fixtures
 */
export interface StoreFixture {
  readonly threads: ReadonlyArray<ThreadFixture>
}

/**
 * The sizes of a store fixture.
 *
 * @since 0.1.0
 * @category fixtures
 */
export interface StoreOptions {
  /** Where the users are drawn from (by default 1 to 64 printable ASCII characters). */
  readonly user?: FastCheck.Arbitrary<string> | undefined
  /** Where the timestamps are drawn from (by default a time from 2023 to 2033, in whole Unix seconds). */
  readonly createdAt?: FastCheck.Arbitrary<number> | undefined
  /** At most this many threads (default 30). */
  readonly maxThreads?: number | undefined
  /** At most this many distinct users (default 3). */
  readonly maxUsers?: number | undefined
  /** At most this many distinct timestamps, so `created_at` ties are common (default 4). */
  readonly maxTimestamps?: number | undefined
  /** At most this many items per thread (default 5). */
  readonly maxItems?: number | undefined
  /** How close to those bounds the numbers of threads and items tend to be: fast-check's `size` of arrays. */
  readonly size?: FastCheck.SizeForArbitrary | undefined
}

const timed = <A extends { readonly createdAt?: number | undefined }>(
  input: FastCheck.Arbitrary<A>,
  at: FastCheck.Arbitrary<number>
): FastCheck.Arbitrary<A> => FastCheck.tuple(input, at).map(([fields, createdAt]) => ({ ...fields, createdAt }))

/**
 * A store of many threads across few users, with few distinct timestamps (every thread and item has an
 * explicit `createdAt`: ties, and threads and items created out of timestamp order), some threads deleted,
 * and items in each thread.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const storeFixture = (options?: StoreOptions): FastCheck.Arbitrary<StoreFixture> =>
  FastCheck.record({
    users: FastCheck.uniqueArray(options?.user ?? user, { minLength: 1, maxLength: options?.maxUsers ?? 3 }),
    timestamps: FastCheck.uniqueArray(options?.createdAt ?? timestamp, {
      minLength: 1,
      maxLength: options?.maxTimestamps ?? 4
    })
  }).chain(({ timestamps, users }) => {
    const at = FastCheck.constantFrom(...timestamps)
    return FastCheck.array(
      FastCheck.record({
        input: timed(threadInput({ user: FastCheck.constantFrom(...users) }), at),
        items: FastCheck.array(timed(itemInput(), at), { maxLength: options?.maxItems ?? 5, size: options?.size }),
        deleted: FastCheck.integer({ min: 0, max: 3 }).map((n) => n === 0)
      }),
      { maxLength: options?.maxThreads ?? 30, size: options?.size }
    ).map((threads) => ({ threads }))
  })

/**
 * One thread of a seeded store, as created, with its items, in creation order.
 *
 * @since 0.1.0
 * @category fixtures
 */
export interface SeededThread {
  readonly thread: Thread.Thread
  readonly items: ReadonlyArray<ThreadItem.ThreadItem>
  readonly deleted: boolean
}

/**
 * Creates a fixture in the fake in context: every thread with its items, in fixture order, then deletes
 * those marked deleted. Gives the threads as created, in creation order (which is also their `seq` order).
 *
 * @since 0.1.0
 * @category fixtures
 */
export const createFixture = (
  fixture: StoreFixture
): Effect.Effect<ReadonlyArray<SeededThread>, ChatKitError, ThreadsService.ThreadsService | ThreadsFake> =>
  Effect.gen(function*() {
    const admin = yield* ThreadsFake
    const seeded = yield* Effect.forEach(fixture.threads, ({ deleted, input, items }) =>
      Effect.gen(function*() {
        const thread = yield* admin.createThread(input)
        return { thread, items: yield* Effect.forEach(items, (item) => admin.addItem(thread.id, item)), deleted }
      }))
    for (const { deleted, thread } of seeded) if (deleted) yield* ThreadsService.delete(thread.id)
    return seeded
  })
