/**
 * The `chatkit` command: browse ChatKit threads and their items, and create and cancel sessions, in the live
 * API or in the built-in fake.
 *
 * Results go to standard output, as tables or, with `--json`, as the API's own JSON: a page object for one
 * page, JSON Lines (one thread or item per line) with `--all`, a session object for the session commands.
 * Which backend is used, progress, notes and errors go to standard error; an error is one line and the
 * command fails. Text from the API is shown with its control characters as visible escapes (`--json` keeps
 * it exact, as JSON escapes), tables fit the terminal, and `--help` is plain text within 100 columns.
 *
 * A session's client secret is a credential. The session commands print it masked (`ek_…9f3a`) unless
 * `--show-secret` is given; `--json` prints the session exactly as the API answers it, secret included,
 * because that JSON is what a backend hands to its ChatKit front end. The built-in fake lives for one command:
 * a deletion or a session there is gone by the next one, and the command says so on standard error; use
 * `chatkit serve --demo` and `--base-url` to keep them.
 *
 * @since 0.1.0
 */
import * as Page from "@effect-chatkit/core/Page"
import * as Session from "@effect-chatkit/core/Session"
import * as SessionsService from "@effect-chatkit/core/SessionsService"
import * as Thread from "@effect-chatkit/core/Thread"
import * as ThreadItem from "@effect-chatkit/core/ThreadItem"
import * as ThreadsService from "@effect-chatkit/core/ThreadsService"
import * as Doctor from "@effect-chatkit/testing/Doctor"
import * as Args from "@effect/cli/Args"
import type * as CliApp from "@effect/cli/CliApp"
import * as Command from "@effect/cli/Command"
import * as HelpDoc from "@effect/cli/HelpDoc"
import * as Options from "@effect/cli/Options"
import * as ValidationError from "@effect/cli/ValidationError"
import * as Cause from "effect/Cause"
import * as Config from "effect/Config"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Arguments from "./internal/arguments.js"
import * as Backend from "./internal/backend.js"
import * as CommandSpec from "./internal/commandSpec.js"
import * as Help from "./internal/help.js"
import * as Json from "./internal/json.js"
import * as Listing from "./internal/listing.js"
import { errorMessage } from "./internal/report.js"
import * as Secrets from "./internal/secrets.js"
import type * as ServeModule from "./internal/serve.js"
import { sessionDetails } from "./internal/sessionView.js"
import * as StateVariables from "./internal/stateVariables.js"
import * as TerminalText from "./internal/terminalText.js"
import * as View from "./internal/view.js"
import * as Stdio from "./Stdio.js"

const optional = <A, B extends object>(option: Option.Option<A>, f: (value: A) => B): B | {} =>
  Option.match(option, { onNone: () => ({}), onSome: f })

/** An optional integer flag that, when given, must be at least `min`. */
const atLeast = (name: string, min: number) => (option: Options.Options<Option.Option<number>>) =>
  Options.mapEffect(option, (value) =>
    Option.isSome(value) && value.value < min
      ? Either.left(ValidationError.invalidValue(HelpDoc.p(`--${name} must be at least ${min}, got ${value.value}`)))
      : Either.right(value))

const backendOptions = {
  baseUrl: Options.text("base-url").pipe(
    Options.withPseudoName("URL"),
    Options.withDescription(
      "Base URL of the API, e.g. http://127.0.0.1:8787/v1 for `chatkit serve` (default: OPENAI_BASE_URL, else " +
        "OpenAI's)"
    ),
    Options.optional
  ),
  apiKey: Options.redacted("api-key").pipe(
    Options.withPseudoName("KEY"),
    Options.withDescription(
      "API key (default: OPENAI_API_KEY); without a key or --base-url, the built-in fake is used"
    ),
    Options.optional
  ),
  maxRetries: Options.integer("max-retries").pipe(
    Options.withPseudoName("N"),
    Options.withDescription("Retries of a failed request to the API (default 2)"),
    Options.optional,
    atLeast("max-retries", 0)
  ),
  timeout: Options.integer("timeout").pipe(
    Options.withPseudoName("SECONDS"),
    Options.withDescription("Seconds an attempt may take before it is a TimeoutError (default 600)"),
    Options.optional,
    atLeast("timeout", 1)
  )
}

