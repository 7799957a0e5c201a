// Every option once: its flag, Action input and config key, its type, default and help line.
// The CLI parser, the Action's inputs reader, the config file's keys and JSON Schema, --help
// and the docs tables are all derived from this list (src/options/read.ts, help.ts,
// config-schema.ts), and test/options/catalog.test.ts fails when action.yml or the docs drift.
//
// ADDING AN OPTION = ONE ENTRY BELOW. Pick its `scope`: 'run' puts the parsed value in
// `Options` (typed from the entry: see `Options` in src/options.ts) for the engine; 'face'
// leaves it to the CLI or the Action (read from the parsed values by `key`). Then give it the
// names it has (`flag` without the dashes, `input`, `config`; leave out the faces it is not on),
// its `type` and parser, `initial` when it has a default, and one `help` line. `npm run docs`
// rewrites the README's tables and the config schema; add the input to action.yml and its row
// to docs/github-action.md (the test says so when you forget).
import type { FailOn } from '../findings.js';
import {
  parseAddHost,
  parseBuilderName,
  parseBuildxSpec,
  parseChoice,
  parseCommand,
  parseHttpTarget,
  parseFileName,
  parseImageRef,
  parseNetwork,
  parsePlatform,
  parseRegex,
  parseRunner,
  parseSeconds,
  parseText,
  platformList,
} from './parse.js';
import { parseRuleId } from './rule-ids.js';
import { deploySpecFromMapping, parseDeploySpec } from '../model/deploy/sources.js';

export const FAIL_ON_LEVELS = ['error', 'warning', 'info', 'never'] as const satisfies readonly FailOn[];
/** Other tools' words for "never fail" (hadolint's and reviewdog's `none`). */
export const FAIL_ON_ALIASES = { none: 'never', off: 'never' } as const;
export const FORMATS = ['text', 'json', 'sarif', 'compact', 'checkstyle', 'rdjson', 'gitlab', 'junit'] as const;
export type OutputFormat = (typeof FORMATS)[number];
/** reviewdog's filter modes: which findings of a change are reported and gated (src/policy/diff-filter.ts). */
export const FILTER_MODES = ['added', 'diff_context', 'file', 'nofilter'] as const;
export type FilterMode = (typeof FILTER_MODES)[number];
export const PROGRESS_MODES = ['auto', 'plain', 'quiet'] as const;
export type ProgressMode = (typeof PROGRESS_MODES)[number];
/** buildx `--network` for RUN instructions (build-push-action's `network`). */
export const BUILD_NETWORKS = ['default', 'host', 'none'] as const;
export const DEFAULT_PLATFORMS = ['linux/amd64', 'linux/arm64'];

/** `entrypoint-guard [options] …`, `entrypoint-guard plan …`, `entrypoint-guard merge …`. */
export type Command = 'run' | 'plan' | 'merge';

/** The commands an entry's flag is on. */
export function commandsOf(e: { flag?: string; commands?: readonly Command[] }): readonly Command[] {
  return e.flag ? (e.commands ?? ['run']) : [];
}

/** 'run': a field of Options, for the engine; 'face': read by the CLI or the Action itself. */
export type Scope = 'run' | 'face';

interface Common {
  /** The field name in Options (scope 'run') or in the parsed values (scope 'face'). */
  key: string;
  scope: Scope;
  /** The command-line flag without `--`; absent: not on the command line. */
  flag?: string;
  /** The commands that take the flag: the run (default), `plan`, `merge`. */
  commands?: readonly Command[];
  /** The Action input; absent: not an Action input. */
  input?: string;
  /** The config file key; absent: not in the config file. */
  config?: string;
  /** The flag's value in --help (`SEC`, `LIST`). */
  metavar?: string;
  /** One line for --help and the docs table. */
  help: string;
  /** The default as users read it (help, docs); absent: none. */
  shown?: string;
  /** The default action.yml declares; '' (the default) when the config file may give one instead. */
  actionDefault?: string;
  /** The words a value may be (help, schema, "did you mean"), and other tools' words for them. */
  values?: readonly string[];
  aliases?: Readonly<Record<string, string>>;
  /** The JSON Schema of one value (or one item of a list) in the config file, when more than a non-empty string. */
  schema?: Record<string, unknown>;
  /** The built-in default, applied when no face and no config file gives the option. */
  initial?: () => unknown;
}

/** A switch: `--static`, `static: true`. */
export interface BooleanEntry extends Common {
  type: 'boolean';
}

/** One value: the last flag wins. */
export interface ValueEntry extends Common {
  type: 'value';
  parse: (raw: string, name: string) => unknown;
}

