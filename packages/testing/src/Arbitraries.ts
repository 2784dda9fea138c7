/**
 * fast-check arbitraries of the ChatKit models, of the fake's admin inputs, and of whole store fixtures.
 * Every string they generate is printable ASCII and every JSON value survives `JSON.stringify` and
 * `JSON.parse` unchanged, so generated data can travel through the fake server byte for byte.
 *
 * @since 0.1.0
 */
import type { ChatKitError } from "@effect-chatkit/core/ChatKitError"
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
const fakeId = (prefix: string) => FastCheck.stringMatching(/^[0-9a-f]{24}$/).map((hex) => prefix + hex)

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

const clientToolCallFields: FastCheck.Arbitrary<NewItem<ThreadItem.ClientToolCallItem>> = FastCheck.tuple(
  Arbitrary.make(ItemFields.ClientToolCallFields),
  json,
  FastCheck.option(json, { nil: null })
).map(([fields, args, output]) => ({
  ...fields,
  arguments: args,
  output,
  status: fields.status !== "in_progress" && fields.status !== "completed"
    ? fields.status
    : output === null
    ? "in_progress"
    : "completed"
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

/**
 * Valid parameters of `SessionsService.create`: drawn from their schema, so that each value is anywhere in its
 * allowed range, and sent through JSON as a client sends them, so that an optional field is sometimes absent,
 * never `undefined`.
 *
 * @since 0.1.0
 * @category session params
 */
export const createSessionParams: FastCheck.Arbitrary<SessionParams.CreateSessionParams> = Arbitrary.make(
  SessionParams.CreateSessionParams
).map((params) => JSON.parse(JSON.stringify(params)))

/**
 * The options of the admin input and store fixture arbitraries.
 *
 * @since 0.1.0
 * @category models
 */
export interface InputOptions {
  /**
   * Where each `createdAt` is drawn from, `undefined` leaving it out. By default a time from 2023 to 2033 in
   * whole Unix seconds, left out of some admin inputs.
   */
  readonly createdAt?: FastCheck.Arbitrary<number | undefined> | undefined
  /** Where each thread's `user` is drawn from (by default 1 to 64 printable ASCII characters). */
  readonly user?: FastCheck.Arbitrary<string> | undefined
}

const createdAt = <A>(
  input: FastCheck.Arbitrary<A>,
  at: FastCheck.Arbitrary<number | undefined> = FastCheck.option(timestamp, { nil: undefined })
) =>
  FastCheck.tuple(input, at).map(([fields, createdAt]) => createdAt === undefined ? fields : { ...fields, createdAt })

/**
 * The admin input of a new item of any variant, unknown ones and unknown values inside known ones included.
 *
 * @since 0.1.0
 * @category admin inputs
 */
export const itemInput = (options?: InputOptions): FastCheck.Arbitrary<ThreadsFake.ItemInput> =>
  createdAt(newItem, options?.createdAt)

/**
 * The admin input of a new thread, with or without `title` and `status`.
 *
 * @since 0.1.0
 * @category admin inputs
 */
export const threadInput = (options?: InputOptions): FastCheck.Arbitrary<ThreadsFake.ThreadInput> =>
  createdAt(
    FastCheck.record({ user: options?.user ?? user, title: nullableString, status: threadStatus }, {
      requiredKeys: ["user"]
    }),
    options?.createdAt
  )

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
 * The sizes of a store fixture, and where its users and timestamps are drawn from.
 *
 * @since 0.1.0
 * @category fixtures
 */
export interface StoreOptions extends InputOptions {
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

/**
 * A store of many threads across few users, with few distinct timestamps (every thread and item has an
 * explicit `createdAt` unless `options.createdAt` draws `undefined`: ties, and threads and items created out
 * of timestamp order), some threads deleted, and items in each thread.
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
        input: threadInput({ user: FastCheck.constantFrom(...users), createdAt: at }),
        items: FastCheck.array(itemInput({ createdAt: at }), {
          maxLength: options?.maxItems ?? 5,
          size: options?.size
        }),
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