const id = (name: string, description: string) =>
  Options.text(name).pipe(Options.withPseudoName("ID"), Options.withDescription(description), Options.optional)

const listOptions = {
  limit: Options.integer("limit").pipe(
    Options.withPseudoName("N"),
    Options.withDescription("Page size, 0 to 100 (default 20); with --all, the size of each page fetched"),
    Options.optional
  ),
  order: Options.choice("order", ["asc", "desc"]).pipe(
    Options.withDescription("Order by creation time (default desc, newest first)"),
    Options.optional
  ),
  after: id("after", "Start after this id (exclusive)"),
  before: id("before", "Stop before this id (exclusive)"),
  all: Options.boolean("all").pipe(
    Options.withDescription("Fetch every page; with --json, print JSON Lines (one element per line)")
  ),
  json: Options.boolean("json").pipe(Options.withDescription("Print the API's JSON instead of a table"))
}

const json = Options.boolean("json").pipe(Options.withDescription("Print the API's JSON"))

const threadId = Args.text({ name: "thread-id" }).pipe(Args.withDescription("The id of a thread (cthr_…)"))

interface ListFlags {
  readonly limit: Option.Option<number>
  readonly order: Option.Option<"asc" | "desc">
  readonly after: Option.Option<string>
  readonly before: Option.Option<string>
}

const listParams = (flags: ListFlags) => ({
  ...optional(flags.limit, (limit) => ({ limit })),
  ...optional(flags.order, (order) => ({ order })),
  ...optional(flags.after, (after) => ({ after })),
  ...optional(flags.before, (before) => ({ before }))
})

const notKept = (what: string, consequence: string) =>
  `the built-in fake keeps no ${what} between commands (${consequence}); to keep them, run ` +
  "'chatkit serve --demo' and give --base-url"

const threadPageJson = Json.document(Page.ThreadPage)
const threadLineJson = Json.line(Thread.Thread)
const itemPageJson = Json.document(Page.ThreadItemPage)
const itemLineJson = Json.line(ThreadItem.ThreadItem)
const threadJson = Json.document(Thread.Thread)
const deletedJson = Json.document(Thread.ThreadDeleted)

const threadsList = Command.make(
  "list",
  {
    ...listOptions,
    user: Options.text("user").pipe(
      Options.withPseudoName("USER"),
      Options.withDescription("Only the threads of this user"),
      Options.optional
    ),
    ...backendOptions
  },
  (flags) => {
    const params = { ...listParams(flags), ...optional(flags.user, (user) => ({ user })) }
    return Listing.print({
      noun: "thread",
      page: ThreadsService.list(params),
      stream: ThreadsService.stream(params),
      table: View.threadsTable,
      pageJson: threadPageJson,
      lineJson: threadLineJson
    }, flags).pipe(Effect.provide(Backend.layer(flags)))
  }
).pipe(Command.withDescription("List threads, newest first"))

const threadsGet = Command.make(
  "get",
  { threadId, json, ...backendOptions },
  (flags) =>
    ThreadsService.retrieve(flags.threadId).pipe(
      Effect.flatMap((thread) => Stdio.stdout(flags.json ? threadJson(thread) : View.threadDetails(thread))),
      Effect.provide(Backend.layer(flags))
    )
).pipe(Command.withDescription("Show one thread"))

const threadsDelete = Command.make(
  "delete",
  { threadId, json, ...backendOptions },
  (flags) =>
    ThreadsService.delete(flags.threadId).pipe(
      Effect.flatMap((deleted) =>
        Stdio.stdout(flags.json ? deletedJson(deleted) : `deleted ${TerminalText.visible(deleted.id)}\n`)
      ),
      Effect.zipLeft(Backend.noteIfBuiltIn(notKept("changes", "the next command sees this thread again"))),
      Effect.provide(Backend.layer(flags))
    )
).pipe(Command.withDescription("Delete a thread with its items"))

const itemsList = Command.make(
  "list",
  { threadId, ...listOptions, ...backendOptions },
  (flags) => {
    const params = listParams(flags)
    return Listing.print({
      noun: "item",
      page: ThreadsService.listItems(flags.threadId, params),
      stream: ThreadsService.streamItems(flags.threadId, params),
      table: View.itemsTable,
      pageJson: itemPageJson,
      lineJson: itemLineJson
    }, flags).pipe(Effect.provide(Backend.layer(flags)))
  }
).pipe(Command.withDescription("List the items of a thread, newest first"))

