// The one table of programs the start chain knows: inits, privilege droppers, shells,
// exec-through helpers and package managers. Every rule, the model and the runtime probe
// read program knowledge from here.
import path from 'node:path';

export type ProgramRole = 'init' | 'privdrop' | 'shell' | 'passthrough' | 'package-manager';

export interface KnownProgram {
  role: ProgramRole;
  /** The canonical name (`tini` for `tini-static-amd64`). */
  name: string;
  /** An init that supervises services of its own: it needs no program (s6-overlay). */
  supervisor?: boolean;
}

/** The last path component: `/usr/local/bin/gosu` -> `gosu`. */
export function baseName(word: string): string {
  return path.posix.basename(word.replace(/\/+$/, ''));
}

// Inits that run one child and reap zombies. `docker-init` is the tini that `docker run --init` mounts.
const INITS: Record<string, string> = {
  tini: 'tini', 'tini-static': 'tini', 'docker-init': 'tini', 'dumb-init': 'dumb-init', catatonit: 'catatonit',
};
// Replace themselves with the program after dropping privileges (su and sudo stay as a parent).
const PRIVDROP = new Set(['gosu', 'su-exec', 'setpriv', 's6-setuidgid', 'chroot', 'su', 'sudo', 'runuser', 'chpst', 's6-applyuidgid']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'fish', 'busybox']);
// Exec the rest of their arguments as the program: `env A=b app`, `nice -n 5 app`.
const PASSTHROUGH = new Set(['env', 'nice', 'ionice', 'taskset', 'stdbuf', 'numactl', 'setsid', 'exec']);
const PACKAGE_MANAGERS = new Set(['npm', 'yarn', 'pnpm', 'npx', 'pnpx', 'corepack']);

/** What a program word is, by its base name; undefined for anything else (the app, a script). */
export function knownProgram(word: string): KnownProgram | undefined {
  // s6-overlay's documented entrypoint: it runs CMD under supervision and stops it on SIGTERM.
  if (word === '/init') return { role: 'init', name: 's6-overlay', supervisor: true };
  const name = baseName(word);
  // Release assets keep their arch suffix: `tini-static-amd64`, `tini-arm64`, `dumb-init_1.2.5_x86_64`.
  const init = INITS[name] ?? INITS[name.replace(/[-_](static[-_])?(amd64|arm64|armhf|armel|i386|x86_64|aarch64|ppc64le|s390x|muslc?[-_]\w+)$/, '').replace(/_[\d.]+_\w+$/, '')];
  if (init) return { role: 'init', name: init };
  if (PRIVDROP.has(name)) return { role: 'privdrop', name };
  if (SHELLS.has(name)) return { role: 'shell', name };
  if (PASSTHROUGH.has(name)) return { role: 'passthrough', name };
  if (PACKAGE_MANAGERS.has(name)) return { role: 'package-manager', name };
  return undefined;
}

/**
 * Process managers that read their arguments as a command line of their own, because Docker's
 * exec form runs no shell: monofy runs the commands separated by `&&` one after another, then
 * those separated by `|||` side by side, and substitutes `$VAR`/`${VAR}` from its environment
 * itself (https://pypi.org/project/monofy/, bugsink's images).
 */
const ARGV_COMMAND_LINES: Record<string, { operators: string[]; expandsVariables: boolean }> = {
  monofy: { operators: ['&&', '|||'], expandsVariables: true },
};

/** The command-line syntax a program reads from its own arguments (`monofy a '&&' b '|||' c`); undefined for any other program. */
export function argvCommandLine(word: string): { operators: string[]; expandsVariables: boolean } | undefined {
  const name = baseName(word);
  return Object.hasOwn(ARGV_COMMAND_LINES, name) ? ARGV_COMMAND_LINES[name] : undefined;
}

/** Schedulers given their job as arguments, which they run again on each tick: `go-cron "@daily" /bin/sh backup.sh`. */
const ARGV_SCHEDULERS = new Set(['go-cron', 'gocron']);

/** Is the word a scheduler that runs the command in its arguments on a schedule? */
export function isArgvScheduler(word: string): boolean {
  return ARGV_SCHEDULERS.has(baseName(word));
}

/**
 * Control scripts that images ship as /bin/sh scripts and that run their server as a child,
 * without exec: Apache's apachectl ends in `$HTTPD "$@"; ERROR=$?; exit $ERROR`, so started in
 * the foreground (`apache2ctl -D FOREGROUND`) the shell stays PID 1 with the server under it.
 * `foreground`: the command that starts the same server as PID 1.
 */
const SHELL_CONTROL_SCRIPTS: Record<string, { server: string; foreground: string }> = {
  apache2ctl: { server: 'apache2', foreground: '. /etc/apache2/envvars && exec apache2 -D FOREGROUND' },
  apachectl: { server: 'httpd', foreground: 'exec httpd -D FOREGROUND' },
};

