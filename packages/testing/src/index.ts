/**
 * Testing tools for effect-chatkit: a deterministic in-memory `ThreadsService`, fast-check arbitraries of
 * the ChatKit models and store fixtures.
 *
 * @since 0.1.0
 */

/**
 * fast-check arbitraries of the ChatKit models, of the fake's admin inputs, and of whole store fixtures.
 *
 * @since 0.1.0
 */
export * as Arbitraries from "./Arbitraries.js"

/**
 * A conformance suite for any `ThreadsService`: fast-check properties of the paging contract, checked
 * against a plain sorted-array model.
 *
 * @since 0.1.0
 */
export * as Conformance from "./Conformance.js"

/**
 * A deterministic in-memory `ThreadsService` with an admin handle to seed it and inject faults.
 *
 * @since 0.1.0
 */
export * as ThreadsFake from "./ThreadsFake.js"

/**
 * A fake of OpenAI's ChatKit Threads REST API over a real socket: the fake's store behind
 * `/v1/chatkit/threads...` with OpenAI's wire format, errors and faults, plus optional admin routes.
 *
 * @since 0.1.0
 */
export * as ThreadsFakeServer from "./ThreadsFakeServer.js"
