// What a wrapper script prepares before it hands over to the program: environment it exports,
// PATH it extends, migrations it runs, the user it drops to, files it sources (a virtualenv's
// activate), config it renders. A deployed command that replaces the wrapper runs without it.
import { looseText } from '../shell/commands.js';
import { walkCommands } from '../shell/structure.js';
import { knownProgram } from './programs.js';
import { analysisOf } from './scripts.js';
import type { WrapperScript } from './types.js';

export interface SetupStep {
  kind: 'path' | 'env' | 'migration' | 'privdrop' | 'source' | 'config';
  /** For messages: "sets PATH", "exports DATABASE_URL", "runs `python manage.py migrate`". */
  what: string;
  /** The variable it sets (path, env). */
  name?: string;
  file: string;
  line: number;
}

const MIGRATION = /\b(?:migrate|db:migrate|db:prepare|alembic\s+upgrade|flyway|liquibase|prisma\s+migrate|knex\s+migrate|sequelize\s+db:migrate|typeorm\s+migration:run|goose\s+up|diesel\s+migration)\b/;
/** Programs that render config files from the environment. */
const RENDERERS = new Set(['envsubst', 'confd', 'dockerize', 'gomplate', 'j2', 'tmpl']);
/** Sourced files that set up the environment. */
const ENV_FILE = /(?:activate|[._-]env(?:\.sh)?|environment|profile|rc(?:\.sh)?|secrets?(?:\.sh)?|exports?(?:\.sh)?)$/i;
/** Variables a script sets for its own use, not for the program. */
const LOCAL_NAMES = /^(?:set|i|n|x|f|file|dir|arg|opt|cmd|args|_.*)$/i;

const steps = new WeakMap<WrapperScript, SetupStep[]>();

/** The set-up a start script does (in source order, each once), from its top level and its functions' bodies. */
/** Does this command text run a database migration (`python manage.py migrate`, `rails db:migrate`)? */
export function runsMigration(text: string): boolean {
  return MIGRATION.test(text);
}

export function wrapperSetup(wrapper: WrapperScript): SetupStep[] {
  const cached = steps.get(wrapper);
  if (cached) return cached;
  const analysis = analysisOf(wrapper);
  const src = analysis.text;
  const out: SetupStep[] = [];
  const seen = new Set<string>();
  const add = (step: Omit<SetupStep, 'file' | 'line'>, offset: number) => {
    const key = `${step.kind}\0${step.name ?? step.what}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ ...step, file: wrapper.file, line: analysis.lineOf(offset) + wrapper.lineOffset });
  };
  // A top-level `exec prog …` / `exec "$@"` hands the shell over: what is written after it
  // never runs (the image starts the wrapper with a command to exec).
  const handover = analysis.body.find((st) => {
    const [only] = st.andOr.first.commands;
    return !st.background && st.andOr.rest.length === 0 && st.andOr.first.commands.length === 1 && only?.kind === 'simple' && only.words.length > 1 && looseText(only.words[0]!, src) === 'exec';
  });
  const end = handover?.start ?? Infinity;
  walkCommands(analysis.body, (cmd, ctx) => {
    if (cmd.kind !== 'simple' || ctx.inSubstitution || (!ctx.inFunction && cmd.start > end)) return;
    const words = cmd.words.map((w) => looseText(w, src));
    const names = [...cmd.assigns.map((a) => looseText(a, src)), ...(words[0] === 'export' ? words.slice(1) : [])]
      .filter((a) => a.includes('=') || words[0] === 'export')
      .map((a) => a.split('=')[0]!)
      .filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
    // `NAME=value cmd` sets it for that command only, and a bare `NAME=value` stays in the
    // script's shell unless NAME is already exported (PATH always is): `export` hands it on.
    if (words.length === 0 || words[0] === 'export') {
      for (const name of names) {
        if (name === 'PATH') add({ kind: 'path', what: 'sets PATH', name }, cmd.start);
        else if (words[0] === 'export' && !LOCAL_NAMES.test(name)) add({ kind: 'env', what: `sets ${name}`, name }, cmd.start);
      }
      return;
    }
    const program = words[0] === 'exec' ? words.slice(1) : words;
    const head = program[0] ?? '';
    // A file that sets up the environment (a virtualenv's activate, an env or profile file), not a function library.
    if (head === '.' || head === 'source') {
      if (program[1] && ENV_FILE.test(program[1])) add({ kind: 'source', what: `sources \`${program[1]}\``, name: program[1] }, cmd.start);
      return;
    }
    if (knownProgram(head)?.role === 'privdrop' && !ctx.inCondition) {
      add({ kind: 'privdrop', what: `drops privileges with \`${head.split('/').pop()}\`` }, cmd.start);
      return;
    }
    if (RENDERERS.has(head.split('/').pop() ?? '')) {
      add({ kind: 'config', what: `renders config with \`${head.split('/').pop()}\`` }, cmd.start);
      return;
    }
    const text = program.join(' ');
    if (!ctx.inCondition && MIGRATION.test(text) && !/\$\{?[@*1-9]/.test(text)) add({ kind: 'migration', what: `runs \`${text.length > 50 ? `${text.slice(0, 49)}…` : text}\`` }, cmd.start);
  });
  steps.set(wrapper, out);
  return out;
}
