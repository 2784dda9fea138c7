import { Decoding, Page, Thread } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Effect, Either, FastCheck, ParseResult, Schema } from "effect"
import type { ParseOptions } from "effect/SchemaAST"
import { eventLoopTurn } from "../../../test/runs.js"
import { referenceItemPage } from "./fixtures/referencePage.js"

/** Wire values of `schema` (pages, threads), through JSON like an HTTP body. */
const wireValues = <A, I>(schema: Schema.Schema<A, I>) =>
  Arbitrary.make(schema).map((page) => JSON.parse(JSON.stringify(Schema.encodeSync(schema)(page))) as unknown)

/** A JSON value with one place changed: a key dropped, a value replaced by another JSON value, or a key added. */
const mutated = (wire: FastCheck.Arbitrary<unknown>): FastCheck.Arbitrary<unknown> =>
  FastCheck.tuple(wire, FastCheck.nat(), FastCheck.integer({ min: 0, max: 2 }), FastCheck.jsonValue()).map(
    ([original, pick, how, replacement]) => {
      // fast-check reuses generated values while shrinking: change a copy, never the value itself
      const value = structuredClone(original)
      const places: Array<{ readonly parent: Record<string, unknown>; readonly key: string }> = []
      const walk = (node: unknown): void => {
        if (typeof node !== "object" || node === null) return
        for (const [key, child] of Object.entries(node)) {
          places.push({ parent: node as Record<string, unknown>, key })
          walk(child)
        }
      }
      walk(value)
      const place = places[pick % places.length]
      if (place === undefined) return replacement // a scalar: no place to change
      const { key, parent } = place
      if (how === 0) Reflect.deleteProperty(parent, key)
      else if (how === 1) parent[key] = structuredClone(replacement)
      else parent[`${key}_extra`] = structuredClone(replacement)
      return value
    }
  )

const optionSets: ReadonlyArray<ParseOptions | undefined> = [
  undefined,
  { errors: "first", onExcessProperty: "ignore" },
  { errors: "all" },
  { onExcessProperty: "error" }
]

const sameAnswer = <A extends object>(
  fast: (u: unknown) => Either.Either<A, ParseResult.ParseIssue>,
  slow: (u: unknown) => Either.Either<A, ParseResult.ParseIssue>,
  input: unknown
) => {
  const expected = slow(structuredClone(input))
  const actual = fast(structuredClone(input))
  if (Either.isRight(expected)) {
    assert.isTrue(Either.isRight(actual), "the fast path failed where the schema succeeds")
    assert.deepStrictEqual(actual, expected)
    // the same keys in the same order at every depth
    assert.strictEqual(JSON.stringify(Either.getOrThrow(actual)), JSON.stringify(expected.right))
  } else {
    assert.isTrue(Either.isLeft(actual), "the fast path succeeded where the schema fails")
    if (Either.isLeft(actual)) {
      assert.strictEqual(
        ParseResult.TreeFormatter.formatIssueSync(actual.left),
        ParseResult.TreeFormatter.formatIssueSync(expected.left)
      )
    }
  }
}

