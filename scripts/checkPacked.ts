/**
 * Checks the packages as npm would install them, outside the workspace: `pnpm pack` each one, unpack the
 * tarballs into the `node_modules` of an empty project (their third-party dependencies linked from this
 * workspace, so no network is needed), and there
 *
 * - every tarball has its README, and its `package.json` points `exports` and `bin` at the built `dist/`, with no
 *   `workspace:` left;
 * - every public module imports with plain `node`, outside any test runner;
 * - the README's examples type-check against the packed typings (strict, `exactOptionalPropertyTypes`) and
 *   its example tests pass;
 * - the `chatkit` executable lists threads of its built-in fake, and `chatkit serve --demo` answers the HTTP
 *   client of another `chatkit` process.
 *
 * Run with `pnpm check:packed` (after `pnpm build`); exits with 1 and says what failed otherwise.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const packageNames = ["core", "http", "testing", "cli"] as const
const scope = "@effect-chatkit"

interface PackageJson {
  readonly name: string
  readonly exports: Record<string, unknown>
  readonly bin?: Record<string, string>
  readonly dependencies?: Record<string, string>
  readonly peerDependencies?: Record<string, string>
}

class CheckFailed extends Error {}

const fail = (message: string): never => {
  throw new CheckFailed(message)
}

const run = (command: string, args: ReadonlyArray<string>, cwd: string, label = `${command} ${args.join(" ")}`) => {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } })
  if (result.status !== 0) {
    fail(`\`${label}\` exited with ${result.status ?? result.signal}:\n${result.stdout}${result.stderr}`)
  }
  return result.stdout
}

const readJson = <A>(path: string): A => JSON.parse(readFileSync(path, "utf8")) as A

/** The public modules of a package: the names of its `src/*.ts` but the barrel. */
const publicModules = (name: string): ReadonlyArray<string> =>
  readdirSync(join(root, "packages", name, "src"))
    .filter((file) => file.endsWith(".ts") && file !== "index.ts")
    .map((file) => file.slice(0, -3))

/** Packs every package and unpacks it into `project/node_modules`, linking the dependencies it names. */
const install = (work: string, project: string): void => {
  const tarballs = join(work, "tarballs")
  run("pnpm", ["-r", "--filter", "./packages/*", "pack", "--pack-destination", tarballs], root)
  const link = (dependency: string, from: string) => {
    const target = join(project, "node_modules", dependency)
    if (existsSync(target)) return
    const source = join(from, "node_modules", dependency)
    if (!existsSync(source)) fail(`${dependency} is not installed in ${from}`)
    mkdirSync(dirname(target), { recursive: true })
    symlinkSync(realpathSync(source), target, "dir")
  }
  for (const name of packageNames) {
    const tarball = readdirSync(tarballs).find((file) => file.startsWith(`effect-chatkit-${name}-`))
    if (tarball === undefined) return fail(`pnpm pack wrote no tarball for ${scope}/${name}`)
    const target = join(project, "node_modules", scope, name)
    mkdirSync(target, { recursive: true })
    run("tar", ["-xzf", join(tarballs, tarball), "-C", target, "--strip-components=1"], root)
    const manifest = readJson<PackageJson>(join(target, "package.json"))
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      if (!dependency.startsWith(`${scope}/`)) link(dependency, join(root, "packages", name))
    }
  }
  // what the examples need beyond the packages: their test runner and node's typings
  for (const dependency of ["@effect/vitest", "vitest", "@types/node"]) link(dependency, root)
}

/** Every `exports` target and `bin` of the packed manifests is built JavaScript that exists. */
const checkManifests = (project: string): void => {
  for (const name of packageNames) {
    const directory = join(project, "node_modules", scope, name)
    if (!existsSync(join(directory, "README.md"))) fail(`${scope}/${name}: the tarball has no README.md`)
    const text = readFileSync(join(directory, "package.json"), "utf8")
    if (text.includes("workspace:")) fail(`${scope}/${name}: the packed package.json still says workspace:`)
    const manifest = JSON.parse(text) as PackageJson
    const targets = JSON.stringify(manifest.exports)
    if (targets.includes("/src/") || !targets.includes("./dist/index.js")) {
      fail(`${scope}/${name}: exports do not point at dist/: ${targets}`)
    }
    for (const file of [...publicModules(name), "index"]) {
      for (const built of [`dist/${file}.js`, `dist/${file}.d.ts`]) {
        if (!existsSync(join(directory, built))) fail(`${scope}/${name}: ${built} is missing from the tarball`)
      }
    }
    for (const [command, path] of Object.entries(manifest.bin ?? {})) {
      if (!path.startsWith("./dist/")) fail(`${scope}/${name}: bin ${command} is ${path}, not built JavaScript`)
      if (!readFileSync(join(directory, path), "utf8").startsWith("#!/usr/bin/env node\n")) {
        fail(`${scope}/${name}: bin ${command} has no node shebang`)
      }
    }
  }
}

