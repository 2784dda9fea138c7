/**
 * A realistic, deterministic demo data set: threads of several users with every status and every item
 * variant, created around 2025-10-06 with fixed timestamps (some tie on purpose). The `chatkit` command browses
 * it when no API key is set, and `chatkit serve --demo` serves it.
 *
 * @since 0.1.0
 */
import type * as Thread from "@effect-chatkit/core/Thread"
import type * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import type * as ThreadsFake from "@effect-chatkit/testing/ThreadsFake"
import * as Effect from "effect/Effect"

/**
 * One demo thread and its items, oldest item first. Every `createdAt` is fixed (Unix seconds).
 *
 * @since 0.1.0
 * @category models
 */
export interface DemoThread {
  readonly thread: ThreadsFake.ThreadsFake.ThreadInput & { readonly createdAt: number }
  readonly items: ReadonlyArray<ThreadsFake.ThreadsFake.ItemInput & { readonly createdAt: number }>
}

/**
 * 2025-10-06T08:00:00Z, the time the demo data starts at.
 *
 * @since 0.1.0
 * @category constants
 */
export const epoch = 1759737600

const minutes = (n: number): number => n * 60

type Item = DemoThread["items"][number]
type Part = ThreadItem.UserMessageContent

const text = (value: string): Part => ({ type: "input_text", text: value })
const quote = (value: string): Part => ({ type: "quoted_text", text: value })

const image = (id: string, name: string, mimeType = "image/png"): ThreadItem.Attachment => ({
  id,
  type: "image",
  name,
  mime_type: mimeType,
  preview_url: `https://files.example.com/previews/${id}.png`
})

const file = (id: string, name: string, mimeType: string): ThreadItem.Attachment => ({
  id,
  type: "file",
  name,
  mime_type: mimeType,
  preview_url: null
})

const user = (
  at: number,
  content: ReadonlyArray<Part> | string,
  extra: {
    readonly attachments?: ReadonlyArray<ThreadItem.Attachment>
    readonly model?: string | null
    readonly tool?: string
  } = {}
): Item => ({
  type: "chatkit.user_message",
  createdAt: at,
  content: typeof content === "string" ? [text(content)] : content,
  attachments: extra.attachments ?? [],
  inference_options: extra.model === undefined && extra.tool === undefined ? null : {
    model: extra.model ?? null,
    tool_choice: extra.tool === undefined ? null : { id: extra.tool }
  }
})

const fileCite = (filename: string): ThreadItem.Annotation => ({
  type: "file",
  source: { type: "file", filename }
})

const urlCite = (url: string): ThreadItem.Annotation => ({
  type: "url",
  source: { type: "url", url }
})

const assistant = (
  at: number,
  ...segments: ReadonlyArray<string | readonly [string, ReadonlyArray<ThreadItem.Annotation>]>
): Item => ({
  type: "chatkit.assistant_message",
  createdAt: at,
  content: segments.map((segment) =>
    typeof segment === "string"
      ? { type: "output_text", text: segment, annotations: [] }
      : { type: "output_text", text: segment[0], annotations: segment[1] }
  )
})

const widget = (at: number, tree: unknown): Item => ({
  type: "chatkit.widget",
  createdAt: at,
  widget: JSON.stringify(tree)
})

const toolCall = (
  at: number,
  callId: string,
  name: string,
  args: unknown,
  output?: unknown
): Item => ({
  type: "chatkit.client_tool_call",
  createdAt: at,
  status: output === undefined ? "in_progress" : "completed",
  call_id: callId,
  name,
  arguments: JSON.stringify(args),
  output: output === undefined ? null : JSON.stringify(output)
})

const task = (at: number, taskType: ThreadItem.TaskType, heading: string | null, summary: string | null): Item => ({
  type: "chatkit.task",
  createdAt: at,
  task_type: taskType,
  heading,
  summary
})

const taskGroup = (at: number, tasks: ReadonlyArray<ThreadItem.TaskGroupTask>): Item => ({
  type: "chatkit.task_group",
  createdAt: at,
  tasks
})

const active: Thread.ThreadStatus = { type: "active" }
const locked = (reason: string | null): Thread.ThreadStatus => ({ type: "locked", reason })
const closed = (reason: string | null): Thread.ThreadStatus => ({ type: "closed", reason })

const thread = (
  userId: string,
  createdAt: number,
  title: string | null,
  status: Thread.ThreadStatus,
  items: (at: (offsetSeconds: number) => number) => ReadonlyArray<Item>
): DemoThread => ({
  thread: { user: userId, title, status, createdAt },
  items: items((offset) => createdAt + offset)
})

