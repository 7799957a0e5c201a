// The wrapper waits for other services or grows into an init system.
import { walkCommands, type Command, type Simple } from '../../model/script-syntax.js';
import { commandBase, commandText, commandWords, staticValue, wordTexts } from '../../model/script-syntax.js';
import type { RuleHit, StaticRule } from '../types.js';
import { code, scriptHit, shellScripts } from './common.js';

/** Scripts longer than this many lines of code (comments and blank lines excluded) are reported. */
export const MAX_CODE_LINES = 150;

/** Tools whose whole purpose is waiting for another service. */
const WAIT_TOOLS = /^(wait-for-it(\.sh)?|wait-for(\.sh)?|wait4x|wait-for-postgres(\.sh)?|wait-for-db(\.sh)?|dockerize)$/;
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|::1|0\.0\.0\.0|\[::1\])(:\d+)?$/;

/** The host a probe command targets: from `-h`/`--host`, a URL, or a bare argument; undefined when it does not say. */
function hostOf(cmd: Simple, base: string): { host?: string; socket: boolean } {
  const args = wordTexts(cmd.words.slice(1));
  let socket = false;
  let host: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (/^(-S|--socket)(=|$)/.test(a)) socket = true;
    const h = /^(?:-h|--host|-H)(?:=(.+))?$/.exec(a);
    if (h && base !== 'curl' && base !== 'wget' && base !== 'nc' && base !== 'netcat' && base !== 'ncat') host = h[1] ?? args[i + 1];
    const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/?#]+)/i.exec(a);
    if (url) host = url[1];
  }
  if ((base === 'nc' || base === 'netcat' || base === 'ncat') && host === undefined) {
    host = args.filter((a) => !a.startsWith('-'))[0];
  }
  return host === undefined ? { socket } : { host, socket };
}

/** A command that probes another service (port poll, readiness ping, db query against a host). */
function probe(cmd: Command): string | undefined {
  if (cmd.kind !== 'simple') {
    // bash's /dev/tcp/<host>/<port> in a redirection.
    for (const w of commandWords(cmd)) {
      const m = /\/dev\/(?:tcp|udp)\/([^/\s"']+)\//.exec(w.raw);
      if (m && !LOCAL_HOST.test(m[1]!)) return '/dev/tcp';
    }
    return undefined;
  }
  for (const r of cmd.redirs) {
    const m = r.target ? /\/dev\/(?:tcp|udp)\/([^/\s"']+)\//.exec(r.target.raw) : null;
    if (m && !LOCAL_HOST.test(m[1]!)) return '/dev/tcp';
  }
  const base = commandBase(cmd.words[0]);
  if (base === undefined) return undefined;
  const args = wordTexts(cmd.words.slice(1));
  const { host, socket } = hostOf(cmd, base);
  const remote = host !== undefined && !LOCAL_HOST.test(host);
  switch (base) {
    case 'nc':
    case 'netcat':
    case 'ncat':
      return args.some((a) => /^-[a-zA-Z]*z/.test(a)) && host !== undefined && !LOCAL_HOST.test(host) ? `${base} -z` : undefined;
    case 'pg_isready':
      return socket || (host !== undefined && !remote) ? undefined : 'pg_isready';
    case 'mysqladmin':
    case 'redis-cli':
      return args.includes('ping') && !socket && remote ? `${base} ping` : undefined;
    case 'psql':
    case 'mysql':
    case 'mongosh':
    case 'mongo':
      return remote ? `${base} -h ${host}` : undefined;
    case 'curl':
    case 'wget':
      return remote ? base : undefined;
  }
  return undefined;
}

function codeLines(text: string): number {
  return text.split('\n').filter((l) => {
    const t = l.trim();
    return t !== '' && !t.startsWith('#');
  }).length;
}

export const rule: StaticRule = {
  id: 'wrapper-too-complex',
  severity: 'info',
  title: 'Wrapper waits for other services',
  description: 'A wrapper that polls other services or runs to hundreds of lines has become an init system; ordering and retries belong to the platform and the app.',
  check(model) {
    const hits: RuleHit[] = [];
    for (const script of shellScripts(model)) {
      const { analysis } = script;
      // One walk, in source order, with the loops that enclose the current command: a probe
      // is reported once, at the innermost enclosing loop.
      const loops: Command[] = [];
      const reported = new Set<Command>();
      walkCommands(analysis.body, (cmd) => {
        while (loops.length > 0 && loops[loops.length - 1]!.end <= cmd.start) loops.pop();
        if (cmd.kind === 'while' || cmd.kind === 'until' || cmd.kind === 'for') {
          loops.push(cmd);
          return;
        }
        if (cmd.kind === 'simple') {
          const base = commandBase(cmd.words[0]);
          if (base !== undefined && WAIT_TOOLS.test(base) && (base !== 'dockerize' || cmd.words.some((w) => staticValue(w) === '-wait'))) {
            hits.push(
              scriptHit(
                script,
                cmd.start,
                cmd.end,
                `${code(commandText(analysis.text, cmd))} makes the container wait for another service at start-up, which turns the wrapper into an init system that hides outages behind a hanging start.`,
                'Let the platform order start-up (Compose `depends_on: condition: service_healthy`, Kubernetes readiness probes) and let the app retry its connections.',
              ),
            );
            return;
          }
        }
        const loop = loops[loops.length - 1];
        if (!loop || reported.has(loop)) return;
        const what = probe(cmd);
        if (!what) return;
        reported.add(loop);
        hits.push(
          scriptHit(
            script,
            loop.start,
            loop.start + loop.kind.length,
            `This ${code(loop.kind)} loop polls another service with ${code(what)} until it answers, which turns the wrapper into an init system that hides outages behind a hanging start.`,
            'Drop the wait loop: let the platform order start-up (Compose `depends_on: condition: service_healthy`, Kubernetes readiness probes) and let the app retry its connections.',
          ),
        );
      });
      if (script.wrapper.role === 'start') {
        const n = codeLines(analysis.text);
        if (n > MAX_CODE_LINES) {
          const first = analysis.body[0];
          const start = first?.start ?? 0;
          hits.push(
            scriptHit(
              script,
              start,
              start,
              `The wrapper has ${n} lines of code, more than about ${MAX_CODE_LINES}, so start-up logic that decides whether the container works lives in an untested shell script.`,
              'Move set-up into the image build, the app itself or an init container, and keep the wrapper to a few lines ending in `exec "$@"`.',
            ),
          );
        }
      }
    }
    return hits;
  },
};
