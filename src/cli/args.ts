// Command-line words -> typed Options (INTERFACE.md). Every mistake is an InputError.
import { parseArgs } from 'node:util';
import { InputError } from '../errors.js';
import {
  defaultOptions,
  parseFailOn,
  parseFilterMode,
  parseFormat,
  parseIgnore,
  parseKeyValue,
  parseBuilderName,
  parseBuildxSpec,
  parseImageRef,
  parseNetwork,
  parsePlatforms,
  parseProgress,
  parseCommand,
  parseRegex,
  parseSeconds,
  type Options,
} from '../options.js';

export const USAGE = `Usage: entrypoint-guard [options] [DOCKERFILE]        DOCKERFILE defaults to ./Dockerfile

Lints a Dockerfile and the wrapper scripts it starts, then builds every platform with
buildx, smoke-runs each image and probes how it shuts down on its stop signal.

Options:
  --context DIR          build context (default: the Dockerfile's folder)
  --static               lint only: no build, no containers
  --platforms LIST       comma list (default linux/amd64,linux/arm64)
  --target STAGE         build target
  --build-arg K=V        repeatable
  --grace-period SEC     how long the shutdown probe waits after the stop signal (default 10)
  --startup-wait SEC     upper bound on waiting for readiness before the stop signal
                         (default 60, x3 on emulated platforms; readiness: HEALTHCHECK
                         healthy, a listening socket, or a quiet process tree)
  --ready-log REGEX      readiness is a log line matching REGEX (nothing else counts)
  --ready-cmd CMD        readiness is CMD exiting 0 in the container (docker exec, /bin/sh -c)
  --probe-env K=V        repeatable; env for the probe container (never the host's env)
  --probe-network MODE   docker network for smoke runs and the probe (default none)
  --ignore IDS           comma list of rule ids
  --fail-on LEVEL        error | warning | info | never (default error)
  --format FMT           text (default) | json | sarif
  --output FILE          write the report there instead of stdout
  --image REF            probe this built image (local tag or registry ref, resolved per
                         platform) instead of building; the Dockerfile, when given, is linted
  --builder NAME         buildx builder to build with (default: the current one)
  --cache-from SPEC      repeatable, passed to buildx (type=gha, type=registry,…, type=local)
  --cache-to SPEC        repeatable, passed to buildx
  --secret SPEC          repeatable, buildx --secret (id=…,src=… | id=…,env=…); never logged
  --build-context N=P    repeatable, buildx --build-context
  --ssh SPEC             repeatable, buildx --ssh
  --progress MODE        auto (default: redrawn status on a TTY, plain lines otherwise) |
                         plain | quiet; always on stderr
  --filter-mode MODE     nofilter (default) | added | diff_context | file: report and gate
                         only findings inside the diff given by --diff
  --diff FILE|-          unified diff (e.g. \`git diff origin/main\`) for --filter-mode
  --config FILE          config file (default: .entrypoint-guard.yml at the repository root
                         when present); precedence: flag > config > default
  --plan-platforms LIST  a matrix shard: every platform the plan gave this Dockerfile,
                         recorded in the JSON report so merge can tell a missing shard
  -h, --help             show this help
  -v, --version          show the version

Matrix (see entrypoint-guard plan --help, entrypoint-guard merge --help):
  entrypoint-guard plan [--platforms LIST] [--runner PLATFORM=LABEL]… [GLOB…]
  entrypoint-guard merge [--format FMT] [--output FILE] [--fail-on LEVEL] REPORT.json…

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage or input.`;

export interface RunCommand {
  kind: 'run';
  options: Options;
  /** The options the flags set: the config file gives defaults for the others only. */
  given: Set<keyof Options>;
  /** --config FILE, as written. */
  config?: string;
  /** --diff FILE, or '-' for stdin. */
  diff?: string;
  /** --plan-platforms LIST: this run is a matrix shard of that plan. */
  planPlatforms?: string[];
}

export type CliCommand = { kind: 'help' } | { kind: 'version' } | RunCommand;

