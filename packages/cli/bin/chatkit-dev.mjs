#!/usr/bin/env node
// The `chatkit` command inside this repository: runs the TypeScript sources through tsx. The published
// package runs its built bundle instead (`publishConfig.bin`). Being a bin rather than a package script,
// `pnpm chatkit …` runs it as `pnpm exec` does, without the banner `pnpm run` prints on stdout, so that
// `pnpm chatkit threads list --json | jq` gets JSON only.
import { register } from "tsx/esm/api"

register()
await import("../src/bin.ts")
