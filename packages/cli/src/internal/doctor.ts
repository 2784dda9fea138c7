/**
 * `chatkit doctor`: examines the API read-only and compares every answer with the fake's, printing one line
 * per check (or the report as JSON) and ending with the exit code that says how it went.
 *
 * @internal
 */
import * as Doctor from "@effect-chatkit/testing/Doctor"
import * as Effect from "effect/Effect"
import * as Stdio from "../Stdio.js"
import * as Backend from "./backend.js"
import { escapeControls } from "./json.js"
import { errorMessage } from "./report.js"

/**
 * What `chatkit doctor` was asked for.
 *
 * @internal
 */
export interface Options extends Backend.Options, Doctor.Options {
  readonly json: boolean
}

/** The exit codes: every check agrees (or was skipped), some check differs, the API could not be examined. */
const exitCodes = { agrees: 0, differs: 1, couldNotRun: 2 } as const

/**
 * Runs the doctor and prints its report on standard output; an error that kept it from running (the key
 * refused, the API unreachable, bad configuration) is one line on standard error. Gives the exit code.
 *
 * @internal
 */
export const doctor = (options: Options): Effect.Effect<number, never, Stdio.Stdio> =>
  Doctor.run(options).pipe(
    Effect.provide(Backend.layer(options)),
    Effect.flatMap((report) =>
      Effect.as(
        // API text in the report is within JSON string literals in either form
        Stdio.stdout(escapeControls(options.json ? `${JSON.stringify(report, null, 2)}\n` : Doctor.text(report))),
        report.differs > 0 ? exitCodes.differs : exitCodes.agrees
      )
    ),
    Effect.catchAll((error) => Effect.as(Stdio.stderr(`error: ${errorMessage(error)}\n`), exitCodes.couldNotRun))
  )
