/**
 * The `chatkit` command: browse ChatKit threads and create and cancel sessions, in the live API or in the
 * built-in fake, and serve the fake.
 *
 * @since 0.1.0
 */

/**
 * The `chatkit` command and how to run it in-process.
 *
 * @since 0.1.0
 */
export * as Cli from "./Cli.js"

/**
 * A realistic, deterministic demo data set of threads and items of every variant.
 *
 * @since 0.1.0
 */
export * as DemoData from "./DemoData.js"

/**
 * Where the command writes: results to standard output, the rest to standard error.
 *
 * @since 0.1.0
 */
export * as Stdio from "./Stdio.js"