const sessionJson = Json.document(Session.ChatSession)

const sessionOutput = {
  json: Options.boolean("json").pipe(
    Options.withDescription("Print the API's JSON, client secret included (what a backend hands its front end)")
  ),
  showSecret: Options.boolean("show-secret").pipe(
    Options.withDescription("Print the client secret in clear instead of masked")
  )
}

const printSession =
  (flags: { readonly json: boolean; readonly showSecret: boolean }) => (session: Session.ChatSession) =>
    Stdio.stdout(flags.json ? sessionJson(session) : sessionDetails(session, flags.showSecret))

const state = Options.text("state").pipe(
  Options.withPseudoName("KEY=VALUE"),
  Options.withDescription(
    "A workflow state variable; true/false are booleans, JSON numbers are numbers, \"…\" forces a string, " +
      "anything else is the text as written"
  ),
  Options.repeated,
  Options.mapEffect((pairs) =>
    Either.mapLeft(StateVariables.parse(pairs), (message) => ValidationError.invalidValue(HelpDoc.p(message)))
  )
)

const sessionsCreate = Command.make(
  "create",
  {
    workflow: Options.text("workflow").pipe(
      Options.withPseudoName("ID"),
      Options.withDescription("The id of the workflow the session runs")
    ),
    user: Options.text("user").pipe(
      Options.withPseudoName("USER"),
      Options.withDescription("The end user the session is for")
    ),
    workflowVersion: Options.text("workflow-version").pipe(
      Options.withPseudoName("VERSION"),
      Options.withDescription("The workflow version (default: the latest deployment)"),
      Options.optional
    ),
    expiresAfter: Options.integer("expires-after").pipe(
      Options.withPseudoName("SECONDS"),
      Options.withDescription("Seconds from creation until the session expires, 1 to 600 (default 600)"),
      Options.optional
    ),
    maxRequestsPerMinute: Options.integer("max-requests-per-minute").pipe(
      Options.withPseudoName("N"),
      Options.withDescription("Requests allowed per minute, at least 1 (default 10)"),
      Options.optional
    ),
    state,
    ...sessionOutput,
    ...backendOptions
  },
  (flags) =>
    SessionsService.create({
      user: flags.user,
      workflow: {
        id: flags.workflow,
        ...optional(flags.workflowVersion, (version) => ({ version })),
        ...(Object.keys(flags.state).length === 0 ? {} : { state_variables: flags.state })
      },
      ...optional(flags.expiresAfter, (seconds) => ({ expires_after: { anchor: "created_at" as const, seconds } })),
      ...optional(flags.maxRequestsPerMinute, (max) => ({ rate_limits: { max_requests_per_1_minute: max } }))
    }).pipe(
      Effect.flatMap(printSession(flags)),
      Effect.zipLeft(Backend.noteIfBuiltIn(notKept("sessions", "this one is gone when the command ends"))),
      Effect.provide(Backend.layer(flags))
    )
).pipe(Command.withDescription("Create a session and print it, its client secret masked"))

const sessionsCancel = Command.make(
  "cancel",
  {
    sessionId: Args.text({ name: "session-id" }).pipe(Args.withDescription("The id of a session (cksess_…)")),
    ...sessionOutput,
    ...backendOptions
  },
  (flags) =>
    SessionsService.cancel(flags.sessionId).pipe(
      Effect.flatMap(printSession(flags)),
      Effect.tapErrorTag("NotFoundError", () =>
        Backend.noteIfBuiltIn(notKept("sessions", "only the sessions this command creates exist"))),
      Effect.provide(Backend.layer(flags))
    )
).pipe(Command.withDescription("Cancel a session, so that its client secret is refused, and print it"))

const sessions = Command.make("sessions").pipe(
  Command.withDescription("Create and cancel ChatKit sessions"),
  Command.withSubcommands([sessionsCreate, sessionsCancel])
)

const threads = Command.make("threads").pipe(
  Command.withDescription("Browse and delete threads"),
  Command.withSubcommands([threadsList, threadsGet, threadsDelete])
)

const items = Command.make("items").pipe(
  Command.withDescription("Browse the items of a thread"),
  Command.withSubcommands([itemsList])
)