export function parseCli(argv: string[], cwd = process.cwd()): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        context: { type: 'string' },
        static: { type: 'boolean' },
        platforms: { type: 'string' },
        target: { type: 'string' },
        'build-arg': { type: 'string', multiple: true },
        'grace-period': { type: 'string' },
        'startup-wait': { type: 'string' },
        'ready-log': { type: 'string' },
        'ready-cmd': { type: 'string' },
        'probe-env': { type: 'string', multiple: true },
        'probe-network': { type: 'string' },
        ignore: { type: 'string', multiple: true },
        'fail-on': { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string' },
        image: { type: 'string' },
        builder: { type: 'string' },
        'cache-from': { type: 'string', multiple: true },
        'cache-to': { type: 'string', multiple: true },
        secret: { type: 'string', multiple: true },
        'build-context': { type: 'string', multiple: true },
        ssh: { type: 'string', multiple: true },
        progress: { type: 'string' },
        'filter-mode': { type: 'string' },
        diff: { type: 'string' },
        config: { type: 'string' },
        'plan-platforms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    // node:util's messages name the option; keep the first sentence only.
    const text = err instanceof Error ? err.message.split('\n')[0]!.replace(/\. To specify.*$/, '').replace(/\.$/, '') : String(err);
    const ambiguous = /Option '(--[a-z-]+)[^']*' argument is ambiguous/.exec(text);
    if (ambiguous) throw new InputError(`${ambiguous[1]} needs a value (write ${ambiguous[1]}=VALUE for a value that starts with "-")`);
    throw new InputError(`${text}; see entrypoint-guard --help`);
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };
  if (parsed.positionals.length > 1) {
    throw new InputError(`expected at most one DOCKERFILE, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}`);
  }

  const options = defaultOptions(cwd);
  const given = new Set<keyof Options>();
  const set = <K extends keyof Options>(key: K, value: Options[K]) => {
    options[key] = value;
    given.add(key);
  };
  if (parsed.positionals[0] !== undefined) set('dockerfile', parsed.positionals[0]);
  if (v.context !== undefined) set('context', v.context);
  if (v.static !== undefined) set('static', v.static);
  if (v.platforms !== undefined) {
    set('platforms', parsePlatforms(v.platforms));
    options.platformsExplicit = true;
  }
  if (v.target !== undefined) set('target', v.target);
  for (const kv of v['build-arg'] ?? []) {
    const [k, val] = parseKeyValue(kv, '--build-arg');
    options.buildArgs[k] = val;
    given.add('buildArgs');
  }
  if (v['grace-period'] !== undefined) set('gracePeriod', parseSeconds(v['grace-period'], '--grace-period'));
  if (v['startup-wait'] !== undefined) set('startupWait', parseSeconds(v['startup-wait'], '--startup-wait'));
  if (v['ready-log'] !== undefined) set('readyLog', parseRegex(v['ready-log'], '--ready-log'));
  if (v['ready-cmd'] !== undefined) set('readyCmd', parseCommand(v['ready-cmd'], '--ready-cmd'));
  for (const kv of v['probe-env'] ?? []) {
    const [k, val] = parseKeyValue(kv, '--probe-env');
    options.probeEnv[k] = val;
    given.add('probeEnv');
  }
  if (v['probe-network'] !== undefined) set('probeNetwork', parseNetwork(v['probe-network']));
  for (const list of v.ignore ?? []) for (const id of parseIgnore(list)) options.ignore.add(id);
  if (v['fail-on'] !== undefined) set('failOn', parseFailOn(v['fail-on']));
  if (v['filter-mode'] !== undefined) set('filterMode', parseFilterMode(v['filter-mode']));
  if (v.format !== undefined) set('format', parseFormat(v.format));
  if (v.output !== undefined) set('output', v.output);
  if (v.image !== undefined) set('image', parseImageRef(v.image, '--image'));
  if (v.builder !== undefined) set('builder', parseBuilderName(v.builder, '--builder'));
  const specs = (flag: string, key: 'cacheFrom' | 'cacheTo' | 'secrets' | 'buildContexts' | 'ssh', values: string[] | undefined, needsEquals = true) => {
    for (const value of values ?? []) {
      options[key].push(parseBuildxSpec(value, flag, needsEquals));
      given.add(key);
    }
  };
  specs('--cache-from', 'cacheFrom', v['cache-from']);
  specs('--cache-to', 'cacheTo', v['cache-to']);
  specs('--secret', 'secrets', v.secret);
  specs('--build-context', 'buildContexts', v['build-context']);
  specs('--ssh', 'ssh', v.ssh, false);
  if (v.progress !== undefined) set('progress', parseProgress(v.progress));
  const command: RunCommand = { kind: 'run', options, given };
  if (v.config !== undefined) {
    if (v.config.trim() === '') throw new InputError('--config needs a file name');
    command.config = v.config;
  }
  if (v.diff !== undefined) {
    if (v.diff.trim() === '') throw new InputError('--diff needs a file name, or - for standard input');
    command.diff = v.diff;
  }
  if (v['plan-platforms'] !== undefined) command.planPlatforms = parsePlatforms(v['plan-platforms']);
  return command;
}
