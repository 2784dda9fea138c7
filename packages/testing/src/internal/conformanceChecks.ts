/**
 * What every conformance property shares: the way properties and examples are registered over fresh services
 * (`Suite`), the assertion that an effect fails with a given error naming its parameter, and small helpers.
 *
 * @internal
 */
import type * as ChatKitError from "@effect-chatkit/core/ChatKitError"
import { assert } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as fc from "effect/FastCheck"
import * as Stream from "effect/Stream"

/**
 * Runs a program against services built afresh from the layer under test.
 *
 * @internal
 */
export type Provide<R> = <A, E>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, unknown>

/**
 * The way to register properties and examples over fresh services: `run` gets each generated input (a property)
 * and the way to reach services built afresh from the layer under test.
 *
 * @internal
 */
export interface Suite<R> {
  readonly test: <A>(
    name: string,
    arbitrary: fc.Arbitrary<A>,
    run: (input: A, provide: Provide<R>) => Effect.Effect<void, unknown>
  ) => void
  readonly example: (name: string, run: (provide: Provide<R>) => Effect.Effect<void, unknown>) => void
}

const statuses = { NotFoundError: 404, BadRequestError: 400 } as const

/**
 * Asserts that `effect` fails with the error tagged `tag`, naming `param` when one is given; an error that
 * came over HTTP must carry the status of its class (404, 400).
 *
 * @internal
 */
export const assertFails = <R>(
  effect: Effect.Effect<unknown, ChatKitError.ChatKitError, R>,
  tag: keyof typeof statuses,
  param?: string
): Effect.Effect<void, never, R> =>
  Effect.map(Effect.either(effect), (result) => {
    const expected = `${tag}${param === undefined ? "" : ` naming '${param}'`}`
    if (Either.isRight(result)) return assert.fail(`expected ${expected}, got a success`)
    const error = result.left
    if (error._tag !== tag) return assert.fail(`expected ${expected}, got ${error._tag}: ${error.message}`)
    if (param !== undefined) assert.strictEqual(error.param, param, `the param of ${expected}`)
    if (error.status !== undefined) assert.strictEqual(error.status, statuses[tag], `the status of ${expected}`)
  })

/**
 * @internal
 */
export const collect = <A, E, R>(stream: Stream.Stream<A, E, R>): Effect.Effect<ReadonlyArray<A>, E, R> =>
  Effect.map(Stream.runCollect(stream), Chunk.toReadonlyArray)

/**
 * The element at `index` modulo the length, `undefined` when there is none or no index.
 *
 * @internal
 */
export const pick = <A>(elements: ReadonlyArray<A>, index: number | undefined): A | undefined =>
  index === undefined || elements.length === 0 ? undefined : elements[index % elements.length]