/** The server a control script runs as its own child when started in the foreground; undefined for anything else. */
export function controlScriptChild(argv: string[]): { script: string; server: string; foreground: string } | undefined {
  const script = baseName(argv[0] ?? '');
  const known = SHELL_CONTROL_SCRIPTS[script];
  if (!known) return undefined;
  // `-D FOREGROUND` / `-DFOREGROUND`: the server stays in the foreground (otherwise it forks and the script ends).
  const foreground = argv.some((w, i) => w === '-DFOREGROUND' || (w === '-D' && argv[i + 1] === 'FOREGROUND'));
  return foreground ? { script, ...known } : undefined;
}

/** Options of each exec-through program that take the next word as their value. */
const VALUE_FLAGS: Record<string, Set<string>> = {
  tini: new Set(['-p', '-e', '-r', '--rewrite', '-l']),
  'dumb-init': new Set(['-r', '--rewrite']),
  catatonit: new Set([]),
  setpriv: new Set([
    '--reuid', '--regid', '--ruid', '--rgid', '--euid', '--egid', '--groups', '--inh-caps', '--ambient-caps',
    '--bounding-set', '--securebits', '--pdeathsig', '--selinux-label', '--apparmor-profile', '--landlock-access', '--landlock-rule',
  ]),
  chroot: new Set(['--userspec', '--groups']),
  env: new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string']),
  nice: new Set(['-n', '--adjustment']),
  ionice: new Set(['-c', '--class', '-n', '--classdata', '-p', '--pid', '-P', '--pgid', '-u', '--uid']),
  stdbuf: new Set(['-i', '-o', '-e', '--input', '--output', '--error']),
  numactl: new Set(['-m', '--membind', '-N', '--cpunodebind', '-C', '--physcpubind', '-i', '--interleave', '-p', '--preferred']),
  sudo: new Set(['-u', '--user', '-g', '--group', '-C', '--close-from', '-D', '--chdir', '-h', '--host', '-p', '--prompt', '-r', '--role', '-t', '--type', '-T', '--command-timeout', '-U', '--other-user']),
  runuser: new Set(['-u', '--user', '-g', '--group', '-G', '--supp-group', '-s', '--shell', '-w', '--whitelist-environment']),
  su: new Set(['-g', '--group', '-G', '--supp-group', '-s', '--shell', '-w', '--whitelist-environment']),
  chpst: new Set(['-u', '-U', '-b', '-e', '-/', '-n', '-l', '-L', '-m', '-d', '-o', '-p', '-f', '-c']),
};

/** How many leading positional operands a privilege dropper takes before the program (`gosu USER prog`). */
const OPERANDS: Record<string, number> = { gosu: 1, 'su-exec': 1, 's6-setuidgid': 1, 's6-applyuidgid': 0, chroot: 1, taskset: 1, setpriv: 0, chpst: 0, runuser: 0, sudo: 0 };

export interface ExecThrough {
  program: KnownProgram;
  /** Index in argv of the next program, argv.length when none is given. */
  next: number;
  /** For su/runuser without `-c`: the user; for su -c / runuser -c: the command string (su's -c runs a shell). */
  command?: string;
  /** An init that signals its child's whole process group (dumb-init by default, `tini -g`). */
  groupSignals?: boolean;
}

/**
 * Read an exec-through program at argv[i] (init, privilege dropper, passthrough): its options,
 * its operands, and where the program it runs starts. Undefined for shells, package managers
 * and anything unknown.
 */
export function execThrough(argv: string[], i: number): ExecThrough | undefined {
  const program = knownProgram(argv[i] ?? '');
  if (!program || program.role === 'shell' || program.role === 'package-manager') return undefined;
  const name = program.name;
  if (name === 'exec') return { program, next: i + 1 };
  const valueFlags = VALUE_FLAGS[name] ?? new Set<string>();
  let j = i + 1;
  let group = false;
  let single = false;
  let command: string | undefined;
  while (j < argv.length) {
    const w = argv[j]!;
    if (w === '--') {
      j++;
      break;
    }
    if (name === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) {
      j++;
      continue;
    }
    if (!w.startsWith('-') || w === '-') {
      // `su - user`: a lone `-` is su's login flag.
      if (w === '-' && (name === 'su' || name === 'runuser')) {
        j++;
        continue;
      }
      break;
    }
    if ((name === 'su' || name === 'runuser') && (w === '-c' || w === '--command' || w.startsWith('--command='))) {
      command = w.startsWith('--command=') ? w.slice('--command='.length) : argv[j + 1];
      j += w.startsWith('--command=') ? 1 : 2;
      continue;
    }
    if (name === 'tini' && /^-[a-zA-Z]*g/.test(w)) group = true;
    if (name === 'dumb-init' && (w === '-c' || w === '--single-child')) single = true;
    j += valueFlags.has(w) ? 2 : 1;
  }
  if (name === 'su' || name === 'runuser') {
    // `su [-] [options] user [args…]`: the user, then (without -c) arguments for the user's shell.
    const user = argv[j];
    let next = user === undefined ? j : j + 1;
    // util-linux and shadow su read options after the user too (getopt permutes): `su app -c 'cmd'`.
    for (let k = next; command === undefined && k < argv.length && argv[k] !== '--'; k++) {
      const w = argv[k]!;
      if (w === '-c' || w === '--command') {
        command = argv[k + 1];
        next = k + 2;
      } else if (w.startsWith('--command=')) {
        command = w.slice('--command='.length);
        next = k + 1;
      } else if (!w.startsWith('-') || w === '-') break;
      else {
        // An option of su's own (`su thug -s /bin/bash`): what follows it is still not the shell's.
        if (valueFlags.has(w)) k++;
        next = k + 1;
      }
    }
    return { program, next, ...(command !== undefined ? { command } : {}) };
  }
  const operands = OPERANDS[name] ?? 0;
  j = Math.min(argv.length, j + operands);
  const out: ExecThrough = { program, next: j };
  if (name === 'dumb-init') out.groupSignals = !single;
  if (name === 's6-overlay') out.groupSignals = true;
  if (name === 'tini') out.groupSignals = group;
  return out;
}