/**
 * The users the demo threads belong to.
 *
 * @since 0.1.0
 * @category constants
 */
export const users = ["user_alice", "user_bob", "user_chen", "user_dana"] as const

const [alice, bob, chen, dana] = users

/**
 * Every demo thread, oldest first. Several threads share a `created_at` (as do several items), so listings
 * must break ties by insertion order.
 *
 * @since 0.1.0
 * @category constants
 */
export const threads: ReadonlyArray<DemoThread> = [
  thread(alice, epoch, "Refund for order #48213", closed("Resolved: refund issued"), (at) => [
    user(at(0), "Hi, my order #48213 arrived with a cracked screen. Can I get a refund?", {
      attachments: [image("att_demo_crack", "cracked-screen.jpg", "image/jpeg")]
    }),
    task(
      at(2),
      "thought",
      "Checking the order",
      "Order #48213 was delivered on Oct 3 and is within the return window."
    ),
    toolCall(at(3), "call_refund_48213", "lookup_order", { order_id: "48213" }, {
      status: "delivered",
      total: "349.00 USD",
      returnable: true
    }),
    assistant(
      at(5),
      "I'm sorry about that. Your order is eligible for a full refund of $349.00. I've started it; you'll see the money within 5–7 business days."
    ),
    user(at(minutes(2)), "Great, thanks!"),
    assistant(at(minutes(2) + 3), "You're welcome. Is there anything else I can help with?")
  ]),
  thread(bob, epoch, "Quarterly sales summary (Q3)", active, (at) => [
    user(at(0), "Summarize Q3 sales by region and flag anything unusual.", {
      attachments: [
        file("att_demo_q3csv", "q3-sales.csv", "text/csv"),
        file("att_demo_q3pdf", "q3-board-deck.pdf", "application/pdf")
      ],
      model: "gpt-5"
    }),
    taskGroup(at(4), [
      { type: "custom", heading: "Parsing q3-sales.csv", summary: "12,480 rows across 4 regions" },
      { type: "custom", heading: "Reading q3-board-deck.pdf", summary: "32 pages" },
      { type: "thought", heading: "Comparing with Q2", summary: null }
    ]),
    assistant(
      at(20),
      [
        "Q3 revenue was $4.82M (+9% QoQ). EMEA grew fastest (+21%), while APAC fell 6% after the Singapore distributor change.",
        [fileCite("q3-sales.csv")]
      ],
      ["The deck's forecast for October assumes APAC recovers by mid-quarter.", [fileCite("q3-board-deck.pdf")]]
    ),
    widget(at(21), {
      type: "Card",
      children: [
        { type: "Title", value: "Q3 revenue by region" },
        {
          type: "ListView",
          children: [
            { type: "Text", value: "EMEA  $1.71M  +21%" },
            { type: "Text", value: "NA    $1.94M  +7%" },
            { type: "Text", value: "APAC  $0.86M  −6%" },
            { type: "Text", value: "LATAM $0.31M  +4%" }
          ]
        }
      ]
    })
  ]),
  thread(chen, epoch, "Debug failing CI on main", locked("Under review by a moderator"), (at) => [
    user(at(0), [
      text("CI on main fails since this morning with:"),
      quote("Error: Cannot find module '@effect/platform-node/NodeRuntime'")
    ]),
    task(at(3), "thought", null, null),
    assistant(
      at(9),
      "That usually means the lockfile and package.json disagree. Run `pnpm install --frozen-lockfile` locally; if it fails, regenerate the lockfile and commit it."
    )
  ]),
  thread(dana, epoch + minutes(7), "Reset two-factor authentication", locked(null), (at) => [
    user(at(0), "I lost my phone and can't log in. How do I reset 2FA?"),
    assistant(
      at(4),
      ["For security, 2FA resets need identity verification. Follow the steps in the help center article.", [
        urlCite("https://help.example.com/articles/reset-2fa")
      ]]
    )
  ]),
  thread(alice, epoch + minutes(15), "Plan a 3-day trip to Lisbon", active, (at) => [
    user(at(0), "Plan 3 days in Lisbon for early November. I like food markets and viewpoints, not museums.", {
      model: "gpt-5-mini"
    }),
    toolCall(at(2), "call_weather_lis", "get_weather", { city: "Lisbon", month: "November" }, {
      avg_high_c: 19,
      avg_low_c: 12,
      rainy_days: 10
    }),
    task(at(3), "custom", "Building the itinerary", "3 days, 9 stops, walking-friendly"),
    assistant(
      at(12),
      ["Day 1: Time Out Market for lunch, then the Miradouro de Santa Catarina at sunset.", [
        urlCite("https://www.timeoutmarket.com/lisboa/en/")
      ]],
      ["Day 2: Alfama on foot, Miradouro da Senhora do Monte, dinner in Mouraria.", []],
      ["Day 3: a day trip to Sintra; pack a rain jacket, it rains about 10 days in November.", [
        urlCite("https://www.visitportugal.com/en/destinos/lisboa-regiao/73757")
      ]]
    ),
    widget(at(13), {
      type: "Card",
      size: "md",
      children: [
        { type: "Title", value: "Lisbon · 3 days" },
        { type: "Text", value: "Nov 4 – Nov 6 · 19°C / 12°C" },
        { type: "Button", label: "Save itinerary", onClickAction: { type: "save_itinerary" } }
      ]
    }),
    user(at(minutes(3)), [quote("a day trip to Sintra"), text("Can I get there by train?")]),
    assistant(at(minutes(3) + 6), "Yes: trains leave Rossio station every 20 minutes and take about 40 minutes.")
  ]),
  thread(bob, epoch + minutes(15), null, active, (at) => [
    user(at(0), "hello?")
  ]),
  thread(chen, epoch + minutes(22), "Translate onboarding email to Japanese", closed(null), (at) => [
    user(at(0), [
      text("Translate this into polite Japanese:"),
      quote("Welcome aboard! Your workspace is ready. Invite your team to get started.")
    ]),
    assistant(at(5), "ようこそ！ワークスペースの準備が整いました。チームのメンバーを招待して、さっそく始めましょう。")
  ]),
  thread(dana, epoch + minutes(30), "Compare laptops under $1,500", active, (at) => [
    user(at(0), "Compare three laptops under $1,500 for photo editing.", { tool: "web_search" }),
    task(at(2), "custom", "Searching the web", "Found 14 reviews from 2025"),
    assistant(
      at(18),
      ["The Zenith 14 has the best screen (100% DCI-P3).", [urlCite("https://reviews.example.com/zenith-14")]],
      ["The Aero 15 is lightest at 1.4 kg.", [urlCite("https://reviews.example.com/aero-15")]],
      ["The Nimbus Pro has the longest battery life, 14 hours in tests.", [
        urlCite("https://reviews.example.com/nimbus-pro"),
        urlCite("https://reviews.example.com/battery-2025")
      ]]
    ),
    widget(at(19), {
      type: "Table",
      columns: ["Model", "Price", "Weight", "Battery"],
      rows: [["Zenith 14", "$1,399", "1.6 kg", "10 h"], ["Aero 15", "$1,249", "1.4 kg", "9 h"], [
        "Nimbus Pro",
        "$1,499",
        "1.8 kg",
        "14 h"
      ]]
    })
  ]),
  thread(alice, epoch + minutes(41), "Draft a cover letter", active, (at) => [
    user(at(0), "Draft a cover letter for a senior data analyst role. My CV is attached.", {
      attachments: [file("att_demo_cv", "alice-cv.pdf", "application/pdf")]
    }),
    assistant(at(14), [
      "Here is a first draft that leads with your churn-model project, which matches the role best.",
      [fileCite("alice-cv.pdf")]
    ])
  ]),
  thread(bob, epoch + minutes(41), "Fix flaky integration test", active, (at) => [
    user(at(0), [
      text("This test passes locally but fails on CI about 1 run in 5:"),
      quote("expect(received).toBe(expected) // Expected: 3, Received: 2")
    ]),
    toolCall(at(3), "call_ci_logs_77", "fetch_ci_logs", { pipeline: "main", runs: 10 }),
    task(at(3), "thought", "Waiting for CI logs", null)
  ]),
  thread(chen, epoch + minutes(55), "Weekly grocery list", active, (at) => [
    user(at(0), "Make a grocery list for 4 vegetarian dinners."),
    assistant(at(6), "Here's the list, grouped by aisle:"),
    widget(at(6), {
      type: "Card",
      children: [
        { type: "Title", value: "Groceries" },
        { type: "Checkbox", label: "Chickpeas ×2" },
        { type: "Checkbox", label: "Spinach 500 g" },
        { type: "Checkbox", label: "Feta 200 g" },
        { type: "Checkbox", label: "Whole-wheat tortillas" }
      ]
    })
  ]),
  thread(dana, epoch + minutes(55), null, closed("Abandoned by user"), (at) => [
    user(at(0), "test")
  ]),
  thread(alice, epoch + minutes(70), "Explain my electricity bill", active, (at) => [
    user(at(0), "Why is my September bill 40% higher than August?", {
      attachments: [image("att_demo_bill", "bill-september.png")]
    }),
    task(at(2), "custom", "Reading the bill", "Usage 612 kWh (August: 437 kWh)"),
    assistant(
      at(9),
      "Your usage rose from 437 kWh to 612 kWh and the tariff went from $0.21 to $0.23 per kWh. The heat wave in early September is the likely cause."
    )
  ]),
  thread(bob, epoch + minutes(83), "SQL query for monthly active users", active, (at) => [
    user(at(0), "Write a Postgres query for monthly active users from an events table.", { model: "gpt-5" }),
    assistant(
      at(7),
      "SELECT date_trunc('month', occurred_at) AS month, count(DISTINCT user_id) AS mau\nFROM events\nGROUP BY 1\nORDER BY 1;"
    ),
    user(at(minutes(1)), [quote("count(DISTINCT user_id)"), text("Is this slow on 200M rows?")]),
    assistant(
      at(minutes(1) + 8),
      ["It can be. An index on (occurred_at, user_id) helps; for dashboards, precompute with a materialized view.", [
        urlCite("https://www.postgresql.org/docs/current/rules-materializedviews.html")
      ]]
    )
  ]),
  thread(chen, epoch + minutes(96), "Book a table for Friday", active, (at) => [
    user(at(0), "Book a table for 4 at 8pm this Friday somewhere near Union Square."),
    toolCall(at(2), "call_resy_3301", "search_restaurants", { near: "Union Square", party_size: 4, time: "20:00" }, {
      results: 3
    }),
    widget(at(4), {
      type: "ListView",
      children: [
        { type: "ListViewItem", title: "Osteria Rosa", subtitle: "Italian · 8:00 pm available" },
        { type: "ListViewItem", title: "Kanpai", subtitle: "Japanese · 8:15 pm available" },
        { type: "ListViewItem", title: "The Green Fork", subtitle: "Vegetarian · 7:45 pm available" }
      ]
    }),
    user(at(minutes(1)), "Osteria Rosa please"),
    toolCall(at(minutes(1) + 2), "call_resy_3302", "book_table", { restaurant: "Osteria Rosa", time: "20:00" })
  ]),
  thread(dana, epoch + minutes(110), "Summarize the onboarding handbook", active, (at) => [
    user(at(0), "Give me the 5 most important points from the handbook.", {
      attachments: [file("att_demo_handbook", "employee-handbook-2025.pdf", "application/pdf")]
    }),
    taskGroup(at(3), [
      { type: "custom", heading: "Reading employee-handbook-2025.pdf", summary: "84 pages" },
      { type: "thought", heading: null, summary: "Prioritizing policies new hires ask about most" }
    ]),
    assistant(at(16), [
      "1) Core hours are 10–4. 2) Expenses over $500 need approval. 3) 25 days of PTO. 4) Security training within 30 days. 5) Equipment is returned on leaving.",
      [fileCite("employee-handbook-2025.pdf")]
    ])
  ]),
  thread(alice, epoch + minutes(124), null, active, (at) => [
    user(at(0), "What's the capital of Australia?"),
    assistant(at(2), "Canberra.")
  ]),
  thread(bob, epoch + minutes(124), "Rename files by date", locked("Rate limit exceeded for this workspace"), (at) => [
    user(at(0), "Rename all photos in /Pictures/2025 to YYYY-MM-DD_HHMM.jpg"),
    toolCall(at(1), "call_fs_ls_9", "list_files", { path: "/Pictures/2025", pattern: "*.jpg" }, {
      count: 1312
    }),
    task(at(2), "thought", "Planning the renames", "1,312 files; 17 would collide without a suffix")
  ]),
  thread(chen, epoch + minutes(150), "Birthday message for grandma", closed("Completed"), (at) => [
    user(at(0), "Write a short, warm birthday message for my grandma turning 90."),
    assistant(at(3), "Happy 90th birthday, Grandma! Thank you for every story, every hug and every Sunday dinner.")
  ]),
  thread(dana, epoch + minutes(150), "Kubernetes pod stuck in CrashLoopBackOff", active, (at) => [
    user(at(0), [
      text("My pod keeps restarting. Logs end with:"),
      quote("panic: dial tcp 10.0.3.12:5432: connect: connection refused")
    ], { attachments: [file("att_demo_deploy", "deployment.yaml", "application/yaml")] }),
    task(at(2), "custom", "Inspecting deployment.yaml", "Found DATABASE_HOST pointing at a pod IP"),
    assistant(at(11), [
      "The app connects to a pod IP that changes on restart. Point DATABASE_HOST at the Service name instead.",
      [fileCite("deployment.yaml"), urlCite("https://kubernetes.io/docs/concepts/services-networking/service/")]
    ])
  ]),
  thread(alice, epoch + minutes(181), "Japanese study plan", active, (at) => [
    user(at(0), "Make me a 12-week plan to pass JLPT N4.", { model: "gpt-5-mini", tool: "calendar" }),
    toolCall(at(2), "call_cal_44", "create_events", { weeks: 12, per_week: 4, duration_min: 45 }, {
      created: 48
    }),
    assistant(at(8), "Done: 48 study sessions of 45 minutes are in your calendar, four per week.")
  ]),
  thread(bob, epoch + minutes(200), "Invoice INV-2025-0931 overdue", closed("Paid"), (at) => [
    user(at(0), "Send a polite reminder about invoice INV-2025-0931.", {
      attachments: [file("att_demo_inv", "INV-2025-0931.pdf", "application/pdf")]
    }),
    assistant(at(6), "Here's a draft reminder. I referenced the due date, Sept 30, and the amount, $2,150.")
  ]),
  thread(chen, epoch + minutes(200), "Unit conversion", active, (at) => [
    user(at(0), "350°F in Celsius?"),
    assistant(at(1), "About 177°C.")
  ]),
  thread(dana, epoch + minutes(200), "Design a logo", active, (at) => [
    user(at(0), "Sketch logo ideas for a bakery called Crumb & Co.", {
      attachments: [image("att_demo_moodboard", "moodboard.webp", "image/webp")]
    }),
    task(at(2), "custom", null, "Generating 3 concepts"),
    widget(at(30), {
      type: "Card",
      children: [
        { type: "Title", value: "Crumb & Co. concepts" },
        { type: "Image", src: "https://files.example.com/demo/crumb-1.png", alt: "Wheat ampersand" },
        { type: "Image", src: "https://files.example.com/demo/crumb-2.png", alt: "Croissant monogram" }
      ]
    })
  ]),
  thread(alice, epoch + minutes(240), "Meal prep for the week", active, (at) => [
    user(at(0), "High-protein meal prep for 5 lunches, no fish."),
    taskGroup(at(2), [
      { type: "thought", heading: "Balancing macros", summary: "~40 g protein per lunch" },
      { type: "custom", heading: "Writing the shopping list", summary: null }
    ]),
    assistant(at(10), "Chicken and quinoa bowls on Mon/Wed/Fri, lentil chili on Tue/Thu. Shopping list below.")
  ]),
  thread(bob, epoch + minutes(255), "Regex for UK postcodes", active, (at) => [
    user(at(0), "Regex that validates UK postcodes?"),
    assistant(
      at(3),
      ["^[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}$ covers the common formats; the official one also allows GIR 0AA.", [
        urlCite("https://www.gov.uk/government/publications/bulk-data-transfer-for-sponsors-xml-schema")
      ]]
    )
  ]),
  thread(chen, epoch + minutes(255), null, locked("Flagged by content filter"), (at) => [
    user(at(0), "[message removed]")
  ]),
  thread(dana, epoch + minutes(300), "Prepare for the product review", active, (at) => [
    user(at(0), "Prepare talking points for tomorrow's product review.", {
      attachments: [
        file(
          "att_demo_roadmap",
          "roadmap-h2.xlsx",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ),
        image("att_demo_chart", "retention-chart.png")
      ]
    }),
    toolCall(at(2), "call_docs_512", "search_docs", { query: "H2 roadmap decisions" })
  ])
]

/**
 * Creates every demo thread with its items, in order, through the fake's admin handle.
 *
 * @since 0.1.0
 * @category seeding
 */
export const seed = (admin: ThreadsFake.ThreadsFake.Admin): Effect.Effect<void> =>
  Effect.forEach(
    threads,
    ({ items, thread }) =>
      Effect.flatMap(admin.createThread(thread), (created) =>
        Effect.orDie(Effect.forEach(items, (item) => admin.addItem(created.id, item), { discard: true }))),
    {
      discard: true
    }
  )