/** Every public module loads with plain node: the barrels and each module but the vitest-bound suites. */
const checkImports = (project: string): void => {
  const modules = packageNames.flatMap((name) => [
    `${scope}/${name}`,
    ...publicModules(name)
      .filter((module) => module !== "Conformance" && module !== "bin")
      .map((module) => `${scope}/${name}/${module}`)
  ])
  const script = [
    `const modules = ${JSON.stringify(modules)}`,
    "for (const module of modules) {",
    "  await import(module)",
    "  if (!import.meta.resolve(module).includes('/dist/')) throw new Error(`${module} does not resolve to dist/`)",
    "}"
  ].join("\n")
  run(process.execPath, ["--input-type=module", "-e", script], project, "node -e <import every public module>")
}

/** The README's examples, type-checked against the packed typings and their tests run with vitest. */
const checkExamples = (project: string): void => {
  const examples = join(root, "examples")
  cpSync(join(examples, "src"), join(project, "src"), { recursive: true })
  cpSync(join(examples, "test"), join(project, "test"), {
    recursive: true,
    // the README test reads files of this repository, not of the packages
    filter: (source) => !source.endsWith("readme.test.ts")
  })
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }))
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      include: ["src", "test"],
      compilerOptions: {
        strict: true,
        exactOptionalPropertyTypes: true,
        module: "NodeNext",
        moduleResolution: "NodeNext",
        target: "ES2022",
        lib: ["ES2022", "DOM"],
        types: ["node"],
        // as most projects have it (@effect/platform-node's typings need @types/ws, which it does not depend on)
        skipLibCheck: true,
        noEmit: true
      }
    })
  )
  run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", project], project)
  run(process.execPath, [join(project, "node_modules", "vitest", "vitest.mjs"), "run"], project)
}

const waitForUrl = (server: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    let output = ""
    server.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8")
      const match = /serving the fake ChatKit API at (\S+)/.exec(output)
      if (match !== null) resolve(match[1]!)
    })
    server.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8")
    })
    server.on("exit", (code) => reject(new CheckFailed(`chatkit serve exited with ${code}:\n${output}`)))
  })

/**
 * The threads in `chatkit threads list --json --all` output (one JSON thread a line) as `user: title` lines:
 * what the demo data fixes (ids come from each store's seed, timestamps from the clock).
 */
const demoThreads = (output: string): ReadonlyArray<string> =>
  output.trim().split("\n").map((line) => {
    const thread = JSON.parse(line) as { readonly object?: unknown; readonly user?: unknown; readonly title?: unknown }
    if (thread.object !== "chatkit.thread") fail(`not a thread: ${line}`)
    return `${thread.user}: ${thread.title}`
  })

/** The `chatkit` executable of the packed CLI: the built-in fake, then `serve --demo` over HTTP. */
const checkCli = async (project: string): Promise<void> => {
  const bin = join(
    project,
    "node_modules",
    scope,
    "cli",
    readJson<PackageJson>(
      join(project, "node_modules", scope, "cli", "package.json")
    ).bin?.chatkit ?? fail("the packed CLI has no chatkit bin")
  )
  const offline = { ...process.env }
  delete offline.OPENAI_API_KEY
  delete offline.OPENAI_BASE_URL
  const chatkit = (args: ReadonlyArray<string>) => {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: project, encoding: "utf8", env: offline })
    if (result.status !== 0) fail(`chatkit ${args.join(" ")} exited with ${result.status}:\n${result.stderr}`)
    return result.stdout
  }
  const builtIn = demoThreads(chatkit(["threads", "list", "--all", "--json"]))
  if (builtIn.length === 0) fail("chatkit threads list printed no threads of the built-in fake")
  const server = spawn(process.execPath, [bin, "serve", "--demo", "--port", "0"], { cwd: project, env: offline })
  try {
    const url = await waitForUrl(server)
    const served = demoThreads(chatkit(["threads", "list", "--all", "--json", "--base-url", url, "--api-key", "k"]))
    if (JSON.stringify(served) !== JSON.stringify(builtIn)) {
      fail(`chatkit serve --demo listed other threads than the built-in fake:\n${served.join("\n")}`)
    }
  } finally {
    server.kill()
  }
}

const main = async (): Promise<void> => {
  const work = mkdtempSync(join(tmpdir(), "effect-chatkit-packed-"))
  const project = join(work, "project")
  try {
    const steps: ReadonlyArray<readonly [string, () => void | Promise<void>]> = [
      ["pack and install", () => install(work, project)],
      ["packed manifests", () => checkManifests(project)],
      ["imports with node", () => checkImports(project)],
      ["examples type-check and pass", () => checkExamples(project)],
      ["chatkit executable", () => checkCli(project)]
    ]
    for (const [name, step] of steps) {
      const started = performance.now()
      await step()
      process.stdout.write(`✓ ${name} (${Math.round(performance.now() - started)} ms)\n`)
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `✗ ${error instanceof CheckFailed ? error.message : error instanceof Error ? error.stack : String(error)}\n`
  )
  process.exitCode = 1
})
