import type * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as DemoData from "../src/DemoData.js"
import { demoFake } from "./fixtures/demo.js"

const isJsonObject = (json: string): boolean => {
  try {
    const value: unknown = JSON.parse(json)
    return typeof value === "object" && value !== null
  } catch {
    return false
  }
}

describe("DemoData", () => {
  it.effect("seeds at least 25 threads of at least 3 users, with every status, and null titles", () =>
    Effect.gen(function*() {
      const { admin } = yield* demoFake
      const { threads } = yield* admin.snapshot
      assert.strictEqual(threads.length, DemoData.threads.length)
      assert.isAtLeast(threads.length, 25)
      assert.isAtLeast(new Set(threads.map((thread) => thread.user)).size, 3)
      const statuses = new Set(
        threads.map((thread) =>
          thread.status.type === "locked" || thread.status.type === "closed"
            ? `${thread.status.type}:${thread.status.reason === null ? "null" : "reason"}`
            : thread.status.type
        )
      )
      assert.deepStrictEqual([...statuses].sort(), [
        "active",
        "closed:null",
        "closed:reason",
        "locked:null",
        "locked:reason"
      ])
      assert.isTrue(threads.some((thread) => thread.title === null))
      assert.isTrue(threads.some((thread) => thread.title !== null))
    }))

  it.effect("has threads and items whose created_at tie, all around 2025-10-06", () =>
    Effect.gen(function*() {
      const { admin } = yield* demoFake
      const { items, threads } = yield* admin.snapshot
      const known = items.filter((item): item is Exclude<ThreadItem.ThreadItem, ThreadItem.UnknownItem> =>
        item.type !== "unknown"
      )
      assert.strictEqual(known.length, items.length)
      const ties = (keys: ReadonlyArray<string | number>) => new Set(keys).size < keys.length
      assert.isTrue(ties(threads.map((thread) => thread.created_at)))
      assert.isTrue(ties(known.map((item) => `${item.thread_id} ${item.created_at}`)))
      for (const time of [...threads, ...known].map((element) => element.created_at)) {
        assert.isTrue(time >= DemoData.epoch && time < DemoData.epoch + 86400)
      }
    }))

  it.effect("holds every item variant with each of its shapes", () =>
    Effect.gen(function*() {
      const { admin } = yield* demoFake
      const { items } = yield* admin.snapshot
      const shapes = new Set(items.flatMap((item): ReadonlyArray<string> => {
        switch (item.type) {
          case "chatkit.user_message":
            return [
              ...item.content.map((part) => part.type),
              ...item.attachments.map((attachment) => `attachment:${attachment.type}`),
              item.inference_options === null ? "inference:null" : "inference:set",
              ...(item.inference_options?.tool_choice ? ["inference:tool"] : []),
              ...(item.inference_options?.model ? ["inference:model"] : [])
            ]
          case "chatkit.assistant_message":
            return item.content.flatMap((part) => part.annotations.map((annotation) => `annotation:${annotation.type}`))
          case "chatkit.widget":
            return isJsonObject(item.widget) ? ["widget"] : []
          case "chatkit.client_tool_call":
            return [`tool:${item.status}:${item.output === null ? "null" : "output"}`]
          case "chatkit.task":
            return [`task:${item.task_type}`]
          case "chatkit.task_group":
            return ["task_group", ...item.tasks.map((task) => `group_task:${task.type}`)]
          case "unknown":
            return ["unknown"]
        }
      }))
      assert.deepStrictEqual([...shapes].sort(), [
        "annotation:file",
        "annotation:url",
        "attachment:file",
        "attachment:image",
        "group_task:custom",
        "group_task:thought",
        "inference:model",
        "inference:null",
        "inference:set",
        "inference:tool",
        "input_text",
        "quoted_text",
        "task:custom",
        "task:thought",
        "task_group",
        "tool:completed:output",
        "tool:in_progress:null",
        "widget"
      ])
    }))

  it.effect("is deterministic: seeding twice gives the same store", () =>
    Effect.gen(function*() {
      const first = yield* Effect.flatMap(demoFake, (fake) => fake.admin.snapshot)
      const second = yield* Effect.flatMap(demoFake, (fake) => fake.admin.snapshot)
      assert.deepStrictEqual(first, second)
    }))
})
