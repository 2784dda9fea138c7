import { ThreadsService } from "@effect-chatkit/core"
import { ThreadsFake } from "@effect-chatkit/testing"
import { assert, it } from "@effect/vitest"
import { Effect, Stream } from "effect"

it.effect("lists a user's threads newest first", () =>
  Effect.gen(function*() {
    const fake = yield* ThreadsFake.ThreadsFake // the admin handle
    const older = yield* fake.createThread({ user: "u1", title: "first", createdAt: 1_700_000_000 })
    const newer = yield* fake.createThread({ user: "u1", title: null, createdAt: 1_700_000_060 })
    yield* fake.addItem(newer.id, { type: "chatkit.widget", widget: "{\"type\":\"Card\"}" })

    const threads = yield* Stream.runCollect(ThreadsService.stream({ user: "u1", limit: 1 }))
    assert.deepStrictEqual([...threads].map((thread) => thread.id), [newer.id, older.id])
  }).pipe(Effect.provide(ThreadsFake.layer({ seed: 42 }))))
