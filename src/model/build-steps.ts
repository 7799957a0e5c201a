// The instructions that build a stage, each with the WORKDIR and the ARG/ENV values in
// effect before it: what COPY resolution and RUN analysis read.
import path from 'node:path';
import type { Env } from 'dockerfile-ast';
import type { DockerfileModel, Instr, Stage } from './types.js';
import { argDefault, expandArgs } from './variables.js';

const posix = path.posix;

/** One instruction of a stage's build, with the WORKDIR and variables in effect before it. */
export interface Step {
  instr: Instr;
  workdir: string;
  vars: Record<string, string | undefined>;
}

export interface BuildSteps {
  steps: Step[];
  /** WORKDIR and variables after the last instruction. */
  final: { workdir: string; vars: Record<string, string | undefined> };
}

/**
 * The ARG/ENV values in effect at each step, without copying every variable at every step
 * (that was quadratic: a generated 5 MB Dockerfile with thousands of ENV lines ran out of
 * memory). A snapshot is a read-only view that looks each name up in its history of changes.
 */
class VarHistory {
  /** The variables as they are now. */
  readonly live: Record<string, string | undefined> = {};
  private readonly changes = new Map<string, { version: number; value: string | undefined }[]>();
  private version = 0;

  set(name: string, value: string | undefined): void {
    this.live[name] = value;
    let h = this.changes.get(name);
    if (!h) this.changes.set(name, (h = []));
    const last = h[h.length - 1];
    if (last && last.version === this.version + 1) last.value = value;
    else h.push({ version: this.version + 1, value });
  }

  /** The variables as they are now, as a read-only view that later `set`s do not change. */
  snapshot(): Record<string, string | undefined> {
    const at = ++this.version;
    const lookup = (name: string): { value: string | undefined } | undefined => {
      const h = this.changes.get(name);
      if (!h || h[0]!.version > at) return undefined;
      let lo = 0;
      let hi = h.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (h[mid]!.version <= at) lo = mid;
        else hi = mid - 1;
      }
      return h[lo]!;
    };
    return new Proxy({} as Record<string, string | undefined>, {
      get: (_t, name) => (typeof name === 'string' ? lookup(name)?.value : undefined),
      has: (_t, name) => typeof name === 'string' && lookup(name) !== undefined,
      ownKeys: () => [...this.changes.keys()].filter((k) => lookup(k) !== undefined),
      getOwnPropertyDescriptor: (_t, name) => {
        const found = typeof name === 'string' ? lookup(name) : undefined;
        return found ? { value: found.value, writable: false, enumerable: true, configurable: true } : undefined;
      },
      set: () => false,
    });
  }
}

/** The global ARGs (before the first FROM), read once per model: per stage it made 10k stages quadratic. */
const globalArgsOf = new WeakMap<DockerfileModel, Record<string, string | undefined>>();

function globalArgs(model: DockerfileModel): Record<string, string | undefined> {
  let globals = globalArgsOf.get(model);
  if (globals) return globals;
  globals = {};
  for (const instr of model.instructions) {
    if (instr.stage !== -1) break;
    if (instr.keyword !== 'ARG') continue;
    for (const [name, value] of argDefault(instr)) globals[name] = model.buildArgs[name] ?? (value !== undefined ? expandArgs(value, globals) : undefined);
  }
  globalArgsOf.set(model, globals);
  return globals;
}

/** Every instruction that builds `stage` (its FROM-ancestry root first), with WORKDIR and ARG/ENV values. */
export function buildSteps(model: DockerfileModel, stage: Stage): BuildSteps {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s; s = s.parent !== undefined ? model.stages[s.parent] : undefined) chain.unshift(s);
  const globals = globalArgs(model);
  const steps: Step[] = [];
  let workdir = '/';
  const history = new VarHistory();
  const vars = history.live;
  for (const s of chain) {
    for (const instr of s.instructions) {
      steps.push({ instr, workdir, vars: history.snapshot() });
      if (instr.keyword === 'WORKDIR') {
        // BuildKit reads the operand as a shell word: `WORKDIR "serve"` is serve.
        const value = expandArgs(instr.text.trim(), vars).replace(/^(["'])(.*)\1$/, '$2');
        workdir = posix.resolve(workdir, value);
      } else if (instr.keyword === 'ARG') {
        for (const [name, value] of argDefault(instr)) {
          history.set(name, model.buildArgs[name] ?? (value !== undefined ? expandArgs(value, vars) : globals[name]));
        }
      } else if (instr.keyword === 'ENV') {
        const props = (instr.node as unknown as Env).getProperties?.() ?? [];
        for (const p of props) history.set(p.getName(), expandArgs(p.getValue() ?? '', vars));
      }
    }
  }
  return { steps, final: { workdir, vars } };
}


/** The stage a `--from=` / `FROM` reference names (`builder`, `0`), or undefined for an external image. */
export function stageByRef(model: DockerfileModel, ref: string): Stage | undefined {
  const v = ref.toLowerCase();
  if (/^\d+$/.test(v)) return model.stages[Number(v)];
  return model.stages.find((s) => s.name === v);
}