const beforeReading = Options.choice("before-reading", ["far-end", "next-to-cursor"]).pipe(
  Options.withDescription(
    "The fake's reading of `before`: the far end of the window (the default), or the page next to the cursor " +
      "(`chatkit doctor` tells which one an account follows)"
  ),
  Options.withDefault("far-end" as const)
)

/** `chatkit serve` loads the fake server only when it runs. */
const Serve = {
  serve: (options: ServeModule.Options) =>
    Effect.flatMap(Effect.promise(() => import("./internal/serve.js")), (module) => module.serve(options))
}

const serve = Command.make(
  "serve",
  {
    host: Options.text("host").pipe(
      Options.withDescription("Interface to listen on"),
      Options.withDefault("127.0.0.1")
    ),
    port: Options.integer("port").pipe(Options.withDescription("Port, 0 for any free one"), Options.withDefault(8787)),
    seed: Options.integer("seed").pipe(Options.withDescription("Seed of the generated ids"), Options.withDefault(0)),
    demo: Options.boolean("demo").pipe(
      Options.withDescription(
        "Start the store of every API key with the demo data (the same ids for every key)"
      )
    ),
    apiKeys: Options.text("api-key").pipe(
      Options.withDescription("Accept only this API key, each with its own store (repeatable; default: any key)"),
      Options.repeated
    ),
    faultRate: Options.float("fault-rate").pipe(
      Options.withDescription("Share of calls, 0 to 1, answered with a random 429, 5xx or dropped connection"),
      Options.withDefault(0)
    ),
    faultSeed: Options.integer("fault-seed").pipe(
      Options.withDescription(
        "Seed of the random faults, one sequence for all keys in arrival order (default: --seed)"
      ),
      Options.optional
    ),
    admin: Options.boolean("admin").pipe(
      Options.withDescription("Serve the /_admin routes: seed threads and items, inject faults and latency")
    ),
    quiet: Options.boolean("quiet").pipe(
      Options.withDescription("Do not log each request (method, path, status, ms, fault) on stderr")
    ),
    beforeReading
  },
  Serve.serve
).pipe(Command.withDescription("Serve the fake ChatKit API (threads and sessions) over HTTP until interrupted"))

const inRange = (min: number, max?: number) =>
  Options.mapEffect((value: number) =>
    value >= min && value <= (max ?? value)
      ? Either.right(value)
      : Either.left(ValidationError.invalidValue(HelpDoc.p(
        `Expected ${max === undefined ? `at least ${min}` : `${min} to ${max}`}, got ${value}`
      )))
  )

const doctor = Command.make(
  "doctor",
  {
    json: Options.boolean("json").pipe(Options.withDescription("Print the report as JSON")),
    maxRequests: Options.integer("max-requests").pipe(
      Options.withDescription(
        `The most calls to make, the client's retries of 429s and 5xx aside (default ${Doctor.defaultMaxRequests})`
      ),
      Options.withDefault(Doctor.defaultMaxRequests),
      inRange(1)
    ),
    pageSize: Options.integer("page-size").pipe(
      Options.withDescription(
        `Page size of the full traversals, 1 to 100 (default ${Doctor.defaultPageSize}; raise it for many threads)`
      ),
      Options.withDefault(Doctor.defaultPageSize),
      inRange(1, 100)
    ),
    sampleThreads: Options.integer("sample-threads").pipe(
      Options.withDescription(`How many threads have their items checked (default ${Doctor.defaultSampleThreads})`),
      Options.withDefault(Doctor.defaultSampleThreads),
      inRange(0)
    ),
    beforeReading,
    ...backendOptions
  },
  (flags) =>
    Effect.flatMap(
      Effect.flatMap(Effect.promise(() => import("./internal/doctor.js")), (module) => module.doctor(flags)),
      (exitCode) => exitCode === 0 ? Effect.void : Effect.fail(new CommandFailed({ exitCode }))
    )
).pipe(
  Command.withDescription(
    "Check, read-only, that the API pages as the fake does; exit 0 when every check agrees, 1 when one " +
      "differs, 2 when it could not run"
  )
)

