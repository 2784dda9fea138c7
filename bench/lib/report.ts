/** What each benchmark reports, and how it is printed as Markdown. */

/** Whether the run is the quick check of CI (tiny sizes) or the real measurement. */
export interface Config {
  readonly smoke: boolean
}

/** One line of a result table. */
export interface Row {
  readonly name: string
  readonly value: string
  readonly ratio?: string | undefined
  readonly context?: string | undefined
}

/** A goal of the issue, its measured figure and whether it was met. */
export interface Goal {
  readonly text: string
  readonly figure: string
  readonly met: boolean
}

/** The result of one benchmark. */
export interface Section {
  readonly title: string
  readonly rows: ReadonlyArray<Row>
  readonly goals: ReadonlyArray<Goal>
  readonly notes?: ReadonlyArray<string> | undefined
}

/** A benchmark: a name (for `pnpm bench <name>`) and a run. */
export interface Benchmark {
  readonly name: string
  readonly run: (config: Config) => Promise<Section>
}

/** Milliseconds with a precision that suits their size. */
export const ms = (value: number): string =>
  `${
    value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toFixed(3)
  } ms`

/** A ratio such as `1.23×`. */
export const ratio = (value: number, floor: number): string => `${(value / floor).toFixed(2)}×`

/** A large count with thousands separators. */
export const count = (value: number): string => Math.round(value).toLocaleString("en-US")

/** Bytes as MiB. */
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`

const cell = (text: string | undefined): string => (text ?? "").replace(/\|/g, "\\|")

/** A section as Markdown: its title, the table, its goals and notes. */
export const markdown = (section: Section): string => {
  const lines = [
    `### ${section.title}`,
    "",
    "| variant | median | ratio | context |",
    "| --- | ---: | ---: | --- |",
    ...section.rows.map((row) =>
      `| ${cell(row.name)} | ${cell(row.value)} | ${cell(row.ratio)} | ${cell(row.context)} |`
    ),
    "",
    ...section.goals.map((goal) => `- ${goal.met ? "**met**" : "**missed**"}: ${goal.text} — ${goal.figure}`)
  ]
  if (section.notes !== undefined && section.notes.length > 0) {
    lines.push(
      "",
      ...section.notes.map((note) => `- ${note}`)
    )
  }
  return lines.join("\n")
}
