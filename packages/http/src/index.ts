/**
 * The production `ThreadsService` and `SessionsService`: OpenAI's ChatKit REST API over `@effect/platform`'s
 * `HttpClient`.
 *
 * @since 0.1.0
 */

/**
 * The production `ThreadsService` and `SessionsService` over `@effect/platform`'s `HttpClient`: `make`, `layer`
 * and `layerConfig`.
 *
 * @since 0.1.0
 */
export * as ChatKitClient from "./ChatKitClient.js"
