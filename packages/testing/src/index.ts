/**
 * Testing tools for effect-chatkit: deterministic in-memory `ThreadsService` and `SessionsService` fakes, a
 * fake server, fast-check arbitraries of the ChatKit models and store fixtures, and conformance suites.
 *
 * @since 0.1.0
 */

/**
 * The whole in-memory fake: a `ThreadsFake` and a `SessionsFake` behind one fault queue and one latency.
 *
 * @since 0.1.0
 */
export * as ChatKitFake from "./ChatKitFake.js"

/**
 * fast-check arbitraries of the ChatKit models, of the fake's admin inputs, and of whole store fixtures.
 *
 * @since 0.1.0
 */
export * as Arbitraries from "./Arbitraries.js"

/**
 * What every fake's admin handle offers to make calls fail or slow down.
 *
 * @since 0.1.0
 */
export * as FaultInjection from "./FaultInjection.js"

/**
 * Proves the fake against a real account: examines any `ThreadsService` with read-only calls and compares
 * every answer with what the fake would answer for the same data.
 *
 * @since 0.1.0
 */
export * as Doctor from "./Doctor.js"

/**
 * A deterministic in-memory `SessionsService` with an admin handle to inject faults and read its sessions.
 *
 * @since 0.1.0
 */
export * as SessionsFake from "./SessionsFake.js"

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
export * as ChatKitFakeServer from "./ChatKitFakeServer.js"