/** Shell options that take the next word as their value. */
const SHELL_VALUE_OPTS = /^[-+][a-zA-Z]*[oO]$/;

export interface ShellInvocation {
  /** `-c`: the command string, and the index of the words after it ($0, $1…). */
  command?: { text: string; index: number };
  /** A script file the shell reads (`sh entrypoint.sh`), and its index. */
  script?: { word: string; index: number };
}

/** Read a shell's command line at argv[i] (`sh -c '…' name args`, `bash -e run.sh`, `busybox sh -c …`). */
export function shellInvocation(argv: string[], i: number): ShellInvocation {
  let j = i + 1;
  if (baseName(argv[i] ?? '') === 'busybox' && argv[j] !== undefined && SHELLS.has(argv[j]!)) j++;
  let commandString = false;
  while (j < argv.length && /^[-+]/.test(argv[j]!)) {
    const opt = argv[j]!;
    j++;
    if (opt === '--' || opt === '-') break;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(opt)) commandString = true;
    if (SHELL_VALUE_OPTS.test(opt)) j++;
  }
  if (commandString) return argv[j] === undefined ? {} : { command: { text: argv[j]!, index: j } };
  return argv[j] === undefined ? {} : { script: { word: argv[j]!, index: j } };
}

/** xargs options that take their value as the next word (GNU and BusyBox spellings). */
const XARGS_VALUE_FLAGS = new Set(['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s', '--arg-file', '--delimiter', '--eof', '--replace', '--max-lines', '--max-args', '--max-procs', '--max-chars', '--process-slot-var']);

/**
 * When argv[i] is `xargs`: the index of the command it runs on its input (`find … | xargs -0r
 * chown app:app` runs `chown`), its options skipped; undefined when it runs none (then `echo`)
 * or argv[i] is not xargs.
 */
export function xargsCommandAt(argv: string[], i: number): number | undefined {
  if (path.posix.basename(argv[i] ?? '') !== 'xargs') return undefined;
  let j = i + 1;
  while (j < argv.length) {
    const w = argv[j]!;
    if (w === '--') return j + 1 < argv.length ? j + 1 : undefined;
    if (!w.startsWith('-') || w === '-') return j;
    j += XARGS_VALUE_FLAGS.has(w) ? 2 : 1;
  }
  return undefined;
}

/**
 * The index of the command string when argv[i] starts a shell given `-c` (`sh -c '…'`,
 * `/usr/bin/env bash -euc '…'`, `bash -o pipefail -c …`); undefined otherwise.
 */
export function commandStringAt(argv: string[], i: number): number | undefined {
  let k = i;
  if (knownProgram(argv[k] ?? '')?.name === 'env') k = execThrough(argv, k)!.next;
  if (knownProgram(argv[k] ?? '')?.role !== 'shell') return undefined;
  return shellInvocation(argv, k).command?.index;
}

export type Interpreter = 'sh' | 'bash' | 'zsh' | 'ksh' | 'dash' | 'fish' | 'python' | 'node' | 'ruby' | 'perl' | 'php';

/** `/usr/bin/python3.12` -> python, `nodejs` -> node, `/bin/sh` -> sh, `ash` -> sh; undefined when not an interpreter we judge. */
export function interpreterOf(word: string): Interpreter | undefined {
  const name = baseName(word);
  if (name === 'sh' || name === 'ash') return 'sh';
  if (name === 'bash' || name === 'zsh' || name === 'ksh' || name === 'dash' || name === 'fish') return name;
  if (/^python(\d+(\.\d+)?)?$/.test(name)) return 'python';
  if (name === 'node' || name === 'nodejs') return 'node';
  if (/^ruby(\d+(\.\d+)?)?$/.test(name)) return 'ruby';
  if (/^perl(\d+(\.\d+)*)?$/.test(name)) return 'perl';
  if (/^php(\d+(\.\d+)?)?$/.test(name)) return 'php';
  return undefined;
}

/** HTTP clients a HEALTHCHECK runs (`curl -f …`, `wget -q --spider …`). */
export type HttpClient = 'curl' | 'wget';

