import { ThreadItem } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck, Schema } from "effect"
import { referenceItemPage } from "./fixtures/referencePage.js"

const decode = Schema.decodeUnknownEither(ThreadItem.ThreadItem)
const encode = Schema.encodeSync(ThreadItem.ThreadItem)

const variants: Record<string, FastCheck.Arbitrary<ThreadItem.ThreadItem>> = {
  UserMessageItem: Arbitrary.make(ThreadItem.UserMessageItem),
  AssistantMessageItem: Arbitrary.make(ThreadItem.AssistantMessageItem),
  WidgetItem: Arbitrary.make(ThreadItem.WidgetItem),
  ClientToolCallItem: Arbitrary.make(ThreadItem.ClientToolCallItem),
  TaskItem: Arbitrary.make(ThreadItem.TaskItem),
  TaskGroupItem: Arbitrary.make(ThreadItem.TaskGroupItem)
}

const decodeMessage = (input: unknown): string => {
  const result = decode(input)
  assert.isTrue(Either.isLeft(result), "expected a decode failure")
  return Either.isLeft(result) ? result.left.message : ""
}

describe("ThreadItem", () => {
  it("decodes every variant of the reference payload and encodes it back to the same JSON", () => {
    for (const raw of referenceItemPage.data) {
      const decoded = Schema.decodeUnknownSync(ThreadItem.ThreadItem)(raw)
      assert.strictEqual(decoded.type, raw.type)
      assert.deepStrictEqual(JSON.parse(JSON.stringify(encode(decoded))), raw)
    }
  })

  it("knows exactly the six documented item types", () => {
    assert.deepStrictEqual(
      [...ThreadItem.knownTypes].sort(),
      referenceItemPage.data.map((item) => item.type).sort()
    )
  })

  for (const [name, variant] of Object.entries(variants)) {
    it.prop(
      `${name}: JSON round trip is the identity`,
      [variant],
      ([item]) => {
        const wire = JSON.parse(JSON.stringify(encode(item)))
        assert.deepStrictEqual(Schema.decodeUnknownSync(ThreadItem.ThreadItem)(wire), item)
      }
    )
  }

  it.prop(
    "any item: decode ∘ encode is the identity, through JSON",
    [Arbitrary.make(ThreadItem.ThreadItem)],
    ([item]) => {
      const wire = JSON.parse(JSON.stringify(encode(item)))
      assert.deepStrictEqual(Schema.decodeUnknownSync(ThreadItem.ThreadItem)(wire), item)
    }
  )

  it.prop(
    "an unknown type decodes to the Unknown variant that keeps every field, and encodes back unchanged",
    [
      FastCheck.string().filter((type) => !(ThreadItem.knownTypes as ReadonlyArray<string>).includes(type)),
      FastCheck.dictionary(
        FastCheck.string().filter((key) => key !== "type" && key !== "__proto__"),
        FastCheck.jsonValue(),
        { maxKeys: 5 }
      )
    ],
    ([type, fields]) => {
      const raw = { ...fields, type }
      const decoded = Schema.decodeUnknownSync(ThreadItem.ThreadItem)(raw)
      assert.strictEqual(decoded.type, "unknown")
      assert.deepStrictEqual(encode(decoded), raw)
    }
  )

  it("keeps a future item type in full", () => {
    const raw = { id: "cthi_9", object: "chatkit.thread_item", type: "chatkit.image", url: "https://x/y.png" }
    const decoded = Schema.decodeUnknownSync(ThreadItem.ThreadItem)(raw)
    assert.deepStrictEqual(decoded, { type: "unknown", raw })
    assert.strictEqual(ThreadItem.id(decoded), "cthi_9")
    assert.strictEqual(ThreadItem.id({ type: "unknown", raw: { type: "x" } }), undefined)
  })

  it("fails a known type with a wrong field, naming the path", () => {
    const task = { ...referenceItemPage.data[4], task_type: "plan" }
    const message = decodeMessage(task)
    assert.include(message, "[\"task_type\"]")
    assert.include(message, "\"plan\"")

    const tool = { ...referenceItemPage.data[3], arguments: { city: "Paris" } }
    assert.include(decodeMessage(tool), "[\"arguments\"]")

    const assistant = {
      ...referenceItemPage.data[1],
      content: [{ type: "output_text", text: "x", annotations: [{ type: "file", source: { type: "url", url: "u" } }] }]
    }
    assert.include(decodeMessage(assistant), "[\"content\"]")
  })

  it("fails an item whose created_at is not whole seconds", () => {
    assert.include(decodeMessage({ ...referenceItemPage.data[2], created_at: 1712345603.5 }), "[\"created_at\"]")
  })

  it("decodes absent nullable keys as null and writes them back as null", () => {
    const {
      heading: _heading,
      summary: _summary,
      ...task
    } = referenceItemPage.data[4]
    const decoded = Schema.decodeUnknownSync(ThreadItem.TaskItem)(task)
    assert.strictEqual(decoded.heading, null)
    assert.strictEqual(decoded.summary, null)
    const encoded = Schema.encodeSync(ThreadItem.TaskItem)(decoded)
    assert.isTrue("heading" in encoded && encoded.heading === null)

    const { inference_options: _options, ...message } = referenceItemPage.data[0]
    assert.strictEqual(Schema.decodeUnknownSync(ThreadItem.UserMessageItem)(message).inference_options, null)

    const { output: _output, ...call } = referenceItemPage.data[3]
    assert.strictEqual(Schema.decodeUnknownSync(ThreadItem.ClientToolCallItem)(call).output, null)
  })

  it("ignores extra fields of a known type", () => {
    const decoded = Schema.decodeUnknownSync(ThreadItem.ThreadItem)({ ...referenceItemPage.data[2], extra: 1 })
    assert.deepStrictEqual(encode(decoded), referenceItemPage.data[2])
  })
})