/** Repeatable flag, one item a line in an input, a YAML list in the config file; `split` also splits one string. */
export interface ListEntry extends Common {
  type: 'list';
  item: (raw: string, name: string) => unknown;
  split?: RegExp;
  /** The items -> the value (default: the array). */
  collect?: (items: never[], name: string) => unknown;
  /** Config file only: an item written as a mapping (`{path, container}`) -> the item. */
  mapping?: (value: Record<string, unknown>, name: string) => unknown;
}

/** `KEY=VALUE` pairs: repeatable flag, one a line in an input, a mapping in the config file; merged key by key across layers. */
export interface MapEntry extends Common {
  type: 'map';
}

export type Entry = BooleanEntry | ValueEntry | ListEntry | MapEntry;

const choice =
  <T extends string>(values: readonly T[], aliases: Readonly<Record<string, T>> = {}) =>
  (raw: string, name: string): T =>
    parseChoice(raw, name, values, aliases);

export const CATALOG = [
  { key: 'context', scope: 'run', type: 'value', flag: 'context', input: 'context', metavar: 'DIR', parse: parseText, shown: "the Dockerfile's folder", help: 'build context, for every Dockerfile' },
  { key: 'static', scope: 'run', type: 'boolean', flag: 'static', input: 'static', config: 'static', initial: () => false, shown: 'false', help: 'lint only: no build, no containers' },
  { key: 'platforms', scope: 'run', type: 'list', flag: 'platforms', commands: ['run', 'plan'], input: 'platforms', config: 'platforms', metavar: 'LIST', schema: { type: 'string', pattern: '^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?(,\\s*[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?)*$' }, item: parsePlatform, split: /[,\n]/, collect: (items: string[]) => platformList(items), initial: () => [...DEFAULT_PLATFORMS], shown: DEFAULT_PLATFORMS.join(','), help: 'platforms to build and probe, comma separated' },
  { key: 'target', scope: 'run', type: 'value', flag: 'target', input: 'target', config: 'target', metavar: 'STAGE', parse: parseText, help: 'build target stage' },
  { key: 'buildArgs', scope: 'run', type: 'map', flag: 'build-arg', input: 'build-args', config: 'build-args', metavar: 'K=V', initial: () => ({}), help: 'build argument; repeatable' },
  { key: 'network', scope: 'run', type: 'value', flag: 'network', input: 'network', config: 'network', metavar: 'MODE', values: BUILD_NETWORKS, parse: choice(BUILD_NETWORKS), help: "network for the build's RUN steps (buildx --network): default | host | none" },
  { key: 'addHosts', scope: 'run', type: 'list', flag: 'add-host', input: 'add-hosts', config: 'add-hosts', metavar: 'HOST:IP', item: parseAddHost, split: /[,\n]/, initial: () => [], help: 'extra host for the build (buildx --add-host); repeatable' },
  { key: 'gracePeriod', scope: 'run', type: 'value', flag: 'grace-period', input: 'grace-period', config: 'grace-period', metavar: 'SEC', schema: { type: ['number', 'string'], exclusiveMinimum: 0, maximum: 3600 }, parse: parseSeconds, initial: () => 10, shown: '10', help: 'how long the shutdown probe waits after the stop signal before SIGKILL' },
  // An upper bound: the probe signals as soon as the container is ready (src/runtime/readiness.ts).
  { key: 'startupWait', scope: 'run', type: 'value', flag: 'startup-wait', input: 'startup-wait', config: 'startup-wait', metavar: 'SEC', schema: { type: ['number', 'string'], exclusiveMinimum: 0, maximum: 3600 }, parse: parseSeconds, initial: () => 60, shown: '60', help: 'upper bound on waiting for readiness before the stop signal (x3 on emulated platforms; ready: HEALTHCHECK healthy, a listening socket, or a quiet process tree)' },
  { key: 'readyLog', scope: 'run', type: 'value', flag: 'ready-log', input: 'ready-log', config: 'ready-log', metavar: 'REGEX', parse: parseRegex, help: 'readiness is a log line matching REGEX (nothing else counts)' },
  { key: 'readyCmd', scope: 'run', type: 'value', flag: 'ready-cmd', input: 'ready-cmd', config: 'ready-cmd', metavar: 'CMD', parse: parseCommand, help: 'readiness is CMD exiting 0 in the container (docker exec, /bin/sh -c)' },
  // Requests from inside the container's network namespace: it keeps --network none (src/runtime/netns-http.ts).
  { key: 'readyHttp', scope: 'run', type: 'value', flag: 'ready-http', input: 'ready-http', config: 'ready-http', metavar: 'PATH[:PORT]', parse: parseHttpTarget, help: 'readiness is GET PATH answering 2xx/3xx inside the container (PORT: the one TCP port it listens on when left out)' },
  { key: 'probeHttp', scope: 'run', type: 'value', flag: 'probe-http', input: 'probe-http', config: 'probe-http', metavar: 'PATH[:PORT]', parse: parseHttpTarget, help: 'hold a GET PATH open inside the container while the stop signal is sent: request-dropped-on-stop when it is reset or closed unanswered' },
  { key: 'probeEnv', scope: 'run', type: 'map', flag: 'probe-env', input: 'probe-env', config: 'probe-env', metavar: 'K=V', initial: () => ({}), help: "env for the probe container (never the host's env); repeatable" },
  { key: 'probeNetwork', scope: 'run', type: 'value', flag: 'probe-network', input: 'probe-network', config: 'probe-network', metavar: 'NAME', parse: parseNetwork, initial: () => 'none', shown: 'none', help: 'docker network for smoke runs and the probe' },
  // Never a config key: a pull request's own config file must not turn the probe's hardening off.
  { key: 'probePrivileges', scope: 'run', type: 'boolean', flag: 'probe-privileges', input: 'probe-privileges', initial: () => false, shown: 'false', help: 'probe without the hardening (read-only root, no-new-privileges, dropped capabilities)' },
  // The file's `ignore` goes to the policy (src/policy/apply-policy.ts) with its `rules`; flags and inputs to the engine.
  { key: 'ignore', scope: 'run', type: 'list', flag: 'ignore', input: 'ignore', config: 'ignore', metavar: 'IDS', item: parseRuleId, split: /[,\s]+/, collect: (items: string[]) => new Set(items), initial: () => new Set<string>(), help: 'rule ids to ignore, comma separated; repeatable' },
  // The Action defaults it to true when the runtime was asked for (static: false): src/action-inputs.ts.
  { key: 'requireRuntime', scope: 'run', type: 'boolean', flag: 'require-runtime', commands: ['run', 'merge'], input: 'require-runtime', config: 'require-runtime', initial: () => false, shown: 'false; in the Action, true unless static', help: 'a skipped runtime check (no engine, no buildx, a platform that cannot run) fails the run in one line instead of a note' },
  { key: 'failOn', scope: 'run', type: 'value', flag: 'fail-on', commands: ['run', 'merge'], input: 'fail-on', config: 'fail-on', metavar: 'LEVEL', values: FAIL_ON_LEVELS, aliases: FAIL_ON_ALIASES, parse: choice<FailOn>(FAIL_ON_LEVELS, FAIL_ON_ALIASES), initial: (): FailOn => 'error', shown: 'error', help: 'fail on findings at or above LEVEL: error | warning | info | never (none)' },
  { key: 'filterMode', scope: 'run', type: 'value', flag: 'filter-mode', commands: ['run', 'plan'], input: 'filter-mode', config: 'filter-mode', metavar: 'MODE', values: FILTER_MODES, parse: choice(FILTER_MODES), initial: (): FilterMode => 'nofilter', shown: 'nofilter', help: 'nofilter | added | diff_context | file: report and gate only findings inside the diff (--diff; the pull request in the Action)' },
  { key: 'format', scope: 'run', type: 'value', flag: 'format', commands: ['run', 'merge'], config: 'format', metavar: 'FMT', values: FORMATS, parse: choice(FORMATS), initial: (): OutputFormat => 'text', shown: 'text', help: 'report format: text | json | sarif | compact (file:line:col: level: message [rule]) | checkstyle | rdjson (reviewdog) | gitlab (Code Quality) | junit' },
  { key: 'output', scope: 'run', type: 'value', flag: 'output', commands: ['run', 'merge'], metavar: 'FILE', parse: parseText, help: 'write the report there instead of stdout' },
  // Compose files beside the Dockerfile (and above it) are read without it; see src/model/deploy/.
  { key: 'deploy', scope: 'run', type: 'list', flag: 'deploy', input: 'deploy', config: 'deploy', metavar: 'PATH[#NAME]', schema: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'object', additionalProperties: false, required: ['path'], properties: { path: { type: 'string', minLength: 1 }, container: { type: 'string', minLength: 1 }, dockerfile: { type: 'string', minLength: 1 } } }] }, item: parseDeploySpec, mapping: deploySpecFromMapping, initial: () => [], help: 'a deployment manifest to judge the start contract as deployed: a Compose file, Kubernetes YAML (a file, a folder, or - for standard input, e.g. helm template output) or an ECS task definition; #NAME picks the container; repeatable' },
  { key: 'image', scope: 'run', type: 'value', flag: 'image', input: 'image', config: 'image', metavar: 'REF', parse: parseImageRef, help: 'probe this built image (local tag or registry ref, resolved per platform) instead of building; a Dockerfile given too is linted' },
  { key: 'builder', scope: 'run', type: 'value', flag: 'builder', input: 'builder', config: 'builder', metavar: 'NAME', parse: parseBuilderName, shown: 'the current builder', help: 'buildx builder to build with' },
  { key: 'cacheFrom', scope: 'run', type: 'list', flag: 'cache-from', input: 'cache-from', config: 'cache-from', metavar: 'SPEC', item: parseBuildxSpec, initial: () => [], help: 'build cache source passed to buildx (type=gha, type=registry,…, type=local); repeatable' },
  { key: 'cacheTo', scope: 'run', type: 'list', flag: 'cache-to', input: 'cache-to', config: 'cache-to', metavar: 'SPEC', item: parseBuildxSpec, initial: () => [], help: 'build cache export passed to buildx; repeatable' },
  /** Never logged: redacted in every docker call log and error line (src/runtime/docker.ts). */
  { key: 'secrets', scope: 'run', type: 'list', flag: 'secret', input: 'secrets', config: 'secrets', metavar: 'SPEC', item: parseBuildxSpec, initial: () => [], help: 'build secret, buildx --secret (id=…,src=… | id=…,env=…), never logged; repeatable' },
  { key: 'buildContexts', scope: 'run', type: 'list', flag: 'build-context', input: 'build-contexts', config: 'build-contexts', metavar: 'N=P', item: parseBuildxSpec, initial: () => [], help: 'extra build context, buildx --build-context; repeatable' },
  { key: 'ssh', scope: 'run', type: 'list', flag: 'ssh', input: 'ssh', config: 'ssh', metavar: 'SPEC', item: (raw: string, name: string) => parseBuildxSpec(raw, name, false), initial: () => [], help: 'ssh agent socket or key for the build, buildx --ssh; repeatable' },
  /** Status lines on stderr: auto (redrawn on a TTY, plain lines otherwise), plain, quiet. */
  { key: 'progress', scope: 'run', type: 'value', flag: 'progress', config: 'progress', metavar: 'MODE', values: PROGRESS_MODES, parse: choice(PROGRESS_MODES), initial: (): ProgressMode => 'auto', shown: 'auto', help: 'status lines on stderr: auto (redrawn on a TTY, plain lines otherwise) | plain | quiet' },

  // The faces' own options.
  { key: 'dockerfile', scope: 'face', type: 'value', input: 'dockerfile', actionDefault: 'Dockerfile', parse: parseText, shown: 'Dockerfile', help: 'Dockerfile paths or globs, one per line; a !glob line excludes earlier matches (the CLI takes them as arguments)' },
  { key: 'diff', scope: 'face', type: 'value', flag: 'diff', commands: ['run', 'plan'], metavar: 'FILE|-', parse: (raw: string, name: string) => parseFileName(raw, `${name} needs a file name, or - for standard input`), help: 'unified diff (e.g. `git diff origin/main`) for --filter-mode; - reads standard input' },
  { key: 'config', scope: 'face', type: 'value', flag: 'config', commands: ['run', 'plan', 'merge'], input: 'config', metavar: 'FILE', parse: (raw: string, name: string) => parseFileName(raw, `${name} needs a file name`), shown: '.entrypoint-guard.yml at the repository root, when present', help: 'config file; precedence: flag or input > config file > default' },
  { key: 'annotations', scope: 'face', type: 'boolean', input: 'annotations', config: 'annotations', initial: () => true, shown: 'true', help: 'annotations on the Dockerfile and script lines' },
  { key: 'checkRun', scope: 'face', type: 'boolean', input: 'check-run', config: 'check-run', initial: () => false, shown: 'false', help: 'a check run named entrypoint-guard with every finding (checks: write)' },
  { key: 'review', scope: 'face', type: 'boolean', input: 'review', config: 'review', initial: () => false, shown: 'false', help: "review comments on the pull request's changed lines (pull-requests: write)" },
  { key: 'sarifFile', scope: 'face', type: 'value', input: 'sarif-file', parse: parseText, help: 'write SARIF 2.1.0 at this path, relative to the repository root' },
  { key: 'category', scope: 'face', type: 'value', flag: 'category', input: 'category', metavar: 'NAME', parse: parseText, shown: 'entrypoint-guard; in the Action, entrypoint-guard:<workflow file>:<job>', help: "SARIF: the code scanning category (automationDetails.id), one per workflow; all Dockerfiles' results are one run in it" },
  { key: 'plan', scope: 'face', type: 'boolean', input: 'plan', actionDefault: 'false', initial: () => false, shown: 'false', help: 'analyse nothing; set the matrix output' },
  { key: 'runners', scope: 'face', type: 'list', flag: 'runner', commands: ['plan'], metavar: 'P=LABEL', input: 'runners', item: (raw: string, name: string) => parseRunner(raw, name), collect: (items: [string, string][]) => Object.fromEntries(items) as Record<string, string>, initial: () => ({}) as Record<string, string>, shown: 'linux/amd64=ubuntu-24.04, linux/arm64=ubuntu-24.04-arm', help: 'for plan: the runner label of a platform, PLATFORM=LABEL; repeatable (one per line in the input)' },
  { key: 'reportOnly', scope: 'face', type: 'boolean', input: 'report-only', actionDefault: 'false', initial: () => false, shown: 'false', help: 'a matrix shard: analyse and write the JSON report; no channels, no gate' },
  { key: 'planPlatforms', scope: 'face', type: 'list', flag: 'plan-platforms', input: 'plan-platforms', metavar: 'LIST', item: parsePlatform, split: /[,\n]/, collect: (items: string[]) => platformList(items), help: "a matrix shard: every platform the plan gave this Dockerfile, recorded in the JSON report so merge can tell a missing shard" },
  { key: 'reports', scope: 'face', type: 'value', input: 'reports', parse: parseText, help: 'shard reports (paths or globs, one per line) to merge and publish instead of analysing' },
  // CLI only: the Action does not commit to the branch; it suggests the same edits in the review (src/github/review.ts).
  { key: 'fix', scope: 'face', type: 'boolean', flag: 'fix', initial: () => false, shown: 'false', help: 'apply the safe fixes to the Dockerfile and its scripts, print the diff on stderr, then report what is left' },
  { key: 'fixDryRun', scope: 'face', type: 'boolean', flag: 'fix-dry-run', initial: () => false, shown: 'false', help: 'print the diff --fix would make (standard output) and change nothing; exit 1 when there is one' },
  { key: 'fixUnsafe', scope: 'face', type: 'boolean', flag: 'fix-unsafe', initial: () => false, shown: 'false', help: 'with --fix (implied) or --fix-dry-run: the fixes that may change behaviour too (exec form with a CMD, bash installed, `exec` before a trap)' },
  { key: 'fixVerify', scope: 'face', type: 'boolean', flag: 'verify', initial: () => false, shown: 'false', help: 'with --fix: build and probe the fixed files in a copy first, and write the fixes only when their findings are gone and nothing new appears' },
  { key: 'githubToken', scope: 'face', type: 'value', input: 'github-token', actionDefault: '${{ github.token }}', shown: '${{ github.token }}', parse: (raw: string) => raw, help: 'token for the check run, review and pull request diff API calls; used for nothing else' },
] as const satisfies readonly Entry[];