/** `/usr/bin/curl` -> curl; undefined for any other program. */
export function httpClientOf(word: string): HttpClient | undefined {
  const name = baseName(word);
  return name === 'curl' || name === 'wget' ? name : undefined;
}

/** The programs whose presence in the final image the model tracks: interpreters and HTTP clients. */
export type ImageProgram = Interpreter | HttpClient;

/** The distribution package that brings an interpreter (`python3` for python, `nodejs` for node). */
export function interpreterPackage(program: string): string {
  const interp = interpreterOf(program);
  if (interp === 'python') return 'python3';
  if (interp === 'node') return 'nodejs';
  return interp ?? program;
}

/**
 * A shell started with no script and no command (`bash`, `sh -l`, `/bin/bash -i`): the
 * interactive session a user asked for (`docker run -it image bash`), not a service. An
 * interactive shell ignores SIGTERM whether or not it is PID 1, and without a terminal it reads
 * stdin to its end and exits, so `exec` would not change how it stops.
 */
export function interactiveShell(words: string[]): boolean {
  if (knownProgram(words[0] ?? '')?.role !== 'shell' || baseName(words[0] ?? '') === 'busybox') return false;
  // Only option flags (`-l`, `-i`, `--login`): `-c`, `-s` or an operand names what it runs.
  return words.slice(1).every((w) => /^-[a-zA-Z]+$|^--(login|norc|noprofile|posix)$/.test(w) && !/^-[a-zA-Z]*[cs]/.test(w) && !/^-[a-zA-Z]*o$/.test(w));
}

/** A shell other than a POSIX sh: a script that needs it could often say `#!/bin/sh` instead. */
export function isExtraShell(program: string): boolean {
  const name = baseName(program);
  return knownProgram(name)?.role === 'shell' && !['sh', 'ash', 'dash', 'busybox'].includes(name);
}

/**
 * What a command does when a script runs it in the foreground: `server` (a long-running server
 * or worker that holds the script there until it stops: gunicorn, celery worker, nginx with
 * `daemon off;`), `daemon` (forks into the background and returns: nginx, php-fpm, gunicorn
 * --daemon), `one-shot` (a set-up step that returns: migrate, collectstatic, db:migrate, a
 * build). Undefined when its words do not say (a `node x.js` may be a migration or the server).
 */
export type ProgramRun = 'server' | 'daemon' | 'one-shot';

/** Sub-commands that run once and return, whatever program runs them. */
const ONE_SHOT_WORDS = new Set([
  'migrate', 'makemigrations', 'collectstatic', 'createsuperuser', 'compilemessages', 'check', 'loaddata', 'db:migrate',
  'db:prepare', 'db:setup', 'db:create', 'db:seed', 'assets:precompile', 'upgrade', 'build', 'install', 'ci', 'init',
  'config:cache', 'route:cache', 'view:cache', 'optimize', 'storage:link', 'deploy', 'generate', '--version', '--help',
  // Stopping a service returns once it is down (`pg_ctl stop`, `catalina.sh stop`, `redis-cli shutdown`).
  'stop', 'shutdown',
]);

/**
 * Programs that run a job to its end and return, whatever their arguments: test runners and
 * playbook runners (`pytest`, `ansible-playbook site.yml`).
 */
const ONE_SHOT_PROGRAMS = new Set(['pytest', 'py.test', 'rspec', 'jest', 'vitest', 'mocha', 'phpunit', 'pest', 'tox', 'nox', 'behave', 'ansible-playbook']);

