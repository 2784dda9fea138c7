/**
 * Printing a list: one page, or every page with `--all`, as a table or as wire JSON.
 *
 * @internal
 */
import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import type * as Page from "@effect-chatkit/core/Page"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as Stdio from "../Stdio.js"
import { track } from "./progress.js"
import * as TerminalText from "./terminalText.js"

/**
 * How one kind of list is fetched and shown.
 *
 * @internal
 */
export interface Listing<A, R> {
  /** What is listed, in the singular, e.g. `thread`. */
  readonly noun: string
  readonly page: Effect.Effect<Page.Page<A>, ChatKitError.ChatKitError, R>
  readonly stream: Stream.Stream<A, ChatKitError.ChatKitError, R>
  /** The elements as a table, in at most `maxWidth` columns when given. */
  readonly table: (data: ReadonlyArray<A>, maxWidth?: number) => string
  /** The page object, as the API sends it. */
  readonly pageJson: (page: Page.Page<A>) => string
  /** One element as a line of JSON Lines. */
  readonly lineJson: (element: A) => string
}

/**
 * What the user asked for: every page or one, JSON or a table.
 *
 * @internal
 */
export interface Format {
  readonly all: boolean
  readonly json: boolean
}

/** The table of `data` on standard output, or a line on standard error that there is nothing to show. */
const printTable = <A, R>(listing: Listing<A, R>, data: ReadonlyArray<A>) =>
  Effect.flatMap(Stdio.Stdio, (stdio) =>
    data.length === 0
      ? stdio.stderr(`no ${listing.noun}s found\n`)
      : stdio.stdout(listing.table(data, stdio.stdoutColumns)))

const onePage = <A, R>(listing: Listing<A, R>, json: boolean) =>
  Effect.flatMap(listing.page, (page) =>
    json
      ? Stdio.stdout(listing.pageJson(page))
      : Effect.zipRight(
        printTable(listing, page.data),
        page.has_more && page.last_id !== null
          ? Stdio.stderr(
            `more ${listing.noun}s follow: add --after ${TerminalText.visible(page.last_id)}, or --all for every page\n`
          )
          : Effect.void
      ))

/**
 * Prints what `format` asks for. With `--all --json` every element is written as one line of JSON Lines as
 * soon as its page arrives; with `--all` alone the table is printed once every page has arrived. Either way
 * progress goes to standard error.
 *
 * @internal
 */
export const print = <A, R>(
  listing: Listing<A, R>,
  format: Format
): Effect.Effect<void, ChatKitError.ChatKitError, R | Stdio.Stdio> => {
  if (!format.all) return onePage(listing, format.json)
  const tracked = track(listing.noun)(listing.stream)
  return format.json
    ? Stream.runForEach(tracked, (element) => Stdio.stdout(listing.lineJson(element)))
    : Effect.flatMap(Stream.runCollect(tracked), (all) => printTable(listing, Chunk.toReadonlyArray(all)))
}