/**
 * The whole `chatkit` command with its subcommands.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = Command.make("chatkit").pipe(
  Command.withDescription(
    "Browse OpenAI ChatKit threads and manage sessions, in the live API or in a built-in fake with demo data"
  ),
  Command.withSubcommands([threads, items, sessions, serve, doctor])
)

/**
 * The command failed, with the exit code to end with (1, or what the command says, e.g. 2 when `chatkit
 * doctor` could not run); the reason was already written.
 *
 * @since 0.1.0
 * @category errors
 */
export class CommandFailed extends Data.TaggedError("CommandFailed")<{ readonly exitCode: number }> {}

const version = "0.1.0"

const cli = Command.run(command, { name: "chatkit", version })

const spec = CommandSpec.fromCommand(command)

/**
 * The usage line of every command that runs, every flag included: the synopsis the README shows.
 *
 * @since 0.1.0
 * @category help
 */
export const synopsis: string = Help.synopsis(CommandSpec.leaves(spec))

const fail = (line: string, secrets: ReadonlyArray<string>) =>
  Effect.zipRight(
    Stdio.stderr(`error: ${Secrets.scrub(line, secrets)}\n`),
    Effect.fail(new CommandFailed({ exitCode: 1 }))
  )

/** `@effect/cli` writes its own account of an argument error with `Console.error`; the command writes its. */
const withoutCliErrors = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.flatMap(Effect.console, (console) => Effect.withConsole(effect, { ...console, error: () => Effect.void }))

/** The API keys and base URL credentials that the command line and the environment hold. */
const secretsOf = (args: ReadonlyArray<string>) =>
  Effect.map(
    Effect.orElseSucceed(
      Config.all([Config.option(Config.string("OPENAI_API_KEY")), Config.option(Config.string("OPENAI_BASE_URL"))]),
      () => [Option.none<string>(), Option.none<string>()] as const
    ),
    ([key, baseUrl]) => [
      ...Secrets.fromArgs(args),
      ...Option.toArray(key),
      ...Option.match(baseUrl, { onNone: () => [], onSome: Secrets.ofUrl }),
      ...args.flatMap((arg, index) => args[index - 1] === "--base-url" ? Secrets.ofUrl(arg) : [])
    ]
  )

/**
 * Runs the command with `argv` as `process.argv` gives it (the first two, runtime and script, are skipped).
 *
 * `--help` prints the help of the command named before it; `chatkit --version` the version. Every failure is
 * reported as one line on standard error and ends in `CommandFailed` with exit code 1 (a command that reports
 * for itself, `chatkit doctor`, ends in `CommandFailed` with its own exit code): an unknown command lists the valid
 * ones, an argument error names the flag and points to the help, a defect is one line too (never a stack
 * trace, never on standard output), and no line shows an API key (those given with `--api-key` or
 * `OPENAI_API_KEY` are scrubbed), the credentials of a base URL or a control character from API data.
 * Commands write through `Stdio`, never `Console`.
 *
 * @since 0.1.0
 * @category running
 */
export const run = (
  argv: ReadonlyArray<string>
): Effect.Effect<void, CommandFailed, Stdio.Stdio | CliApp.CliApp.Environment> =>
  Effect.gen(function*() {
    const args = argv.slice(2)
    const secrets = yield* secretsOf(args)
    const route = Arguments.route(spec, args)
    switch (route._tag) {
      case "Help":
        return yield* Effect.flatMap(Stdio.Stdio, (stdio) => stdio.stdout(Help.render(route.spec, stdio.stdoutColumns)))
      case "Version":
        return yield* Stdio.stdout(`chatkit ${version}\n`)
      case "UnknownCommand":
      case "MissingCommand":
        return yield* fail(Arguments.routeError(route), secrets)
      case "Run":
        return yield* withoutCliErrors(cli(argv)).pipe(
          Effect.catchAllCause((cause) => {
            if (Cause.isInterruptedOnly(cause)) return Effect.interrupt
            const error = Cause.squash(cause)
            if (error instanceof CommandFailed) return Effect.fail(error)
            if (Option.isNone(Cause.failureOption(cause))) {
              return fail(
                `unexpected ${error instanceof Error ? error.name : "defect"}: ${errorMessage(error)}`,
                secrets
              )
            }
            return ValidationError.isValidationError(error)
              ? fail(Arguments.describe(route.spec, args, error), secrets)
              : fail(errorMessage(error), secrets)
          })
        )
    }
  })
