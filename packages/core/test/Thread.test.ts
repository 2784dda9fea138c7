import { Thread } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck, Schema } from "effect"

const decodeThread = Schema.decodeUnknownSync(Thread.Thread)
const encodeThread = Schema.encodeSync(Thread.Thread)

const example = {
  id: "cthr_def456",
  object: "chatkit.thread",
  created_at: 1712345600,
  title: "Demo feedback",
  status: { type: "active" },
  user: "user_456"
} as const

describe("Thread", () => {
  it("decodes the reference example and encodes it back to the same JSON", () => {
    assert.deepStrictEqual(encodeThread(decodeThread(example)), example)
  })

  it.prop("decode ∘ encode is the identity, through JSON", [Arbitrary.make(Thread.Thread)], ([thread]) => {
    assert.deepStrictEqual(decodeThread(JSON.parse(JSON.stringify(encodeThread(thread)))), thread)
  })

  it("round-trips every status, reasons included", () => {
    for (
      const status of [
        { type: "active" },
        { type: "locked", reason: "Moderation" },
        { type: "locked", reason: null },
        { type: "closed", reason: "Resolved" },
        { type: "closed", reason: null }
      ] as const
    ) {
      const thread = { ...example, status }
      assert.deepStrictEqual(encodeThread(decodeThread(thread)), thread)
    }
  })

  it("decodes an absent reason or title as null and writes null back", () => {
    const { title: _title, ...untitled } = example
    const decoded = decodeThread({ ...untitled, status: { type: "closed" } })
    assert.strictEqual(decoded.title, null)
    assert.deepStrictEqual(decoded.status, { type: "closed", reason: null })
    assert.deepStrictEqual(encodeThread(decoded), { ...example, title: null, status: { type: "closed", reason: null } })
  })

  it.prop(
    "keeps an unknown status in full",
    [
      FastCheck.string().filter((type) => !["active", "locked", "closed"].includes(type)),
      FastCheck.dictionary(
        FastCheck.string().filter((key) => key !== "type" && key !== "__proto__"),
        FastCheck.jsonValue(),
        { maxKeys: 4 }
      )
    ],
    ([type, fields]) => {
      const status = { ...fields, type }
      const decoded = decodeThread({ ...example, status })
      assert.deepStrictEqual(decoded.status, { type: "unknown", raw: status })
      assert.deepStrictEqual(encodeThread(decoded).status, status)
    }
  )

  it("rejects a wrong field of a known status or thread, naming the path", () => {
    const cases: ReadonlyArray<readonly [unknown, string]> = [
      [{ ...example, status: { type: "locked", reason: 1 } }, "[\"status\"]"],
      [{ ...example, created_at: "2024-04-05" }, "[\"created_at\"]"],
      [{ ...example, object: "chatkit.thread_item" }, "[\"object\"]"],
      [{ ...example, user: null }, "[\"user\"]"]
    ]
    for (const [input, path] of cases) {
      const result = Schema.decodeUnknownEither(Thread.Thread)(input)
      assert.isTrue(Either.isLeft(result))
      if (Either.isLeft(result)) assert.include(result.left.message, path)
    }
  })

  it("decodes the delete answer", () => {
    const deleted = { id: "cthr_1", object: "chatkit.thread.deleted", deleted: true }
    assert.deepStrictEqual(Schema.decodeUnknownSync(Thread.ThreadDeleted)(deleted), deleted)
    assert.isTrue(Either.isLeft(Schema.decodeUnknownEither(Thread.ThreadDeleted)({ ...deleted, deleted: "yes" })))
  })
})
