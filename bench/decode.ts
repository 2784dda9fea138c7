/**
 * 2. Decoding: how fast core's schemas decode a page of 100 mixed items (and of 100 threads), as the HTTP
 * layer decodes them (`errors: "first"`, excess properties ignored), against `JSON.parse` alone and against
 * one round trip of the same page over loopback.
 */
import { Page, ThreadsService } from "@effect-chatkit/core"
import { ParseResult } from "effect"
import { withServer } from "./lib/child.js"
import { headers } from "./lib/clients.js"
import * as fixtures from "./lib/fixtures.js"
import { compare, type Variant } from "./lib/measure.js"
import { ours } from "./lib/ours.js"
import { type Benchmark, count, ms, ratio, type Row } from "./lib/report.js"

const options = { errors: "first", onExcessProperty: "ignore" } as const

const decoders = {
  items: ParseResult.decodeUnknownEither(Page.ThreadItemPage, options),
  threads: ParseResult.decodeUnknownEither(Page.ThreadPage, options)
}

const fastDecoders = {
  items: Page.decodeThreadItemPage(options),
  threads: Page.decodeThreadPage(options)
}

/** Known item types holding values the models do not know at a deeper level, as a growing API sends them. */
const deeperUnknowns: ReadonlyArray<object> = [
  {
    type: "chatkit.user_message",
    content: [{ type: "input_text", text: "Here is a voice note." }, { type: "input_audio", format: "mp3" }],
    attachments: [{ type: "audio", id: "cfile_2", name: "note.mp3" }],
    inference_options: null
  },
  {
    type: "chatkit.assistant_message",
    content: [{ type: "output_text", text: "See the file.", annotations: [{ type: "container_file", id: "cf_1" }] }]
  },
  {
    type: "chatkit.client_tool_call",
    status: "failed",
    call_id: "call_9",
    name: "lookup_order",
    arguments: "{}",
    output: null
  },
  { type: "chatkit.task", task_type: "workflow", heading: "Running the workflow", summary: null },
  { type: "chatkit.task_group", tasks: [{ type: "search", query: "order 123" }] }
]

/** The fixture's items (six known variants and an unknown one), every tenth replaced by one of `deeperUnknowns`. */
const mixedItems = (count: number): ReadonlyArray<object> =>
  fixtures.items(count).map((item, i) =>
    i % 10 === 0
      ? {
        id: item.id,
        object: item.object,
        created_at: item.created_at,
        thread_id: item.thread_id,
        ...deeperUnknowns[(i / 10) % deeperUnknowns.length]
      }
      : item
  )

/** A variant that runs `body` `times` times per sample, so that a sample is long enough to time. */
const batch = (name: string, times: number, body: () => unknown): Variant => ({
  name,
  run: async () => {
    for (let i = 0; i < times; i++) body()
  }
})

const decodeOrThrow = (decode: (u: unknown) => { readonly _tag: "Left" | "Right" }, text: string) => () => {
  if (decode(JSON.parse(text))._tag === "Left") throw new Error("the fixture page does not decode")
}

