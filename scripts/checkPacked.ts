/**
 * Checks the packages as npm would install them, outside the workspace: `pnpm pack` each one, unpack the
 * tarballs into the `node_modules` of empty projects (third-party packages linked from this workspace, so no
 * network is needed), and there
 *
 * - every install line of every README (`pnpm add …`) names a version range of each third-party package, which
 *   the version this workspace is tested with satisfies, and the lines of a README together name every peer
 *   dependency of the packages they install;
 * - every tarball has its README, and its `package.json` points `exports` and `bin` at the built `dist/`, with no
 *   `workspace:` left;
 * - every public module imports with plain `node`, outside any test runner;
 * - in a project holding only what the root README's install lines install (the tarballs they name, the
 *   third-party packages at the versions they name, and node's typings), the README's examples type-check
 *   against the packed typings (strict, `exactOptionalPropertyTypes`), its example tests pass, and its
 *   programs run against `chatkit serve --demo`;
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

/** Links `dependency` into `project/node_modules` from the `node_modules` of the workspace directory `from`. */
const link = (project: string, dependency: string, from: string): void => {
  const target = join(project, "node_modules", dependency)
  if (existsSync(target)) return
  const source = join(from, "node_modules", dependency)
  if (!existsSync(source)) fail(`${dependency} is not installed in ${from}`)
  mkdirSync(dirname(target), { recursive: true })
  symlinkSync(realpathSync(source), target, "dir")
}

/** Packs every package into `work/tarballs`. */
const pack = (work: string): void => {
  run("pnpm", ["-r", "--filter", "./packages/*", "pack", "--pack-destination", join(work, "tarballs")], root)
}

/** Unpacks the tarball of `scope/name` into `project/node_modules` and gives its manifest. */
const unpack = (work: string, project: string, name: string): PackageJson => {
  const tarballs = join(work, "tarballs")
  const tarball = readdirSync(tarballs).find((file) => file.startsWith(`effect-chatkit-${name}-`))
  if (tarball === undefined) return fail(`pnpm pack wrote no tarball for ${scope}/${name}`)
  const target = join(project, "node_modules", scope, name)
  mkdirSync(target, { recursive: true })
  run("tar", ["-xzf", join(tarballs, tarball), "-C", target, "--strip-components=1"], root)
  return readJson<PackageJson>(join(target, "package.json"))
}

/** Every package unpacked, with every third-party package it names (dependencies and peers) linked. */
const installAll = (work: string, project: string): void => {
  for (const name of packageNames) {
    const manifest = unpack(work, project, name)
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      if (!dependency.startsWith(`${scope}/`)) link(project, dependency, join(root, "packages", name))
    }
  }
}

/** A package named on an install line, with the version range it gives (none for our own packages). */
interface Requested {
  readonly name: string
  readonly range: string | undefined
}

/** The packages of every `pnpm add` / `npm install` line of a Markdown text. */
const installLines = (markdown: string): ReadonlyArray<ReadonlyArray<Requested>> =>
  [...markdown.matchAll(/^(?:pnpm add|npm install|npm i)\b(.*)$/gm)].map(([, words = ""]) =>
    words.trim().split(/\s+/).filter((word) => word !== "" && !word.startsWith("-")).map((word) => {
      const at = word.indexOf("@", 1)
      return at < 0 ? { name: word, range: undefined } : { name: word.slice(0, at), range: word.slice(at + 1) }
    })
  )

const versionOf = (text: string): ReadonlyArray<number> => {
  const [release = ""] = text.split("-")
  return release.split(".").map(Number)
}

/** Whether `version` is in `range`: `^x.y.z`, `~x.y.z` or an exact `x.y.z`, as npm reads them. */
const satisfies = (version: string, range: string): boolean => {
  const [major = 0, minor = 0, patch = 0] = versionOf(version)
  const operator = /^[\^~]/.exec(range)?.[0] ?? ""
  const [wantMajor = 0, wantMinor = 0, wantPatch = 0] = versionOf(range.slice(operator.length))
  const atLeast = major > wantMajor || (major === wantMajor && (minor > wantMinor ||
    (minor === wantMinor && patch >= wantPatch)))
  if (operator === "") return major === wantMajor && minor === wantMinor && patch === wantPatch
  if (operator === "~" || wantMajor === 0) return atLeast && major === wantMajor && minor === wantMinor
  return atLeast && major === wantMajor
}

/** The READMEs users read: the root one and each package's, by path. */
const readmes = (): ReadonlyArray<string> => [
  join(root, "README.md"),
  ...packageNames.map((name) => join(root, "packages", name, "README.md"))
]

