/**
 * Progress of paging through a whole list, on standard error.
 *
 * @internal
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { Stdio } from "../Stdio.js"
import { plural } from "./view.js"

const clearLine = "\r\x1b[2K"

/**
 * Reports how many elements have arrived after each page of `stream` (one chunk per page). On a terminal
 * the count is redrawn in place and a final count stays when the stream ends, fails or is interrupted;
 * elsewhere each page writes a plain `fetched 1 thread…` line.
 * `noun` is in the singular.
 *
 * @internal
 */
export const track = (noun: string) => <A, E, R>(stream: Stream.Stream<A, E, R>): Stream.Stream<A, E, R | Stdio> =>
  Stream.unwrapScoped(Effect.gen(function*() {
    const stdio = yield* Stdio
    let count = 0
    const counted = (n: number) => `fetched ${plural(n, noun)}`
    if (stdio.stderrIsTTY) {
      yield* Effect.addFinalizer(() => stdio.stderr(`${clearLine}${counted(count)}\n`))
    }
    return Stream.mapChunksEffect(stream, (chunk) => {
      count += Chunk.size(chunk)
      return Effect.as(
        stdio.stderr(stdio.stderrIsTTY ? `${clearLine}${counted(count)}…` : `${counted(count)}…\n`),
        chunk
      )
    })
  }))
