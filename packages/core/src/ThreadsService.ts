/**
 * The ChatKit threads service: list, stream, retrieve and delete threads, and list or stream their items.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import type { ChatKitError, RequestError } from "./ChatKitError.js"
import { BadRequestError } from "./ChatKitError.js"
import { paginate } from "./internal/paging.js"
import { withSpan, withStreamSpan } from "./internal/span.js"
import { validate, validateThreadId } from "./internal/validation.js"
import { ListItemsParams, ListThreadsParams } from "./ListParams.js"
import type { Page } from "./Page.js"
import type { Thread, ThreadDeleted } from "./Thread.js"
import type { ThreadItem } from "./ThreadItem.js"

/**
 * The service tag. Provide it with the HTTP layer of `@effect-chatkit/http` in production, or with the
 * in-memory fake of `@effect-chatkit/testing` in tests.
 *
 * @since 0.1.0
 * @category tags
 */
export class ThreadsService extends Context.Tag("@effect-chatkit/core/ThreadsService")<
  ThreadsService,
  ThreadsService.Service
>() {}

/**
 * @since 0.1.0
 */
export declare namespace ThreadsService {
  /**
   * @since 0.1.0
   * @category models
   */
  export interface Service {
    /** One page of threads, newest first unless `order: "asc"`. */
    readonly list: (params?: ListThreadsParams.Encoded) => Effect.Effect<Page<Thread>, RequestError>
    /** Every thread from `params.after` on, fetching pages of `params.limit` as the stream is pulled. */
    readonly stream: (params?: ListThreadsParams.Encoded) => Stream.Stream<Thread, ChatKitError>
    /** One thread by id. */
    readonly retrieve: (threadId: string) => Effect.Effect<Thread, RequestError>
    /** Deletes a thread with its items. */
    readonly delete: (threadId: string) => Effect.Effect<ThreadDeleted, RequestError>
    /** One page of a thread's items, newest first unless `order: "asc"`. */
    readonly listItems: (
      threadId: string,
      params?: ListItemsParams.Encoded
    ) => Effect.Effect<Page<ThreadItem>, RequestError>
    /** Every item of a thread from `params.after` on, fetching pages as the stream is pulled. */
    readonly streamItems: (
      threadId: string,
      params?: ListItemsParams.Encoded
    ) => Stream.Stream<ThreadItem, ChatKitError>
  }

