import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import type * as ListParams from "@effect-chatkit/core/ListParams"
import { ThreadsService } from "@effect-chatkit/core/ThreadsService"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import { ThreadsFake } from "../ThreadsFake.js"
import { pick } from "./conformanceChecks.js"
import * as Model from "./conformanceModel.js"

/**
 * The users threads are created for: few, so that filters select several threads, and with characters that
 * must be escaped in a query string.
 *
 * @internal
 */
export const users: ReadonlyArray<string> = ["alice", "bob", "carol o'neil", "zoë & co/?#="]

/**
 * A `user` filter: one of `users`, or one no thread has.
 *
 * @internal
 */
export const userFilter: fc.Arbitrary<string> = fc.constantFrom(...users, "nobody")

/**
 * Creation times in whole seconds from a window of a few seconds, so that ties are common.
 *
 * @internal
 */
export const tiedCreatedAt: fc.Arbitrary<number> = fc.integer({ min: 0, max: 4 }).map((offset) =>
  1_700_000_000 + offset
)

/**
 * @internal
 */
export const order: fc.Arbitrary<ListParams.Order> = fc.constantFrom("asc", "desc")

/**
 * A page size from 1 to 100, mostly small so that listings take several pages.
 *
 * @internal
 */
export const limit: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 10 }), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 100 }), weight: 1 }
)

/**
 * The input of a new item, one of a few variants picked by `at`, values the API does not have today included
 * (an unknown item type, an unknown content part, an unknown tool call status), so that every implementation
 * is seen to keep them.
 *
 * @internal
 */
export const sampleItem = (at: number): ThreadsFake.ItemInput => {
  switch (at % 5) {
    case 0:
      return { type: "chatkit.widget", widget: "{\"type\":\"Card\",\"children\":[]}", createdAt: at }
    case 1:
      return { type: "chatkit.assistant_message", content: [], createdAt: at }
    case 2:
      return {
        type: "chatkit.user_message",
        content: [{ type: "unknown", raw: { type: "input_audio", format: "wav", data: "UklGRg==" } }],
        attachments: [],
        inference_options: null,
        createdAt: at
      }
    case 3:
      return {
        type: "unknown",
        raw: { type: "chatkit.audio_clip", seconds: 3, nested: { deep: [1, "x"] } },
        createdAt: at
      }
    default:
      return { type: "chatkit.task", task_type: "thought", heading: null, summary: "thinking", createdAt: at }
  }
}

/**
 * One step of seeding a store. Thread indexes are taken modulo the number of threads there are when the step
 * runs, so any generated sequence is valid.
 *
 * @internal
 */
export type SeedStep =
  | {
    readonly _tag: "CreateThread"
    readonly user: string
    readonly title: string | null
    readonly createdAt: number
  }
  | { readonly _tag: "AddItem"; readonly thread: number; readonly createdAt: number }
  | { readonly _tag: "DeleteThread"; readonly thread: number }

const createThread = fc.record({
  _tag: fc.constant("CreateThread" as const),
  user: fc.constantFrom(...users),
  title: fc.constantFrom(null, "Hello", "Ünïcode ✓"),
  createdAt: tiedCreatedAt
})

const addItem = fc.record({
  _tag: fc.constant("AddItem" as const),
  thread: fc.nat({ max: 3 }),
  createdAt: tiedCreatedAt
})

const deleteThread = fc.record({ _tag: fc.constant("DeleteThread" as const), thread: fc.nat() })

/**
 * The steps that seed a store: at least one thread first, then creations, items (mostly in the first few
 * threads, so that their listings take several pages) and, when `deletes` is set, deletions.
 *
 * @internal
 */
export const seedSteps = (options: {
  readonly maxSteps: number
  readonly deletes: boolean
}): fc.Arbitrary<ReadonlyArray<SeedStep>> =>
  fc.tuple(
    createThread,
    fc.array(
      fc.oneof(
        { arbitrary: createThread, weight: 4 },
        { arbitrary: addItem, weight: 3 },
        { arbitrary: deleteThread, weight: options.deletes ? 1 : 0 }
      ),
      { maxLength: options.maxSteps, size: "max" }
    )
  ).map(([first, rest]) => [first, ...rest])

/**
 * Runs the seeding steps through the admin handle and the service, recording each result in a fresh model
 * of a store that follows `beforeReading`.
 *
 * @internal
 */
export const applySeed = (
  steps: ReadonlyArray<SeedStep>,
  beforeReading: ThreadsFake.BeforeReading
): Effect.Effect<Model.Store, ChatKitError.ChatKitError, ThreadsService | ThreadsFake> =>
  Effect.gen(function*() {
    const admin = yield* ThreadsFake
    const service = yield* ThreadsService
    const store = Model.emptyStore(beforeReading)
    for (const step of steps) {
      if (step._tag === "CreateThread") {
        const { createdAt, title, user } = step
        Model.addThread(store, yield* admin.createThread({ user, title, createdAt }))
        continue
      }
      const threadId = pick(Model.liveThreads(store), step.thread)?.id
      if (threadId === undefined) continue
      if (step._tag === "AddItem") {
        Model.addItem(store, threadId, yield* admin.addItem(threadId, sampleItem(step.createdAt)))
      } else {
        yield* service.delete(threadId)
        Model.deleteThread(store, threadId)
      }
    }
    return store
  })