export function programRun(words: string[]): ProgramRun | undefined {
  const name = baseName(words[0] ?? '');
  const rest = words.slice(1);
  const has = (...flags: string[]) => rest.some((w) => flags.includes(w) || flags.some((f) => f.startsWith('--') && w.startsWith(`${f}=`)));
  const sub = rest.find((w) => !w.startsWith('-'));
  if (rest.some((w) => w === '--version' || w === '--help')) return 'one-shot';
  // `node -v`, `python -h` alone; elsewhere `-v` is verbose and `-h` often a host (`-h 0.0.0.0`).
  if (rest.length === 1 && (rest[0] === '-v' || rest[0] === '-h')) return 'one-shot';
  if (ONE_SHOT_PROGRAMS.has(name)) return 'one-shot';
  // A script named for stopping something (`stop-db.sh`, `shutdown.sh`): a clean-up step after the app.
  if (/^(stop|shutdown)([-_.]|$)|[-_](stop|shutdown)(\.sh)?$/.test(name)) return 'one-shot';
  // A test run, as a sub-command: `go test ./...`, `npm test`, `cargo test`, `python manage.py test`.
  const operands = rest.filter((w) => !w.startsWith('-'));
  // A `version` or `help` sub-command alone (`./alist version`, `vault version`): prints and returns.
  if (operands.length === 1 && (operands[0] === 'version' || operands[0] === 'help')) return 'one-shot';
  if (sub === 'test' || (/(^|\/)manage\.py$/.test(operands[0] ?? '') && operands[1] === 'test')) return 'one-shot';
  if (rest.includes('-m') && ONE_SHOT_PROGRAMS.has(sub ?? '')) return 'one-shot';
  switch (name) {
    case 'gunicorn':
      return has('-D', '--daemon') ? 'daemon' : 'server';
    case 'uvicorn':
    case 'hypercorn':
    case 'daphne':
    case 'waitress-serve':
    case 'sidekiq':
    case 'puma':
    case 'thin':
    case 'caddy':
    case 'traefik':
    case 'apache2-foreground':
      return name === 'caddy' && sub !== 'run' ? undefined : 'server';
    case 'unicorn':
    case 'unicorn_rails':
      return has('-D', '--daemonize') ? 'daemon' : 'server';
    case 'celery':
      if (has('--detach')) return 'daemon';
      return rest.some((w) => w === 'worker' || w === 'beat' || w === 'flower') ? 'server' : undefined;
    case 'rq':
      return sub === 'worker' ? 'server' : undefined;
    case 'rails':
    case 'rackup':
      return name === 'rackup' || sub === 'server' || sub === 's' ? (has('-d', '--daemon') ? 'daemon' : 'server') : rest.some((w) => ONE_SHOT_WORDS.has(w)) ? 'one-shot' : undefined;
    case 'nginx': {
      const g = rest.indexOf('-g');
      return g >= 0 && /daemon\s+off/.test(rest[g + 1] ?? '') ? 'server' : 'daemon';
    }
    case 'php-fpm': {
      // php-fpm reads its flags in order: the last of -F (foreground) and -D (daemonize) wins (`php-fpm -F -R -D` forks).
      const last = (flags: string[]) => rest.reduce((at, w, i) => (flags.includes(w) ? i : at), -1);
      return last(['-F', '--nodaemonize']) > last(['-D', '--daemonize']) ? 'server' : 'daemon';
    }
    case 'httpd':
    case 'apache2':
      return rest.some((w) => /^-DFOREGROUND$/.test(w)) || rest.join(' ').includes('-D FOREGROUND') ? 'server' : 'daemon';
    case 'supervisord':
      return has('-n', '--nodaemon') ? 'server' : undefined;
    case 'crond':
    case 'cron':
      return has('-f') ? 'server' : 'daemon';
    case 'mongod':
      // `--shutdown` stops the mongod running on the dbpath and `--repair` repairs the data files; both then exit (mongodb.com/docs/manual/reference/program/mongod).
      if (has('--shutdown', '--repair')) return 'one-shot';
      return has('--fork') ? 'daemon' : 'server';
    case 'redis-server':
      return rest.some((w) => w === '--daemonize') && rest[rest.indexOf('--daemonize') + 1] === 'yes' ? 'daemon' : 'server';
    case 'npm':
    case 'yarn':
    case 'pnpm': {
      if (sub === 'start' || (sub === 'run' && /^(start|serve|prod|production)(:|$)/.test(rest.filter((w) => !w.startsWith('-'))[1] ?? ''))) return 'server';
      // A test suite run as a package script (`npm run test:e2e -- --runInBand`, `yarn test:unit`): a job that ends.
      const script = sub === 'run' || sub === 'run-script' ? operands[1] : sub;
      if (script !== undefined && /^test(:|$)/.test(script)) return 'one-shot';
      return sub && (ONE_SHOT_WORDS.has(sub) || rest.some((w) => ONE_SHOT_WORDS.has(w))) ? 'one-shot' : undefined;
    }
  }
  // `python manage.py migrate`, `php artisan migrate`, `flask db upgrade`, `alembic upgrade head`, `prisma migrate deploy`.
  if (rest.some((w) => ONE_SHOT_WORDS.has(w))) {
    if (rest.includes('runserver') || (name === 'flask' && sub === 'run')) return 'server';
    return 'one-shot';
  }
  if (rest.includes('runserver') || (name === 'flask' && sub === 'run')) return 'server';
  return undefined;
}

/**
 * A program that reads from its config file whether it stays in the foreground: the config
 * files it would read, in its order (the first that exists wins), and how to read the answer.
 * supervisord daemonizes unless `-n` or its `[supervisord]` section says `nodaemon=true`; the
 * file is `-c FILE` (`--configuration`), else the first of its search path
 * (supervisord.org/configuration.html; the paths relative to its executable and to the working
 * directory are not followed).
 */
export function foregroundConfig(words: string[]): { paths: string[]; foreground: (text: string) => boolean } | undefined {
  if (baseName(words[0] ?? '') !== 'supervisord') return undefined;
  const rest = words.slice(1);
  let file: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!;
    if (w === '-c' || w === '--configuration') file = rest[i + 1];
    else if (w.startsWith('--configuration=')) file = w.slice('--configuration='.length);
    else if (/^-c./.test(w)) file = w.slice(2);
  }
  return { paths: file !== undefined ? [file] : ['/etc/supervisord.conf', '/etc/supervisor/supervisord.conf'], foreground: supervisordNoDaemon };
}