export type CatalogEntry = (typeof CATALOG)[number];

/** The parsed value of an entry. */
export type ValueOf<E> = E extends { type: 'boolean' }
  ? boolean
  : E extends { type: 'map' }
    ? Record<string, string>
    : E extends { type: 'value'; parse: (...a: never[]) => infer V }
      ? V
      : E extends { type: 'list'; collect: (...a: never[]) => infer V }
        ? V
        : E extends { type: 'list'; item: (...a: never[]) => infer I }
          ? I[]
          : never;

type WithDefault<E> = E extends { initial: unknown } ? E : never;

/** The typed values of a scope's entries: those with a default always set, the others optional. */
export type ValuesOf<E extends CatalogEntry> = { [X in WithDefault<E> as X['key']]: ValueOf<X> } & { [X in Exclude<E, WithDefault<E>> as X['key']]?: ValueOf<X> };

export type RunValues = ValuesOf<Extract<CatalogEntry, { scope: 'run' }>>;
export type FaceValues = ValuesOf<Extract<CatalogEntry, { scope: 'face' }>>;
export type CatalogKey = CatalogEntry['key'];

/** Entries on one face, in catalog order. */
export const ENTRIES: readonly Entry[] = CATALOG;
export const byKey = (key: CatalogKey): Entry => ENTRIES.find((e) => e.key === key)!;

export function initialValues(scope: Scope): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of ENTRIES) if (e.scope === scope && e.initial) out[e.key] = e.initial();
  return out;
}