export const decode: Benchmark = {
  name: "decode",
  run: async ({ smoke }) => {
    const times = smoke ? 5 : 200
    const rounds = smoke ? { warmup: 0, rounds: 1 } : { warmup: 3, rounds: 11 }
    const itemText = JSON.stringify(fixtures.page(mixedItems(100), true))
    const threadText = JSON.stringify(fixtures.page(fixtures.threads(100), true))
    const local = await compare([
      batch("items: JSON.parse", times, () => JSON.parse(itemText)),
      batch("items: JSON.parse + Schema decode", times, decodeOrThrow(decoders.items, itemText)),
      batch("threads: JSON.parse", times, () => JSON.parse(threadText)),
      batch("threads: JSON.parse + Schema decode", times, decodeOrThrow(decoders.threads, threadText)),
      batch("items: JSON.parse + Page.decodeThreadItemPage", times, decodeOrThrow(fastDecoders.items, itemText)),
      batch("threads: JSON.parse + Page.decodeThreadPage", times, decodeOrThrow(fastDecoders.threads, threadText))
    ], rounds)
    const perPage = (name: string) => local.median(name) / times
    const trips = smoke ? 3 : 100
    const remote = await withServer({ kind: "pages", threads: 100, items: 100, limit: 100 }, async ({ origin }) => {
      const runtime = ours(origin, "undici")
      const url = `${origin}/v1/chatkit/threads/${fixtures.itemsThreadId}/items?limit=100`
      try {
        return await compare([
          {
            name: "round trip: raw fetch + JSON.parse",
            run: async () => {
              for (let i = 0; i < trips; i++) JSON.parse(await (await fetch(url, { headers })).text())
            }
          },
          {
            name: "round trip: ours listItems over undici",
            run: async () => {
              for (let i = 0; i < trips; i++) {
                await runtime.runPromise(ThreadsService.listItems(fixtures.itemsThreadId, { limit: 100 }))
              }
            }
          }
        ], rounds)
      } finally {
        await runtime.dispose()
      }
    })
    const trip = (name: string) => remote.median(name) / trips
    const parse = perPage("items: JSON.parse")
    const decodeItems = perPage("items: JSON.parse + Schema decode") - parse
    const fastItems = perPage("items: JSON.parse + Page.decodeThreadItemPage") - parse
    const ourTrip = trip("round trip: ours listItems over undici")
    const rows: Array<Row> = [
      ...[["items", "Page.decodeThreadItemPage"], ["threads", "Page.decodeThreadPage"]].flatMap(
        ([kind, fastName]): Array<Row> => {
          const parsed = perPage(`${kind}: JSON.parse`)
          const row = (decoder: string): Row => {
            const decoded = perPage(`${kind}: JSON.parse + ${decoder}`)
            return {
              name: `${kind}: JSON.parse + ${decoder}`,
              value: ms(decoded),
              ratio: ratio(decoded, parsed),
              context: decoded - parsed < parsed / 20
                ? "decode alone within the noise of JSON.parse"
                : `decode alone ${ms(decoded - parsed)}, ${count(100 / ((decoded - parsed) / 1000))} ${kind}/s`
            }
          }
          return [
            { name: `${kind}: JSON.parse of a page of 100`, value: ms(parsed), ratio: "1.00×" },
            row("Schema decode"),
            row(fastName!)
          ]
        }
      ),
      { name: "items: round trip, raw fetch + JSON.parse", value: ms(trip("round trip: raw fetch + JSON.parse")) },
      {
        name: "items: round trip, ours listItems over undici",
        value: ms(ourTrip),
        context: `decode is ${((decodeItems / ourTrip) * 100).toFixed(0)}% of it`
      }
    ]
    return {
      title: `Decoding a page of 100 (per page, medians of ${rounds.rounds} batches of ${times})`,
      rows,
      goals: [
        {
          text: "Schema-decoding a page of 100 mixed items is at most a fifth of our round trip",
          figure: `${ms(decodeItems)} of ${ms(ourTrip)} (${((decodeItems / ourTrip) * 100).toFixed(0)}%)`,
          met: decodeItems <= ourTrip / 5
        },
        {
          text: "with `Page.decodeThreadItemPage`, decoding is at most a fifth of our round trip",
          figure: `${ms(fastItems)} of ${ms(ourTrip)} (${((fastItems / ourTrip) * 100).toFixed(0)}%); ${
            ratio(decodeItems, fastItems)
          } faster than the schema`,
          met: fastItems <= ourTrip / 5
        }
      ],
      notes: [
        "`Page.decodeThreadPage` / `Page.decodeThreadItemPage` (core) answer exactly as the schema does (same values, key order and errors); the HTTP layer decodes `list` and `listItems` pages with them, so the round trip of ours above includes them (the first goal compares the schema's cost with that round trip).",
        "Items: one page cycles through the six known variants and one unknown variant, and every tenth item holds a value the models do not know at a deeper level (content part, attachment, annotation, grouped task, task type, tool call status)."
      ]
    }
  }
}