/** The `[supervisord]` section of a supervisord.conf sets `nodaemon` to a true value (Python ConfigParser, `;`/`#` comments). */
function supervisordNoDaemon(text: string): boolean {
  let section = '';
  let on = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header) {
      section = header[1]!.trim();
      continue;
    }
    const m = /^nodaemon\s*[=:]\s*([^;#\s]*)/i.exec(line);
    if (m && section === 'supervisord') on = /^(true|yes|on|1)$/i.test(m[1]!);
  }
  return on;
}

/**
 * How a long-running daemon wants to be stopped, per its own documentation: the signal that
 * drains in-flight work, and the ones it treats as a fast or abortive stop. Read by the runtime
 * probe's stop-signal-not-graceful check for the program the stop signal reaches.
 */
export interface StopSignals {
  /** The daemon's documented name, for messages. */
  name: string;
  graceful: string;
  /** Signals it handles as a fast stop that drops connections or kills workers mid-request. */
  abortive: string[];
  /** What the graceful signal does and what the abortive ones do, in the documentation's words. */
  why: string;
  /** Where that is documented. */
  source: string;
}

/** `args`: the daemon's own options, where its name alone is ambiguous (BusyBox has an `httpd` applet too). */
const STOP_SIGNALS: { match: RegExp; args?: RegExp; stop: StopSignals }[] = [
  {
    match: /^nginx$/,
    stop: { name: 'nginx', graceful: 'SIGQUIT', abortive: ['SIGTERM', 'SIGINT'], why: 'SIGQUIT is a graceful shutdown (workers finish the requests they have); SIGTERM and SIGINT are a fast shutdown that closes open connections', source: 'https://nginx.org/en/docs/control.html' },
  },
  {
    match: /^php-fpm[\d.]*$/,
    stop: { name: 'php-fpm', graceful: 'SIGQUIT', abortive: ['SIGTERM', 'SIGINT'], why: 'SIGQUIT is a graceful stop (children finish their requests); SIGTERM and SIGINT terminate immediately', source: 'php-fpm(8)' },
  },
  {
    // Apache in a container runs in the foreground: `-DFOREGROUND` (the official image's httpd-foreground) or `-X`.
    match: /^(?:httpd|apache2)$/,
    args: /(?:^|\s)-(?:D\s*FOREGROUND|X)(?:\s|$)/,
    stop: { name: 'Apache httpd', graceful: 'SIGWINCH', abortive: ['SIGTERM', 'SIGINT'], why: 'SIGWINCH is a graceful stop (children finish their requests); SIGTERM stops at once and kills the children mid-request', source: 'https://httpd.apache.org/docs/2.4/stopping.html' },
  },
  {
    match: /^(?:postgres|postmaster)$/,
    stop: { name: 'PostgreSQL', graceful: 'SIGINT', abortive: ['SIGQUIT'], why: 'SIGINT is the fast shutdown that rolls back open transactions and exits cleanly; SIGTERM (smart) waits for every client to disconnect, and SIGQUIT exits without a clean shutdown (crash recovery at the next start)', source: 'https://www.postgresql.org/docs/current/server-shutdown.html' },
  },
  {
    match: /^haproxy$/,
    stop: { name: 'HAProxy', graceful: 'SIGUSR1', abortive: ['SIGTERM', 'SIGINT'], why: 'SIGUSR1 is a soft stop (it stops listening and finishes the connections it has); SIGTERM and SIGINT stop immediately', source: 'https://docs.haproxy.org/2.8/management.html#4' },
  },
  {
    match: /^unicorn(?:_rails)?$/,
    stop: { name: 'unicorn', graceful: 'SIGQUIT', abortive: ['SIGTERM', 'SIGINT'], why: 'SIGQUIT is a graceful shutdown (workers finish their requests); SIGTERM and SIGINT are a quick shutdown that kills the workers', source: 'https://yhbt.net/unicorn/SIGNALS.html' },
  },
  {
    match: /^gunicorn$/,
    stop: { name: 'Gunicorn', graceful: 'SIGTERM', abortive: ['SIGQUIT', 'SIGINT'], why: 'SIGTERM is a graceful shutdown (workers finish their requests within --graceful-timeout); SIGQUIT and SIGINT are a quick shutdown', source: 'https://docs.gunicorn.org/en/stable/signals.html' },
  },
];

/** The daemon's stop signals, by its program word (`/usr/sbin/nginx`, `php-fpm8.2`; retitled masters `nginx:` too) and its arguments. */
export function stopSignalsOf(word: string, args: string[] = []): StopSignals | undefined {
  const name = baseName(word).replace(/:$/, '');
  return STOP_SIGNALS.find((s) => s.match.test(name) && (!s.args || s.args.test(args.join(' '))))?.stop;
}

/**
 * What a program's configuration is read from in the final image: its files (through the
 * COPY/ADD that put them there) and the image's environment.
 */
