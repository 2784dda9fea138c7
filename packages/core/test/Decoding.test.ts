import { Decoding, Page, Thread, ThreadItem } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck, ParseResult, Schema } from "effect"

/** A JSON object `String` cannot convert: its own `toString` (and maybe `valueOf`) are not functions. */
const unconvertible = FastCheck.record(
  { toString: FastCheck.jsonValue(), valueOf: FastCheck.jsonValue() },
  { requiredKeys: ["toString"] }
)

const wire = <A, I>(schema: Schema.Schema<A, I>) =>
  Arbitrary.make(schema).map((value) => JSON.parse(JSON.stringify(Schema.encodeSync(schema)(value))) as I)

const formatted = (issue: ParseResult.ParseIssue) => ParseResult.ArrayFormatter.formatIssueSync(issue)

const schemas = { Thread: Thread.Thread, ThreadItem: ThreadItem.ThreadItem, ThreadItemPage: Page.ThreadItemPage }

describe("Decoding.decodeUnknownEither", () => {
  it("canary: Effect's union decoding still throws on a literal field String cannot convert", () => {
    // when this fails, Effect answers such input itself: delete Decoding and use ParseResult.decodeUnknownEither
    const union = Schema.Union(
      Schema.Struct({ type: Schema.Literal("a") }),
      Schema.Struct({ type: Schema.Literal("b") })
    )
    const input: unknown = JSON.parse("{\"type\": {\"toString\": 1}}")
    assert.throws(() => ParseResult.decodeUnknownEither(union)(input), TypeError)
    assert.isTrue(Either.isLeft(Decoding.decodeUnknownEither(union)(input)))
  })

  for (const [name, schema] of Object.entries(schemas)) {
    const effect = ParseResult.decodeUnknownEither(schema as Schema.Schema<unknown, unknown>)
    const ours = Decoding.decodeUnknownEither(schema as Schema.Schema<unknown, unknown>)
    it.prop(`${name}: answers as Effect's decoder wherever that answers`, [
      FastCheck.oneof(wire(schema as Schema.Schema<unknown, unknown>), FastCheck.anything())
    ], ([input]) => {
      let expected: Either.Either<unknown, ParseResult.ParseIssue>
      try {
        expected = effect(input)
      } catch {
        return
      }
      const actual = ours(input)
      if (Either.isRight(expected)) assert.deepStrictEqual(actual, expected)
      else assert.deepStrictEqual(Either.mapLeft(actual, formatted), Either.mapLeft(expected, formatted))
    })
  }

  it.prop("an item type String cannot convert: Effect throws, ours is an issue at that type", [
    wire(Page.ThreadItemPage).filter((page) => page.data.length > 0),
    FastCheck.nat(),
    unconvertible
  ], ([page, pick, type]) => {
    const index = pick % page.data.length
    const input = { ...page, data: page.data.map((item, i) => i === index ? { ...item, type } : item) }
    assert.throws(() => ParseResult.decodeUnknownEither(Page.ThreadItemPage)(input), TypeError)
    const result = Decoding.decodeUnknownEither(Page.ThreadItemPage)(input)
    assert.isTrue(Either.isLeft(result))
    if (Either.isRight(result)) return
    const [issue] = formatted(result.left)
    assert.deepStrictEqual(issue?.path, ["data", index, "type"])
    assert.include(issue?.message, "cannot be converted to a string")
    assert.strictEqual(Page.decodeThreadItemPage()(input)._tag, "Left")
  })

  it.prop("a status type String cannot convert is an issue at that type", [wire(Thread.Thread), unconvertible], ([
    thread,
    type
  ]) => {
    const input = { ...thread, status: { type } }
    assert.throws(() => ParseResult.decodeUnknownEither(Thread.Thread)(input), TypeError)
    const result = Decoding.decodeUnknownEither(Thread.Thread)(input)
    assert.deepStrictEqual(
      Either.mapLeft(result, (issue) => formatted(issue)[0]?.path),
      Either.left(["status", "type"])
    )
  })

  it.prop("an input String cannot convert, where a schema converts it, is an issue at the root", [unconvertible], ([
    input
  ]) => {
    const stringified = Schema.Unknown.pipe(Schema.filter((value) => String(value).length > 0))
    const result = Decoding.decodeUnknownEither(stringified)(input)
    assert.deepStrictEqual(Either.mapLeft(result, (issue) => formatted(issue)[0]?.path), Either.left([]))
  })

  it("names the field the union read, not an object around it or inside it", () => {
    const decode = Decoding.decodeUnknownEither(Page.ThreadItemPage)
    const pathOf = (data: ReadonlyArray<unknown>) =>
      Either.mapLeft(
        decode({ object: "list", data, first_id: null, last_id: null, has_more: false }),
        (issue) => formatted(issue)[0]?.path
      )
    // the type holds another object that cannot be converted
    const identity = { id: "cthi_1", object: "chatkit.thread_item", created_at: 1, thread_id: "cthr_1" }
    assert.deepStrictEqual(
      pathOf([{ ...identity, type: { toString: { toString: [] } } }]),
      Either.left(["data", 0, "type"])
    )
    // the item itself cannot be converted either (its own toString field), but the union reads its type
    assert.deepStrictEqual(
      pathOf([{ ...identity, toString: 1, type: { toString: 2 } }]),
      Either.left(["data", 0, "type"])
    )
  })

  it("throws again what a schema's own code throws", () => {
    const boom = Schema.String.pipe(Schema.filter(() => {
      throw new RangeError("boom")
    }))
    assert.throws(() => Decoding.decodeUnknownEither(boom)("x"), RangeError)
  })
})
