/**
 * Where the `chatkit` command writes: results to standard output, everything else (which backend it uses,
 * progress, errors) to standard error, so that `chatkit … --json | jq` only ever sees results.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Predicate from "effect/Predicate"

/**
 * @since 0.1.0
 * @category tags
 */
export class Stdio extends Context.Tag("@effect-chatkit/cli/Stdio")<Stdio, Stdio.Service>() {}

/**
 * @since 0.1.0
 */
export declare namespace Stdio {
  /**
   * @since 0.1.0
   * @category models
   */
  export interface Service {
    /** Writes `text` as it is (no newline added) to standard output. */
    readonly stdout: (text: string) => Effect.Effect<void>
    /** Writes `text` as it is (no newline added) to standard error. */
    readonly stderr: (text: string) => Effect.Effect<void>
    /** Whether standard error is a terminal, where progress may redraw one line. */
    readonly stderrIsTTY: boolean
    /** The width of the terminal when standard output is one, which tables then fit in. */
    readonly stdoutColumns: number | undefined
  }
}

const isBrokenPipe = (error: unknown): boolean => Predicate.hasProperty(error, "code") && error.code === "EPIPE"

const write = (stream: NodeJS.WriteStream) => (text: string): Effect.Effect<void> =>
  Effect.async((resume) => {
    stream.write(text, (error) => resume(isBrokenPipe(error) ? Effect.interrupt : Effect.void))
  })

const ignoreBrokenPipe = (error: unknown) => {
  if (!isBrokenPipe(error)) throw error
}

const watch = (stream: NodeJS.WriteStream) =>
  Effect.acquireRelease(
    Effect.sync(() => stream.on("error", ignoreBrokenPipe)),
    () => Effect.sync(() => stream.off("error", ignoreBrokenPipe))
  )

/**
 * The standard streams of this process. When the reader of a stream goes away (`chatkit … | head -1`), the
 * program is interrupted quietly, as a Unix command stops on `SIGPIPE`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Stdio> = Layer.scoped(
  Stdio,
  Effect.as(Effect.zip(watch(process.stdout), watch(process.stderr)), {
    stdout: write(process.stdout),
    stderr: write(process.stderr),
    stderrIsTTY: process.stderr.isTTY === true,
    stdoutColumns: process.stdout.isTTY === true && process.stdout.columns > 0 ? process.stdout.columns : undefined
  })
)

/**
 * Writes `text` to standard output.
 *
 * @since 0.1.0
 * @category accessors
 */
export const stdout = (text: string): Effect.Effect<void, never, Stdio> =>
  Effect.flatMap(Stdio, (stdio) => stdio.stdout(text))

/**
 * Writes `text` to standard error.
 *
 * @since 0.1.0
 * @category accessors
 */
export const stderr = (text: string): Effect.Effect<void, never, Stdio> =>
  Effect.flatMap(Stdio, (stdio) => stdio.stderr(text))
