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
 * Registers one property: `run` gets each generated input and the way to reach fresh services.
 *
 * @internal
 */
export type Test<R> = <A>(
  name: string,
  arbitrary: fc.Arbitrary<A>,
  run: (input: A, provide: Provide<R>) => Effect.Effect<void, unknown>
) => void

/**
 * Registers one example: `run` gets the way to reach fresh services.
 *
 * @internal
 */
export type Example<R> = (name: string, run: (provide: Provide<R>) => Effect.Effect<void, unknown>) => void

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

/**
 * Drops the keys whose value is `undefined`, as parameters must not carry them.
 *
 * @internal
 */
export const compact = <A extends Record<string, unknown>>(
  params: A
): { readonly [K in keyof A]?: Exclude<A[K], undefined> } =>
  Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined)) as {
    readonly [K in keyof A]?: Exclude<A[K], undefined>
  }