  /**
   * The one-shot operations an implementation provides; `make` adds validation, spans and streams. They
   * receive only valid parameters and non-empty thread ids.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Operations {
    readonly list: (params: ListThreadsParams) => Effect.Effect<Page<Thread>, RequestError>
    readonly retrieve: (threadId: string) => Effect.Effect<Thread, RequestError>
    readonly delete: (threadId: string) => Effect.Effect<ThreadDeleted, RequestError>
    readonly listItems: (threadId: string, params: ListItemsParams) => Effect.Effect<Page<ThreadItem>, RequestError>
  }
}

const validateThreadsParams = validate(ListThreadsParams)
const validateItemsParams = validate(ListItemsParams)

const streamLimitError = new BadRequestError({
  message: "Invalid 'limit': a stream needs pages of at least 1 element, but got 0.",
  type: "invalid_request_error",
  code: "integer_below_min_value",
  param: "limit"
})

const paramAttributes = (params: ListItemsParams.Encoded & { readonly user?: string | undefined }) => ({
  "chatkit.limit": params.limit,
  "chatkit.order": params.order,
  "chatkit.after": params.after ?? undefined,
  "chatkit.before": params.before ?? undefined,
  "chatkit.user": params.user
})

/**
 * Builds the whole service from the four one-shot operations, so that every implementation validates and
 * pages the same way:
 *
 * - parameters are checked before any operation runs: invalid ones, unknown keys and empty thread ids fail
 *   with a `BadRequestError` naming the `param`;
 * - `stream` and `streamItems` request `after = last_id` until `has_more` is false, follow empty pages that
 *   still have a cursor, and fail with a `PaginationError` on a missing or repeated cursor;
 * - each call runs in a span `ThreadsService.<operation>`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (operations: ThreadsService.Operations): ThreadsService.Service => {
  const listPage = (params: ListThreadsParams) =>
    operations.list(params).pipe(withSpan("ThreadsService.list", paramAttributes(params)))

  const listItemsPage = (threadId: string, params: ListItemsParams) =>
    operations.listItems(threadId, params).pipe(
      withSpan("ThreadsService.listItems", { "chatkit.thread_id": threadId, ...paramAttributes(params) })
    )

  const pages = <P extends ListItemsParams, A>(
    params: P,
    fetchPage: (params: P) => Effect.Effect<Page<A>, RequestError>
  ): Stream.Stream<A, ChatKitError> =>
    params.limit === 0
      ? Stream.fail(streamLimitError)
      : paginate(params.after, (after) => fetchPage(after === undefined ? params : { ...params, after }))

  return {
    list: (params = {}) => Effect.flatMap(validateThreadsParams(params), listPage),
    stream: (params = {}) =>
      Stream.unwrap(Effect.map(validateThreadsParams(params), (valid) => pages(valid, listPage))).pipe(
        withStreamSpan("ThreadsService.stream", paramAttributes(params))
      ),
    retrieve: (threadId) =>
      Effect.flatMap(validateThreadId(threadId), operations.retrieve).pipe(
        withSpan("ThreadsService.retrieve", { "chatkit.thread_id": threadId })
      ),
    delete: (threadId) =>
      Effect.flatMap(validateThreadId(threadId), operations.delete).pipe(
        withSpan("ThreadsService.delete", { "chatkit.thread_id": threadId })
      ),
    listItems: (threadId, params = {}) =>
      Effect.flatMap(
        Effect.zip(validateThreadId(threadId), validateItemsParams(params)),
        ([id, valid]) => listItemsPage(id, valid)
      ),
    streamItems: (threadId, params = {}) =>
      Stream.unwrap(Effect.map(
        Effect.zip(validateThreadId(threadId), validateItemsParams(params)),
        ([id, valid]) => pages(valid, (page) => listItemsPage(id, page))
      )).pipe(
        withStreamSpan("ThreadsService.streamItems", { "chatkit.thread_id": threadId, ...paramAttributes(params) })
      )
  }
}

/**
 * One page of threads, from the `ThreadsService` in context.
 *
 * @since 0.1.0
 * @category accessors
 */
export const list = (params?: ListThreadsParams.Encoded): Effect.Effect<Page<Thread>, RequestError, ThreadsService> =>
  Effect.flatMap(ThreadsService, (service) => service.list(params))

/**
 * Every thread, from the `ThreadsService` in context.
 *
 * @since 0.1.0
 * @category accessors
 */
export const stream = (params?: ListThreadsParams.Encoded): Stream.Stream<Thread, ChatKitError, ThreadsService> =>
  Stream.unwrap(Effect.map(ThreadsService, (service) => service.stream(params)))

/**
 * One thread, from the `ThreadsService` in context.
 *
 * @since 0.1.0
 * @category accessors
 */
export const retrieve = (threadId: string): Effect.Effect<Thread, RequestError, ThreadsService> =>
  Effect.flatMap(ThreadsService, (service) => service.retrieve(threadId))

/**
 * Deletes a thread, through the `ThreadsService` in context.
 *
 * @since 0.1.0
 * @category accessors
 */
const delete_ = (threadId: string): Effect.Effect<ThreadDeleted, RequestError, ThreadsService> =>
  Effect.flatMap(ThreadsService, (service) => service.delete(threadId))

export {
  /**
   * Deletes a thread, through the `ThreadsService` in context.
   *
   * @since 0.1.0
   * @category accessors
   */
  delete_ as delete
}

/**
 * One page of a thread's items, from the `ThreadsService` in context.
 *
 * @since 0.1.0
 * @category accessors
 */
export const listItems = (
  threadId: string,
  params?: ListItemsParams.Encoded
): Effect.Effect<Page<ThreadItem>, RequestError, ThreadsService> =>
  Effect.flatMap(ThreadsService, (service) => service.listItems(threadId, params))

/**
 * Every item of a thread, from the `ThreadsService` in context.
 *
 * @since 0.1.0
 * @category accessors
 */
export const streamItems = (
  threadId: string,
  params?: ListItemsParams.Encoded
): Stream.Stream<ThreadItem, ChatKitError, ThreadsService> =>
  Stream.unwrap(Effect.map(ThreadsService, (service) => service.streamItems(threadId, params)))