/** The version of a third-party package as the README's examples use it in this workspace. */
const workspaceVersion = (name: string): string =>
  readJson<{ readonly version: string }>(join(root, "examples", "node_modules", name, "package.json")).version

/**
 * Every install line names a range of each third-party package that the workspace's version satisfies, and the
 * lines of each README name every peer of the packages they install (the optional ones too: the READMEs' test
 * examples need them).
 */
const checkInstallLines = (): void => {
  for (const readme of readmes()) {
    const lines = installLines(readFileSync(readme, "utf8"))
    const where = readme.slice(root.length)
    const named = new Set(lines.flat().map((requested) => requested.name))
    for (const { name, range } of lines.flat()) {
      if (name.startsWith(`${scope}/`)) {
        const manifest = readJson<PackageJson>(join(root, "packages", name.slice(scope.length + 1), "package.json"))
        for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
          if (!named.has(peer)) fail(`${where}: installs ${name} but no install line names its peer ${peer}`)
        }
      } else if (range === undefined) {
        fail(`${where}: an install line names ${name} without a version (npm's latest may not be Effect 3)`)
      } else if (!satisfies(workspaceVersion(name), range)) {
        fail(`${where}: ${name}@${range} does not include ${workspaceVersion(name)}, the version tested here`)
      }
    }
  }
}

/** A project holding exactly what the root README's install lines install, and node's typings. */
const installFromReadme = (work: string, project: string): void => {
  for (const { name } of installLines(readFileSync(join(root, "README.md"), "utf8")).flat()) {
    if (name.startsWith(`${scope}/`)) unpack(work, project, name.slice(scope.length + 1))
    else link(project, name, join(root, "examples"))
  }
  link(project, "@types/node", root)
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

/** The README's examples, type-checked against the packed typings (and built), and their tests run with vitest. */
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
        outDir: "build"
      }
    })
  )
  run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", project], project)
  // the tests in test/, not their copies tsc just built into build/test
  run(process.execPath, [join(project, "node_modules", "vitest", "vitest.mjs"), "run", "--dir", "test"], project)
}

const waitForUrl = (server: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    let output = ""
    server.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8")
      const [, url] = /serving the fake ChatKit API at (\S+)/.exec(output) ?? []
      if (url !== undefined) resolve(url)
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

/**
 * The README's programs, built in the consumer project, each run as a user runs it against a server: with
 * `OPENAI_BASE_URL` and `OPENAI_API_KEY`. Each must exit with 0, print something and write nothing on stderr.
 */
const checkPrograms = (consumer: string, url: string, env: NodeJS.ProcessEnv): void => {
  const programs = join(consumer, "build", "src")
  for (const program of readdirSync(programs).filter((file) => file.endsWith(".js"))) {
    const result = spawnSync(process.execPath, [join(programs, program)], {
      cwd: consumer,
      encoding: "utf8",
      env: { ...env, OPENAI_BASE_URL: url, OPENAI_API_KEY: "sk-test" },
      timeout: 30_000
    })
    if (result.status !== 0 || result.stderr !== "" || result.stdout.trim() === "") {
      fail(
        `the README's program ${program} against chatkit serve --demo exited with ${
          result.status ?? result.signal
        }:\n${result.stdout}${result.stderr}`
      )
    }
  }
}

/**
 * The `chatkit` executable of the packed CLI: the built-in fake, then `serve --demo` over HTTP, which the
 * README's programs (built in `consumer`) then run against.
 */
const checkCli = async (project: string, consumer: string): Promise<void> => {
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
    checkPrograms(consumer, url, offline)
  } finally {
    server.kill()
  }
}

const main = async (): Promise<void> => {
  const work = mkdtempSync(join(tmpdir(), "effect-chatkit-packed-"))
  const project = join(work, "project")
  const consumer = join(work, "consumer")
  try {
    const steps: ReadonlyArray<readonly [string, () => void | Promise<void>]> = [
      ["README install lines name Effect 3 versions and every peer", checkInstallLines],
      ["pack and install", () => {
        pack(work)
        installAll(work, project)
        installFromReadme(work, consumer)
      }],
      ["packed manifests", () => checkManifests(project)],
      ["imports with node", () => checkImports(project)],
      [
        "examples type-check and pass where the README's install lines alone are installed",
        () => checkExamples(consumer)
      ],
      ["chatkit executable, and the README's programs against chatkit serve --demo", () => checkCli(project, consumer)]
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