export interface ProgramSetting {
  /** A file of the final image: its text, undefined when the build does not put it there, 'opaque' when it cannot be read. */
  file(imagePath: string): string | 'opaque' | undefined;
  /** The image's ENV; a value undefined when it is not known. */
  env: Record<string, string | undefined>;
  /** The directory relative config paths are read from; undefined when not known (a script `cd`s first). */
  cwd?: string;
}

/**
 * A server that, as configured, treats a signal as "reload" and keeps running: sent as the stop
 * signal, it never stops the container, which is SIGKILLed when the grace period runs out.
 */
export interface ReloadOnSignal {
  /** The server's documented name, for messages. */
  name: string;
  /** The signals it reloads on, as configured. */
  reloads: string[];
  /** The signals that do stop it, as configured: the first is the one to use. */
  stops: string[];
  /** What the configuration says, for the message. */
  why: string;
  /** The environment variables it reads options from (`UWSGI_DIE_ON_TERM`): a deployment that sets one may change the answer. */
  optionEnv: RegExp;
  /** How to set the option that makes SIGTERM stop it, where its options are written: "add `--die-on-term` to the command". */
  setOption: string;
  /** Where that is documented. */
  source: string;
}

/** Which server treats which signal as a reload: undefined when not such a server, or when its configuration cannot be read in full. */
export function reloadSignals(argv: string[], setting: ProgramSetting): ReloadOnSignal | undefined {
  return baseName(argv[0] ?? '') === 'uwsgi' ? uwsgiReloads(argv.slice(1), setting) : undefined;
}

/** The uWSGI options that decide what SIGTERM does, as found (true: set on). */
interface UwsgiSwitches {
  master: boolean;
  dieOnTerm: boolean;
  exitOnReload: boolean;
  emperor: boolean;
  /** Where master mode was set, for the message. */
  masterAt?: string;
}

const UWSGI_SWITCH: Record<string, keyof Omit<UwsgiSwitches, 'masterAt'>> = {
  master: 'master', 'die-on-term': 'dieOnTerm', 'exit-on-reload': 'exitOnReload', emperor: 'emperor',
};
/** Options that load more configuration, from a file, a URL or a database: what they bring cannot be told here. */
const UWSGI_LOADERS = /^(?:ini|include|inherit|yaml|yml|json|js|xml|config|sqlite3?|ldap)(?:-|$)/;
/** uWSGI options that take no value (the ones a start command puts before a config file name). */
const UWSGI_FLAGS = new Set(['master', 'die-on-term', 'exit-on-reload', 'vacuum', 'enable-threads', 'lazy-apps', 'single-interpreter', 'need-app', 'strict', 'honour-stdin', 'memory-report', 'no-orphans', 'thunder-lock', 'py-autoreload', 'disable-logging', 'log-master', 'auto-procname', 'http-websockets', 'harakiri-verbose', 'catch-exceptions']);
/** A config file named by its extension, which uWSGI loads when given alone (`uwsgi app.ini`). */
const UWSGI_CONFIG_FILE = /\.(ini|ya?ml|json|js|xml)$/;

/** uWSGI's boolean: on unless `false`, `off`, `no` or `0` (uwsgi_opt_true). */
const uwsgiOn = (value: string) => !/^(false|off|no|0)$/i.test(value.trim());

/**
 * uWSGI 2.0 (the released line: pip's and the distributions' uwsgi): in master mode SIGTERM
 * "brutally reloads" the stack (core/master.c: `uwsgi_unix_signal(SIGTERM, reap_them_all)`)
 * and the master execs itself again; SIGINT and SIGQUIT stop it. `die-on-term` swaps SIGTERM
 * and SIGQUIT (SIGTERM stops, SIGQUIT reloads); `exit-on-reload` makes any reload an exit;
 * the Emperor stops on either. Without master mode the process stops on SIGTERM. Options come
 * from the command line, `UWSGI_<OPTION>` environment variables and config files; whatever
 * cannot be read in full (a `$VAR`, an include, a condition around a switch) says nothing.
 * https://uwsgi-docs.readthedocs.io/en/latest/Management.html#signals-for-controlling-uwsgi,
 * https://uwsgi-docs.readthedocs.io/en/latest/ThingsToKnow.html
 */
