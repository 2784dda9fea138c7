import { ThreadItem } from "@effect-chatkit/core"
import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck, ParseResult, Schema } from "effect"
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

const identity = { id: "cthi_9", object: "chatkit.thread_item", created_at: 1712345609, thread_id: "cthr_abc" } as const

/** The kind and the path of the first failure, as the HTTP layer reports it. */
const firstIssue = (input: unknown) => {
  const result = ParseResult.decodeUnknownEither(ThreadItem.ThreadItem, { errors: "first" })(input)
  assert.isTrue(Either.isLeft(result), "expected a decode failure")
  const [issue] = Either.isLeft(result) ? ParseResult.ArrayFormatter.formatIssueSync(result.left) : []
  return { _tag: issue?._tag, path: issue?.path }
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
        FastCheck.string().filter((key) =>
          !["type", "id", "object", "created_at", "thread_id", "__proto__"].includes(key)
        ),
        FastCheck.jsonValue(),
        { maxKeys: 5 }
      )
    ],
    ([type, fields]) => {
      const raw = { ...fields, type, ...identity }
      const decoded = Schema.decodeUnknownSync(ThreadItem.ThreadItem)(raw)
      assert.deepStrictEqual(decoded, { type: "unknown", ...identity, raw })
      assert.deepStrictEqual(encode(decoded), raw)
    }
  )

  describe("a value the API does not have today decodes, is typed as unknown, and encodes back unchanged", () => {
    const [user, assistant, , tool, task, group] = referenceItemPage.data
    const cases: ReadonlyArray<readonly [string, unknown, (item: ThreadItem.ThreadItem) => unknown, unknown]> = [
      [
        "an item type",
        { ...identity, type: "chatkit.image", url: "https://x/y.png" },
        (item) => item,
        { type: "unknown", ...identity, raw: { ...identity, type: "chatkit.image", url: "https://x/y.png" } }
      ],
      [
        "a content part",
        { ...user, content: [{ type: "input_audio", audio: { format: "mp3" } }] },
        (item) => item.type === "chatkit.user_message" && item.content[0],
        { type: "unknown", raw: { type: "input_audio", audio: { format: "mp3" } } }
      ],
      [
        "an attachment",
        { ...user, attachments: [{ type: "audio", id: "att_9", seconds: 3 }] },
        (item) => item.type === "chatkit.user_message" && item.attachments[0],
        { type: "unknown", raw: { type: "audio", id: "att_9", seconds: 3 } }
      ],
      [
        "an annotation",
        {
          ...assistant,
          content: [{ type: "output_text", text: "t", annotations: [{ type: "container_file", x: 1 }] }]
        },
        (item) => item.type === "chatkit.assistant_message" && item.content[0]?.annotations[0],
        { type: "unknown", raw: { type: "container_file", x: 1 } }
      ],
      [
        "an annotation source",
        {
          ...assistant,
          content: [{
            type: "output_text",
            text: "t",
            annotations: [{ type: "file", source: { type: "vector_store" } }]
          }]
        },
        (item) => item.type === "chatkit.assistant_message" && item.content[0]?.annotations[0],
        { type: "file", source: { type: "unknown", raw: { type: "vector_store" } } }
      ],
      [
        "a task type",
        { ...task, task_type: "workflow" },
        (item) => item.type === "chatkit.task" && item.task_type,
        "workflow"
      ],
      [
        "a task of a task group",
        { ...group, tasks: [{ type: "search", query: "q" }] },
        (item) => item.type === "chatkit.task_group" && item.tasks[0],
        { type: "unknown", raw: { type: "search", query: "q" } }
      ],
      [
        "a tool call status",
        { ...tool, status: "failed" },
        (item) => item.type === "chatkit.client_tool_call" && item.status,
        "failed"
      ]
    ]
    for (const [name, wire, at, expected] of cases) {
      it(name, () => {
        const decoded = Schema.decodeUnknownSync(ThreadItem.ThreadItem)(wire)
        assert.deepStrictEqual(at(decoded), expected)
        assert.deepStrictEqual(encode(decoded), wire)
      })
    }
  })

  it("switches on an open enum: a value it does not know reaches the default branch as the string sent", () => {
    const decoded = Schema.decodeUnknownSync(ThreadItem.ClientToolCallItem)({
      ...referenceItemPage.data[3],
      status: "failed"
    })
    const describe = (status: ThreadItem.ClientToolCallStatus): string => {
      switch (status) {
        case "in_progress":
        case "completed":
          return "known"
        default: {
          const unknown: ThreadItem.UnknownClientToolCallStatus = status
          return `unknown ${unknown}`
        }
      }
    }
    assert.strictEqual(describe(decoded.status), "unknown failed")
  })

  it("every item, an unknown one included, has id, object, created_at and thread_id", () => {
    const items = Schema.decodeUnknownSync(Schema.Array(ThreadItem.ThreadItem))([
      ...referenceItemPage.data,
      { ...identity, type: "chatkit.future" }
    ])
    assert.deepStrictEqual(
      items.map((item) => [item.id, item.object, item.created_at, item.thread_id]),
      [...referenceItemPage.data, identity].map((item) => [item.id, item.object, item.created_at, item.thread_id])
    )
  })

  it("fails an item without what identifies it, known type or not, at that field", () => {
    for (const type of ["chatkit.widget", "chatkit.future"]) {
      for (const key of ["id", "object", "created_at", "thread_id"] as const) {
        const { [key]: _dropped, ...rest } = referenceItemPage.data[2]
        assert.deepStrictEqual(
          firstIssue({ ...rest, type }),
          { _tag: "Missing", path: [key] },
          `${type} without ${key}`
        )
      }
      assert.deepStrictEqual(firstIssue({ ...referenceItemPage.data[2], type, created_at: "1" }), {
        _tag: "Type",
        path: ["created_at"]
      })
    }
  })

  it("a __proto__ key of an unknown object is kept as a key and gives no decoded value a foreign prototype", () => {
    const wire = JSON.parse(
      `{"type":"chatkit.future","id":"cthi_9","object":"chatkit.thread_item","created_at":1,"thread_id":"cthr_1",` +
        `"__proto__":{"polluted":true},"content":[{"type":"input_audio","__proto__":{"polluted":true}}]}`
    )
    const decoded = Schema.decodeUnknownSync(ThreadItem.ThreadItem)(wire)
    assert.strictEqual(decoded.type, "unknown")
    if (decoded.type !== "unknown") return
    assert.strictEqual(Object.getPrototypeOf(decoded.raw), Object.prototype)
    assert.notProperty(decoded.raw, "polluted")
    assert.isTrue(Object.hasOwn(decoded.raw, "__proto__"))
    assert.strictEqual(JSON.stringify(encode(decoded)), JSON.stringify(wire))

    const message = Schema.decodeUnknownSync(ThreadItem.ThreadItem)({
      ...referenceItemPage.data[0],
      content: [JSON.parse(`{"type":"input_audio","__proto__":{"polluted":true}}`)]
    })
    const part = message.type === "chatkit.user_message" ? message.content[0] : undefined
    assert.strictEqual(part?.type, "unknown")
    if (part?.type !== "unknown") return
    assert.strictEqual(Object.getPrototypeOf(part.raw), Object.prototype)
    assert.isTrue(Object.hasOwn(part.raw, "__proto__"))
  })

  it("fails a known type with a wrong field, naming the path", () => {
    const task = { ...referenceItemPage.data[4], task_type: 3 }
    const message = decodeMessage(task)
    assert.include(message, "[\"task_type\"]")

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

  it("decodes absent arrays as empty arrays and writes them back", () => {
    const [user, assistant, , , , group] = referenceItemPage.data
    const { attachments: _attachments, content: _content, ...bareUser } = user
    const { content: _assistantContent, ...bareAssistant } = assistant
    const { tasks: _tasks, ...bareGroup } = group
    const withoutAnnotations = { ...assistant, content: [{ type: "output_text", text: "t" }] }
    const cases: ReadonlyArray<readonly [unknown, unknown]> = [
      [bareUser, { ...user, content: [], attachments: [] }],
      [bareAssistant, { ...assistant, content: [] }],
      [withoutAnnotations, { ...assistant, content: [{ type: "output_text", text: "t", annotations: [] }] }],
      [bareGroup, { ...group, tasks: [] }]
    ]
    for (const [wire, written] of cases) {
      assert.deepStrictEqual(encode(Schema.decodeUnknownSync(ThreadItem.ThreadItem)(wire)), written)
    }
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
