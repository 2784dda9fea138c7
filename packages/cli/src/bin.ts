#!/usr/bin/env node
/**
 * The `chatkit` executable.
 *
 * @since 0.1.0
 */
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Cli from "./Cli.js"
import * as Stdio from "./Stdio.js"

Cli.run(process.argv).pipe(
  Effect.catchTag("CommandFailed", ({ exitCode }) =>
    Effect.sync(() => {
      process.exitCode = exitCode
    })),
  Effect.provide(Layer.merge(NodeContext.layer, Stdio.layer)),
  NodeRuntime.runMain
)