function uwsgiReloads(args: string[], setting: ProgramSetting): ReloadOnSignal | undefined {
  const on: UwsgiSwitches = { master: false, dieOnTerm: false, exitOnReload: false, emperor: false };
  const set = (key: string, value: string, where: string): boolean => {
    const name = key.replace(/_/g, '-');
    // A hook that remaps a signal (`hook-master-start = unix_signal:15 gracefully_kill_them_all`): SIGTERM does what it says.
    if (/^hook-/.test(name) && /unix_signal/.test(value)) return false;
    const field = UWSGI_SWITCH[name];
    if (!field) return true;
    if (/[$%]\(/.test(value)) return false;
    if (uwsgiOn(value)) {
      on[field] = true;
      if (field === 'master' && !on.masterAt) on.masterAt = where;
    }
    return true;
  };
  const files: string[] = [];
  // The environment: `UWSGI_DIE_ON_TERM=1`, `UWSGI_INI=/app/uwsgi.ini`.
  for (const [name, value] of Object.entries(setting.env)) {
    if (!name.startsWith('UWSGI_')) continue;
    const key = name.slice(6).toLowerCase().replace(/_/g, '-');
    if (value === undefined) {
      if (UWSGI_SWITCH[key] || UWSGI_LOADERS.test(key)) return undefined;
      continue;
    }
    if (UWSGI_LOADERS.test(key)) {
      if (key !== 'ini') return undefined;
      files.push(value);
    } else if (!set(key, value, `\`${name}\``)) return undefined;
  }
  // The command line.
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (w === '?' || w.includes('$')) {
      // An unknown word may be any option.
      return undefined;
    }
    if (w === '-M') {
      set('master', '', '`-M`');
      continue;
    }
    const long = /^--([^=]+)(?:=(.*))?$/.exec(w);
    if (long) {
      const key = long[1]!.replace(/_/g, '-');
      let value = long[2];
      if (UWSGI_LOADERS.test(key)) {
        if (key !== 'ini') return undefined;
        value ??= args[++i];
        if (value === undefined) return undefined;
        files.push(value);
        continue;
      }
      if (UWSGI_SWITCH[key]) {
        if (!set(key, value ?? '', `\`${w}\``)) return undefined;
        continue;
      }
      if (/^hook-/.test(key)) {
        if (!set(key, value ?? args[i + 1] ?? '', `\`${w}\``)) return undefined;
      }
      // Another option: its value, when written apart, is the next word.
      if (value === undefined && !UWSGI_FLAGS.has(key) && args[i + 1] !== undefined && !args[i + 1]!.startsWith('-')) {
        if (UWSGI_CONFIG_FILE.test(args[i + 1]!)) return undefined;
        i++;
      }
      continue;
    }
    if (/^-[yjx]$/.test(w)) return undefined;
    if (!w.startsWith('-') && UWSGI_CONFIG_FILE.test(w)) {
      if (!w.endsWith('.ini')) return undefined;
      files.push(w);
    }
  }
  // The ini files, `[uwsgi]` section (or the one named after `:`).
  for (const spec of files) {
    const m = /^(.*?)(?::([\w.-]+))?$/.exec(spec)!;
    const file = m[1]!;
    if (/[$%]|^\w+:\/\//.test(file) || (!file.startsWith('/') && setting.cwd === undefined)) return undefined;
    const text = setting.file(path.posix.resolve(setting.cwd ?? '/', file));
    if (text === undefined || text === 'opaque') return undefined;
    if (!readUwsgiIni(text, m[2] ?? 'uwsgi', (key, value) => set(key, value, `\`${key} = ${value.trim()}\` in ${path.posix.basename(file)}`))) return undefined;
  }
  if (!on.master || on.exitOnReload || on.emperor) return undefined;
  const ini = files[0] === undefined ? undefined : /^(.*?)(?::([\w.-]+))?$/.exec(files[0])!;
  const setOption = ini ? `add \`die-on-term = true\` to the \`[${ini[2] ?? 'uwsgi'}]\` section of \`${ini[1]}\`` : 'add `--die-on-term` to the command';
  const common = { name: 'uWSGI', optionEnv: /^UWSGI_/, setOption, source: 'https://uwsgi-docs.readthedocs.io/en/latest/Management.html#signals-for-controlling-uwsgi' };
  return on.dieOnTerm
    ? { ...common, reloads: ['SIGQUIT'], stops: ['SIGTERM', 'SIGINT'], why: `in master mode (${on.masterAt}) with \`die-on-term\`, uWSGI 2.0 treats SIGQUIT as a brutal reload and keeps running` }
    : { ...common, reloads: ['SIGTERM'], stops: ['SIGINT', 'SIGQUIT'], why: `in master mode (${on.masterAt}) without \`die-on-term\`, uWSGI 2.0 treats SIGTERM as a brutal reload: it kills its workers, execs itself again and keeps running` };
}

/**
 * Feed each `key = value` of an ini file's section to `set`; false when the section cannot be
 * read in full: it loads more configuration, a switch sits in a condition or loop, or `set`
 * cannot read a value (a placeholder in a switch, a hook that remaps a signal).
 */
function readUwsgiIni(text: string, section: string, set: (key: string, value: string) => boolean): boolean {
  let current = '';
  let depth = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header) {
      current = header[1]!.trim();
      continue;
    }
    if (current !== section) continue;
    const eq = line.indexOf('=');
    const key = (eq >= 0 ? line.slice(0, eq) : line).trim().replace(/_/g, '-');
    const value = eq >= 0 ? line.slice(eq + 1) : '';
    if (/^(if-|for)/.test(key)) depth++;
    else if (/^end(if|for)$/.test(key)) depth = Math.max(0, depth - 1);
    else if (UWSGI_LOADERS.test(key)) return false;
    else if (UWSGI_SWITCH[key] && depth > 0) return false;
    else if (!set(key, value)) return false;
  }
  return true;
}
