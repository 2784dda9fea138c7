/**
 * The production `ThreadsService`: OpenAI's ChatKit Threads REST API over `@effect/platform`'s `HttpClient`.
 *
 * @since 0.1.0
 */

/**
 * The production `ThreadsService` over `@effect/platform`'s `HttpClient`: `make`, `layer` and `layerConfig`.
 *
 * @since 0.1.0
 */
export * as ChatKitClient from "./ChatKitClient.js"