describe("Page and Thread fast decoders answer exactly as the schema", () => {
  // each drawn input is checked under every set of options: one draw, not one per set
  const decoders = optionSets.map((options) => ({
    fastThreads: Page.decodeThreadPage(options),
    slowThreads: Decoding.decodeUnknownEither(Page.ThreadPage, options),
    fastItems: Page.decodeThreadItemPage(options),
    slowItems: Decoding.decodeUnknownEither(Page.ThreadItemPage, options),
    fastThread: Thread.decodeThread(options),
    slowThread: Decoding.decodeUnknownEither(Thread.Thread, options)
  }))
  // the decoders are synchronous: a turn of the event loop after each input lets the worker answer vitest's
  // calls, which a deep run (FC_NUM_RUNS=1000 and more) would otherwise keep waiting past their timeout
  const threadsAnswer = (input: unknown) =>
    Effect.zipRight(
      Effect.sync(() =>
        decoders.forEach(({ fastThreads, slowThreads }) => sameAnswer(fastThreads, slowThreads, input))
      ),
      eventLoopTurn
    )
  const itemsAnswer = (input: unknown) =>
    Effect.zipRight(
      Effect.sync(() => decoders.forEach(({ fastItems, slowItems }) => sameAnswer(fastItems, slowItems, input))),
      eventLoopTurn
    )
  const threadAnswer = (input: unknown) =>
    Effect.zipRight(
      Effect.sync(() => decoders.forEach(({ fastThread, slowThread }) => sameAnswer(fastThread, slowThread, input))),
      eventLoopTurn
    )
  const sets = optionSets.map((options) => JSON.stringify(options ?? {})).join(", ")

  it.live.prop(`thread pages, with ${sets}`, [wireValues(Page.ThreadPage)], ([input]) => threadsAnswer(input))

  it.live.prop(`item pages, with ${sets}`, [wireValues(Page.ThreadItemPage)], ([input]) => itemsAnswer(input))

  it.live.prop(
    `thread pages with one change, with ${sets}`,
    [mutated(wireValues(Page.ThreadPage))],
    ([input]) => threadsAnswer(input)
  )

  it.live.prop(
    `item pages with one change, with ${sets}`,
    [mutated(wireValues(Page.ThreadItemPage))],
    ([input]) => itemsAnswer(input)
  )

  it.live.prop(`threads, with ${sets}`, [wireValues(Thread.Thread)], ([input]) => threadAnswer(input))

  it.live.prop(
    `threads with one change, with ${sets}`,
    [mutated(wireValues(Thread.Thread))],
    ([input]) => threadAnswer(input)
  )

  it.live.prop(
    `anything at all, with ${sets}`,
    [FastCheck.anything()],
    ([input]) => Effect.zipRight(Effect.zipRight(threadsAnswer(input), itemsAnswer(input)), threadAnswer(input))
  )

  it("decodes unknown values at every level as the schema does, keeping a __proto__ key as a key", () => {
    const items = JSON.parse(JSON.stringify(referenceItemPage))
    const [user, assistant, , tool, task, group] = items.data
    const hostile = () => JSON.parse(`{"type":"future","__proto__":{"polluted":true}}`)
    user.content.push(hostile())
    user.attachments.push(hostile())
    assistant.content[0].annotations.push(hostile(), { type: "file", source: hostile() })
    tool.status = "failed"
    task.task_type = "workflow"
    group.tasks.push(hostile())
    items.data.push(JSON.parse(
      `{"type":"chatkit.future","id":"cthi_7","object":"chatkit.thread_item","created_at":1,"thread_id":"cthr_abc",` +
        `"__proto__":{"polluted":true}}`
    ))
    const threads = {
      object: "list",
      data: [{ id: "cthr_1", object: "chatkit.thread", created_at: 1, title: null, user: "u", status: hostile() }],
      has_more: false
    }
    for (
      const [fast, slow, input] of [
        [Page.decodeThreadItemPage(), Decoding.decodeUnknownEither(Page.ThreadItemPage), items],
        [Page.decodeThreadPage(), Decoding.decodeUnknownEither(Page.ThreadPage), threads]
      ] as const
    ) {
      const decoded = Either.getOrThrow<object, unknown>(fast(input))
      assert.deepStrictEqual(decoded, Either.getOrThrow<object, unknown>(slow(input)))
      assert.strictEqual(
        JSON.stringify(decoded).split("\"__proto__\"").length,
        JSON.stringify(input).split("\"__proto__\"").length
      )
      const prototypes = new Set<unknown>()
      const visit = (node: unknown): void => {
        if (typeof node !== "object" || node === null) return
        prototypes.add(Object.getPrototypeOf(node))
        Object.values(node).forEach(visit)
      }
      visit(decoded)
      assert.deepStrictEqual([...prototypes].filter((p) => p !== Object.prototype && p !== Array.prototype), [])
    }
  })

  it("fails a known type with a wrong field, or with another known type's source, as the schema does", () => {
    const [user, assistant, , , , group] = referenceItemPage.data
    const annotated = (annotation: unknown) => ({
      ...assistant,
      content: [{ type: "output_text", text: "t", annotations: [annotation] }]
    })
    const items = [
      annotated({ type: "file", source: { type: "url", url: "u" } }),
      annotated({ type: "url", source: { type: "file", filename: "f" } }),
      annotated({ type: "file", source: { type: "file" } }),
      { ...user, content: [{ type: "input_text" }] },
      { ...user, attachments: [{ type: "image", id: "a" }] },
      { ...group, tasks: [{ type: "custom", heading: 1 }] },
      { ...group, type: 1 }
    ]
    const thread = { id: "cthr_1", object: "chatkit.thread", created_at: 1, title: null, user: "u" }
    for (const options of optionSets) {
      for (const item of items) {
        const page = { ...referenceItemPage, data: [item] }
        sameAnswer(Page.decodeThreadItemPage(options), Decoding.decodeUnknownEither(Page.ThreadItemPage, options), page)
        assert.isTrue(Either.isLeft(Page.decodeThreadItemPage(options)(page)))
      }
      for (const status of [{ type: "locked", reason: 1 }, { type: 1 }]) {
        const page = { object: "list", data: [{ ...thread, status }], has_more: false }
        sameAnswer(Page.decodeThreadPage(options), Decoding.decodeUnknownEither(Page.ThreadPage, options), page)
        assert.isTrue(Either.isLeft(Page.decodeThreadPage(options)(page)))
      }
    }
  })

  it("decodes the reference page, every variant, on the fast path", () => {
    const decoded = Either.getOrThrow(Page.decodeThreadItemPage()(referenceItemPage))
    assert.deepStrictEqual(decoded, Schema.decodeUnknownSync(Page.ThreadItemPage)(referenceItemPage))
  })
})
