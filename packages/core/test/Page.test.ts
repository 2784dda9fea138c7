import { Page, Thread } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, FastCheck, Schema } from "effect"
import { referenceItemPage } from "./fixtures/referencePage.js"

describe("Page", () => {
  it("decodes the reference item page and encodes it back to the same JSON", () => {
    const page = Schema.decodeUnknownSync(Page.ThreadItemPage)(referenceItemPage)
    assert.strictEqual(page.data.length, 6)
    assert.deepStrictEqual(JSON.parse(JSON.stringify(Schema.encodeSync(Page.ThreadItemPage)(page))), referenceItemPage)
  })

  it("reads absent object / first_id / last_id as list / null and always writes them", () => {
    const page = Schema.decodeUnknownSync(Page.ThreadPage)({ data: [], has_more: false })
    assert.deepStrictEqual(Schema.encodeSync(Page.ThreadPage)(page), {
      object: "list",
      data: [],
      first_id: null,
      last_id: null,
      has_more: false
    })
  })

  it("requires data and has_more", () => {
    assert.throws(() => Schema.decodeUnknownSync(Page.ThreadPage)({ object: "list", data: [] }))
    assert.throws(() => Schema.decodeUnknownSync(Page.ThreadPage)({ object: "list", has_more: false }))
  })

  it.prop(
    "make derives first_id and last_id from the data",
    [FastCheck.array(Arbitrary.make(Thread.Thread), { maxLength: 5 }), FastCheck.boolean()],
    ([threads, hasMore]) => {
      const page = Page.make(threads, hasMore, (thread) => thread.id)
      assert.strictEqual(page.first_id, threads.at(0)?.id ?? null)
      assert.strictEqual(page.last_id, threads.at(-1)?.id ?? null)
      assert.strictEqual(page.has_more, hasMore)
      const wire = JSON.parse(JSON.stringify(Schema.encodeSync(Page.ThreadPage)(page)))
      assert.deepStrictEqual(Schema.decodeUnknownSync(Page.ThreadPage)(wire), page)
    }
  )
})
