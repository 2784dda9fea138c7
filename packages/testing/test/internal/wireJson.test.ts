import type { ThreadItem } from "@effect-chatkit/core"
import { Page, Thread, ThreadsService } from "@effect-chatkit/core"
import { Arbitraries, ThreadsFake } from "@effect-chatkit/testing"
import { assert, describe, it } from "@effect/vitest"
import { Effect, FastCheck, Schema } from "effect"
import * as WireJson from "../../src/internal/wireJson.js"

const schemaThreadPage = (page: Page.Page<Thread.Thread>) => JSON.stringify(Schema.encodeSync(Page.ThreadPage)(page))
const schemaItemPage = (page: Page.Page<ThreadItem.ThreadItem>) =>
  JSON.stringify(Schema.encodeSync(Page.ThreadItemPage)(page))

const listParams = FastCheck.record({
  limit: FastCheck.integer({ min: 0, max: 100 }),
  order: FastCheck.constantFrom("asc" as const, "desc" as const)
})

describe("wireJson", () => {
  it.prop(
    "a page's text is JSON.stringify of the schema's encoding, for any threads and items",
    [
      FastCheck.array(Arbitraries.thread, { maxLength: 8 }),
      FastCheck.array(Arbitraries.threadItem, { maxLength: 8 }),
      FastCheck.boolean()
    ],
    ([threads, items, hasMore]) => {
      const threadPage = Page.make(threads, hasMore, (thread) => thread.id)
      const itemPage = Page.make(items, hasMore, (item) => item.id)
      assert.strictEqual(WireJson.threadPage(threadPage).toString(), schemaThreadPage(threadPage))
      assert.strictEqual(WireJson.itemPage(itemPage).toString(), schemaItemPage(itemPage))
      // the second time from the cache
      assert.strictEqual(WireJson.threadPage(threadPage).toString(), schemaThreadPage(threadPage))
      assert.strictEqual(WireJson.itemPage(itemPage).toString(), schemaItemPage(itemPage))
    }
  )

  it.effect.prop(
    "pages of a random store, before and after titles and statuses change, are the schema's text",
    [Arbitraries.storeFixture(), listParams, Arbitraries.threadStatus, FastCheck.option(FastCheck.string())],
    ([fixture, params, status, title]) =>
      Effect.gen(function*() {
        const admin = yield* ThreadsFake.ThreadsFake
        const seeded = yield* Arbitraries.createFixture(fixture)
        const live = seeded.filter(({ deleted }) => !deleted)
        const check = Effect.gen(function*() {
          const threads = yield* ThreadsService.list(params)
          assert.strictEqual(WireJson.threadPage(threads).toString(), schemaThreadPage(threads))
          for (const { thread } of live) {
            const items = yield* ThreadsService.listItems(thread.id, params)
            assert.strictEqual(WireJson.itemPage(items).toString(), schemaItemPage(items))
          }
        })
        yield* check
        for (const { thread } of live) {
          yield* admin.setStatus(thread.id, status)
          yield* admin.setTitle(thread.id, title)
          const changed = yield* ThreadsService.retrieve(thread.id)
          assert.strictEqual(
            WireJson.thread(changed).toString(),
            JSON.stringify(Schema.encodeSync(Thread.Thread)(changed))
          )
        }
        yield* check
      }).pipe(Effect.provide(ThreadsFake.layer())),
    { fastCheck: { numRuns: 50 } }
  )
})
