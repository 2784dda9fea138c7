import { ThreadsService } from "@effect-chatkit/core"
import { ChatKitClient } from "@effect-chatkit/http"
import { NodeHttpClient, NodeRuntime } from "@effect/platform-node"
import { Array, Console, Effect, Layer, Option, Stream } from "effect"

const program = Effect.gen(function*() {
  // one page, newest first
  const page = yield* ThreadsService.list({ limit: 10 })
  yield* Console.log(page.data.map((thread) => thread.title ?? "(untitled)"))

  // the items of the newest thread, oldest first, fetched page by page as the stream is pulled
  yield* Option.match(Array.head(page.data), {
    onNone: () => Console.log("no threads yet"),
    onSome: (thread) =>
      ThreadsService.streamItems(thread.id, { order: "asc" }).pipe(
        Stream.runForEach((item) => Console.log(item.type))
      )
  })
}).pipe(
  Effect.catchTag("NotFoundError", (error) => Console.error(error.message))
)

// reads OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID and OPENAI_PROJECT_ID
const ChatKitLive = ChatKitClient.layerConfig().pipe(Layer.provide(NodeHttpClient.layerUndici))

program.pipe(Effect.provide(ChatKitLive), NodeRuntime.runMain)
