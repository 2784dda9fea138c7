import * as Thread from "@effect-chatkit/core/Thread"
import * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Effect, FastCheck, Schema } from "effect"
import * as View from "../../src/internal/view.js"

const item = (fields: ThreadItem.ThreadItem): ThreadItem.ThreadItem => fields
const base = { object: "chatkit.thread_item", created_at: 1759737600, thread_id: "cthr_1" } as const

describe("view", () => {
  it("isoTime writes UTC to the second", () => {
    assert.strictEqual(View.isoTime(1759737600), "2025-10-06T08:00:00Z")
    assert.strictEqual(View.isoTime(0), "1970-01-01T00:00:00Z")
  })

  it("statusText names the status and its reason", () => {
    assert.strictEqual(View.statusText({ type: "active" }), "active")
    assert.strictEqual(View.statusText({ type: "locked", reason: "Under review" }), "locked: Under review")
    assert.strictEqual(View.statusText({ type: "closed", reason: null }), "closed")
    assert.strictEqual(View.statusText({ type: "unknown", raw: { type: "archived" } }), "archived")
  })

  it("itemSummary says what each variant holds", () => {
    assert.strictEqual(
      View.itemSummary(item({
        ...base,
        id: "cthi_1",
        type: "chatkit.user_message",
        content: [{ type: "quoted_text", text: "x = 1" }, { type: "input_text", text: "why?" }],
        attachments: [{ id: "a", type: "image", name: "shot.png", mime_type: "image/png", preview_url: null }],
        inference_options: { model: "gpt-5", tool_choice: { id: "web_search" } }
      })),
      `> "x = 1" why? [image: shot.png, model: gpt-5, tool: web_search]`
    )
    assert.strictEqual(
      View.itemSummary(item({
        ...base,
        id: "cthi_2",
        type: "chatkit.assistant_message",
        content: [{
          type: "output_text",
          text: "See the docs.",
          annotations: [{ type: "url", source: { type: "url", url: "https://example.com" } }]
        }]
      })),
      "See the docs. [1 citation]"
    )
    assert.strictEqual(
      View.itemSummary(item({
        ...base,
        id: "cthi_3",
        type: "chatkit.widget",
        widget: JSON.stringify({
          type: "Card",
          children: [{ type: "Title", value: "Hi" }, { type: "Text", value: "there" }]
        })
      })),
      "Card: Hi · there"
    )
    assert.strictEqual(
      View.itemSummary(item({ ...base, id: "cthi_4", type: "chatkit.widget", widget: "not json" })),
      "not json"
    )
    const call = {
      ...base,
      id: "cthi_5",
      type: "chatkit.client_tool_call",
      call_id: "c1",
      name: "get_weather",
      arguments: "{\"city\":\"Oslo\"}"
    } as const
    assert.strictEqual(
      View.itemSummary(item({ ...call, status: "in_progress", output: null })),
      "get_weather({\"city\":\"Oslo\"}) … in progress"
    )
    assert.strictEqual(
      View.itemSummary(item({ ...call, status: "completed", output: "{\"c\":4}" })),
      "get_weather({\"city\":\"Oslo\"}) → {\"c\":4}"
    )
    assert.strictEqual(
      View.itemSummary(item({
        ...base,
        id: "cthi_6",
        type: "chatkit.task",
        task_type: "thought",
        heading: "Thinking",
        summary: null
      })),
      "thought: Thinking"
    )
    assert.strictEqual(
      View.itemSummary(item({
        ...base,
        id: "cthi_7",
        type: "chatkit.task_group",
        tasks: [{ type: "custom", heading: "A", summary: "b" }, { type: "thought", heading: null, summary: null }]
      })),
      "2 tasks: custom: A — b; thought: (no details)"
    )
  })

  it("shows values the library does not know by their raw type or status", () => {
    const decode = Schema.decodeUnknownSync(ThreadItem.ThreadItem)
    const summaries = [
      { type: "chatkit.user_message", content: [{ type: "input_audio" }], attachments: [{ type: "audio" }] },
      { type: "chatkit.client_tool_call", status: "failed", call_id: "c", name: "f", arguments: "{}", output: null },
      { type: "chatkit.task", task_type: "workflow", heading: "Run", summary: null },
      { type: "chatkit.task_group", tasks: [{ type: "search" }] }
    ].map((fields, i) => View.itemSummary(decode({ ...base, id: `cthi_${i}`, ...fields })))
    assert.deepStrictEqual(summaries, ["[input_audio] [audio]", "f({}) [failed]", "workflow: Run", "1 task: search"])
    const table = View.itemsTable([decode({ ...base, id: "cthi_9", type: "chatkit.audio_clip" })])
    const [, row] = table.split("\n")
    assert.isDefined(row)
    assert.match(row, /^cthi_9 +2025-10-06T08:00:00Z +chatkit\.audio_clip +\{/)
  })

  it.effect.prop(
    "tables of any threads and items have a header and exactly one line per element",
    [
      FastCheck.array(Arbitrary.make(Thread.Thread), { maxLength: 5 }),
      FastCheck.array(Arbitrary.make(ThreadItem.ThreadItem), { maxLength: 5 })
    ],
    ([threads, items]) =>
      Effect.sync(() => {
        assert.strictEqual(View.threadsTable(threads).split("\n").length, threads.length + 2)
        assert.strictEqual(View.itemsTable(items).split("\n").length, items.length + 2)
      })
  )
})
