import { ChatKitFakeServer } from "@effect-chatkit/testing"
import { assert } from "@effect/vitest"
import { Effect } from "effect"

export interface Reply {
  readonly status: number
  readonly headers: Headers
  readonly body: unknown
}

export interface Call {
  readonly method?: string | undefined
  readonly key?: string | null | undefined
  readonly beta?: string | null | undefined
  readonly body?: string | undefined
  readonly headers?: Record<string, string> | undefined
}

export const send = (url: string, call: Call = {}) =>
  Effect.tryPromise(async (signal): Promise<Reply> => {
    const headers: Record<string, string> = { ...call.headers }
    const key = call.key === undefined ? "sk-test" : call.key
    const beta = call.beta === undefined ? "chatkit_beta=v1" : call.beta
    if (key !== null) headers.authorization = `Bearer ${key}`
    if (beta !== null) headers["openai-beta"] = beta
    const response = await fetch(url, { method: call.method ?? "GET", headers, body: call.body ?? null, signal })
    const text = await response.text()
    return { status: response.status, headers: response.headers, body: text === "" ? undefined : JSON.parse(text) }
  })

export const openAiError = (
  message: string,
  param: string | null,
  code: string | null,
  type = "invalid_request_error"
) => ({
  error: { message, type, param, code }
})

export const assertReply = (reply: Reply, status: number, body: unknown) => {
  assert.strictEqual(reply.status, status)
  assert.deepStrictEqual(reply.body, body)
}

export const withServer = <A, E>(
  options: ChatKitFakeServer.Options,
  body: (server: ChatKitFakeServer.Server) => Effect.Effect<A, E>
) => Effect.flatMap(ChatKitFakeServer.ChatKitFakeServer, body).pipe(Effect.provide(ChatKitFakeServer.layer(options)))
