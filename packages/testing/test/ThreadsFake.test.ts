import { ThreadsService } from "@effect-chatkit/core"
import { ThreadsFake } from "@effect-chatkit/testing"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"

describe("ThreadsFake", () => {
  it.effect("smoke", () =>
    Effect.gen(function*() {
      const admin = yield* ThreadsFake.ThreadsFake
      const a = yield* admin.createThread({ user: "u1" })
      const b = yield* admin.createThread({ user: "u2", createdAt: 5 })
      const item = yield* admin.addItem(a.id, { type: "chatkit.widget", widget: "{}" })
      const page = yield* ThreadsService.list({ limit: 1 })
      assert.deepStrictEqual(page.data, [b])
      assert.isTrue(page.has_more)
      const items = yield* ThreadsService.listItems(a.id)
      assert.deepStrictEqual(items.data, [item])
    }).pipe(Effect.provide(ThreadsFake.layer())))
})
