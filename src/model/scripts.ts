// Each wrapper script parsed once, and followed once per scenario: the model's view of the
// scripts the start chain runs. Rules and the start chain read scripts through here only.
import { analyzeFlow, type FlowResult } from '../shell/flow.js';
import { analyzeScript, readsArguments, type ScriptAnalysis } from '../shell/script.js';
import type { FuncDef } from '../shell/structure.js';
import { knownArgs, UNKNOWN_ARGS } from '../shell/values.js';
import { programRun } from './programs.js';
import type { WrapperScript } from './types.js';

/**
 * How the script is started: `run` as the image starts it (`docker run IMAGE`: these words
 * after it, from ENTRYPOINT and CMD), or `override` with a command the user gives (`docker run
 * IMAGE cmd…`, a compose or Kubernetes command: unknown words, at least one).
 */
export type Scenario = { kind: 'run'; args: string[] } | { kind: 'override' };

const analyses = new WeakMap<WrapperScript, ScriptAnalysis>();
const definedIn = new WeakMap<FuncDef, WrapperScript>();

/** The script's parse (once per script). */
export function analysisOf(wrapper: WrapperScript): ScriptAnalysis {
  let a = analyses.get(wrapper);
  if (!a) {
    a = analyzeScript(wrapper.text);
    analyses.set(wrapper, a);
    for (const fn of a.functions.values()) definedIn.set(fn, wrapper);
  }
  return a;
}

/** The script that defines a function (a start script or a file it sources). */
export function definingScript(fn: FuncDef): WrapperScript | undefined {
  return definedIn.get(fn);
}

/** The script's functions, plus those of the sourced files among `scripts` (its own definitions win). */
export function functionsOf(wrapper: WrapperScript, scripts: readonly WrapperScript[]): Map<string, FuncDef> {
  const own = analysisOf(wrapper).functions;
  const library = new Map<string, FuncDef>();
  for (const w of scripts) {
    if (w.role !== 'sourced' || w === wrapper) continue;
    for (const [name, fn] of analysisOf(w).functions) library.set(name, fn);
  }
  return library.size === 0 ? own : new Map([...library, ...own]);
}

const flows = new WeakMap<WrapperScript, Map<string, FlowResult>>();

/** How the script's paths end in one scenario (cached per script and scenario). */
export function flowIn(wrapper: WrapperScript, scripts: readonly WrapperScript[], scenario: Scenario): FlowResult {
  let byScenario = flows.get(wrapper);
  if (!byScenario) flows.set(wrapper, (byScenario = new Map()));
  const key = scenario.kind === 'run' ? JSON.stringify(scenario.args) : 'override';
  let flow = byScenario.get(key);
  if (!flow) {
    const a = analysisOf(wrapper);
    const env = scenario.kind === 'run' ? knownArgs(scenario.args) : { ...UNKNOWN_ARGS, argsGiven: true };
    flow = analyzeFlow(a.body, functionsOf(wrapper, scripts), env, (words) => programRun(words) === 'server' || wrapper.foregroundByConfig?.(words) === true);
    byScenario.set(key, flow);
  }
  return flow;
}

/** Does the script hand the command it is given on to be run (`exec "$@"`, `exec gosu app "$@"`, or `"$@"` as a child)? */
export function forwardsCommand(wrapper: WrapperScript, scripts: readonly WrapperScript[]): boolean {
  // A script (with the files it sources) that never reads its arguments forwards nothing: no need to follow it.
  const related = [wrapper, ...scripts.filter((w) => w.role === 'sourced' && w !== wrapper)];
  if (!related.some((w) => readsArguments(analysisOf(w).tokens))) return false;
  const flow = flowIn(wrapper, scripts, { kind: 'override' });
  return (
    flow.handovers.some((h) => h.argv.some((e) => e.arg !== undefined)) ||
    flow.finals.some((s) => s.kind === 'argv') ||
    flow.argvThenExit.length > 0
  );
}
