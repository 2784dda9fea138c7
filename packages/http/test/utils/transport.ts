import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { Clock, Effect } from "effect"

/** What the fake transport saw of one request. */
export interface Seen {
  readonly method: string
  readonly url: URL
  readonly headers: Readonly<Record<string, string>>
  /** The body as text, when there is one. */
  readonly body: string | undefined
  /** `Clock` time when it was sent, in milliseconds. */
  readonly at: number
}

/** One scripted reaction: an answer, a transport failure, or no answer ever. */
export type Reply =
  | {
    readonly _tag: "Answer"
    readonly status: number
    readonly body?: string | undefined
    readonly headers?: Record<string, string> | undefined
  }
  | { readonly _tag: "Stream"; readonly status: number; readonly pull: () => Uint8Array }
  | { readonly _tag: "Fail"; readonly cause: unknown }
  | { readonly _tag: "Hang" }

export const answer = (status: number, body?: unknown, headers?: Record<string, string>): Reply => ({
  _tag: "Answer",
  status,
  body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  headers
})

/** An answer whose body is streamed without a declared length, each chunk what `pull` gives, for ever. */
export const streamed = (status: number, pull: () => Uint8Array): Reply => ({ _tag: "Stream", status, pull })

export const fail = (cause: unknown): Reply => ({ _tag: "Fail", cause })

export const hang: Reply = { _tag: "Hang" }

/**
 * An `HttpClient` that answers each request with the next reply of the script (the last one repeats) and
 * records what it was sent, and when.
 */
export const scripted = (script: ReadonlyArray<Reply>) => {
  const seen: Array<Seen> = []
  const client = HttpClient.make((request, url) =>
    Effect.flatMap(Clock.currentTimeMillis, (at) => {
      const reply = script[Math.min(seen.length, script.length - 1)]
      if (reply === undefined) return Effect.die("the script has no reply")
      seen.push({ method: request.method, url, headers: { ...request.headers }, body: bodyText(request), at })
      return respond(request, reply)
    })
  )
  return { client, seen }
}

const bodyText = (request: HttpClientRequest.HttpClientRequest): string | undefined =>
  request.body._tag === "Uint8Array" ? new TextDecoder().decode(request.body.body) : undefined

const respond = (request: HttpClientRequest.HttpClientRequest, reply: Reply) => {
  switch (reply._tag) {
    case "Hang":
      return Effect.never
    case "Fail":
      return Effect.fail(
        new HttpClientError.RequestError({ request, reason: "Transport", cause: reply.cause })
      )
    case "Stream":
      return Effect.succeed(HttpClientResponse.fromWeb(
        request,
        new Response(new ReadableStream({ pull: (controller) => controller.enqueue(reply.pull()) }), reply)
      ))
    case "Answer":
      return Effect.succeed(HttpClientResponse.fromWeb(
        request,
        new Response(reply.body ?? null, {
          status: reply.status,
          headers: { "content-type": "application/json", ...reply.headers }
        })
      ))
  }
}
