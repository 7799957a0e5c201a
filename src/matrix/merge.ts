// `entrypoint-guard merge` and the Action's `reports:`: the JSON reports of matrix shards (one
// Dockerfile x one platform each) become one report per Dockerfile, as one unsharded run would
// have written it: one finding per (rule, file, line) listing every platform it was seen on,
// the platform tables joined, static findings once. A platform the plan expected (the shards
// record it: `plan.platforms`, and what each ran: `plan.ran`) with no shard is a `shard-missing` finding, never a pass;
// a report written by another version of the tool is refused.
import path from 'node:path';
import { InputError } from '../errors.js';
import { readUserText } from '../input.js';
import { compareFindings, RUNTIME_NOT_ASKED, SEVERITY_RANK, type Checks, type Finding, type PlatformResult, type Report } from '../findings.js';
import { ruleMeta } from '../rules/registry.js';
import { VERSION } from '../version.js';

const MAX_BYTES = 256 * 1024 * 1024;

interface ShardJson {
  version?: unknown;
  tool?: { name?: unknown; version?: unknown };
  dockerfile?: unknown;
  plan?: { platforms?: unknown };
  findings?: unknown;
  platforms?: unknown;
  checks?: { static?: { ran?: unknown }; runtime?: { ran?: unknown } };
}

/** Reads one shard file (an object, or an array for several Dockerfiles); every problem is one InputError naming the file. */
export function readShardFile(file: string, display = file): Report[] {
  const text = readUserText(file, display, 'shard report', { maxBytes: MAX_BYTES });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError(`shard report ${display} is not JSON (a cut-off upload or the wrong file?)`);
  }
  // The report's `files` (one per Dockerfile); an array or a single report as older shards wrote them.
  const files = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as { files?: unknown }).files : undefined;
  const items = Array.isArray(files) ? files : Array.isArray(parsed) ? parsed : [parsed];
  return items.map((item) => toReport(item as ShardJson, display));
}

function toReport(json: ShardJson, display: string): Report {
  if (!json || typeof json !== 'object' || json.version !== 1 || typeof json.dockerfile !== 'string' || !Array.isArray(json.findings) || !Array.isArray(json.platforms)) {
    throw new InputError(`shard report ${display} is not an entrypoint-guard JSON report (--format json)`);
  }
  const version = json.tool && json.tool.name === 'entrypoint-guard' ? json.tool.version : undefined;
  if (version !== VERSION) {
    throw new InputError(
      `shard report ${display} was written by ${typeof version === 'string' ? `entrypoint-guard ${version}` : 'an entrypoint-guard without a version stamp'}, this is ${VERSION}: run the plan, every shard and the merge with the same version`,
    );
  }
  json.findings.forEach((f, i) => checkFinding(f, `shard report ${display}: findings[${i}]`));
  json.platforms.forEach((p, i) => checkPlatform(p, `shard report ${display}: platforms[${i}]`));
  const report: Report = { version: 1, dockerfile: json.dockerfile, findings: json.findings as Finding[], platforms: json.platforms as PlatformResult[] };
  if (typeof json.checks?.static?.ran === 'boolean' && typeof json.checks.runtime?.ran === 'boolean') report.checks = json.checks as Checks;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((p) => typeof p === 'string');
  const planned = json.plan?.platforms;
  const ran = (json.plan as { ran?: unknown } | undefined)?.ran;
  if (strings(planned)) report.plan = { platforms: planned, ...(strings(ran) ? { ran } : {}) };
  return report;
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

/** The report's shape (src/findings.ts) for what merge reads and writes again: one line naming the field otherwise. */
function checkFinding(f: unknown, where: string): void {
  if (!f || typeof f !== 'object' || Array.isArray(f)) throw new InputError(`${where} is not a finding object`);
  const r = f as Record<string, unknown>;
  for (const k of ['rule', 'message', 'fix', 'file']) if (typeof r[k] !== 'string') throw new InputError(`${where}.${k} is not a string`);
  if (!SEVERITIES.has(r.severity as string)) throw new InputError(`${where}.severity is not error, warning or info`);
  for (const k of ['line', 'endLine', 'column']) if (!isCount(r[k])) throw new InputError(`${where}.${k} is not a whole number`);
  if (r.endColumn !== undefined && !isCount(r.endColumn)) throw new InputError(`${where}.endColumn is not a whole number`);
  if (r.platforms !== undefined && !isStrings(r.platforms)) throw new InputError(`${where}.platforms is not a list of platform names`);
}

function checkPlatform(p: unknown, where: string): void {
  if (!p || typeof p !== 'object' || Array.isArray(p) || typeof (p as { platform?: unknown }).platform !== 'string') throw new InputError(`${where} is not a platform result with a platform name`);
  const r = p as Record<string, unknown>;
  if (r.skipped !== undefined && typeof r.skipped !== 'string') throw new InputError(`${where}.skipped is not a string`);
  if (r.build !== undefined && (typeof r.build !== 'object' || r.build === null || typeof (r.build as { ok?: unknown }).ok !== 'boolean')) throw new InputError(`${where}.build is not a build result`);
}

const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function joinPlatforms(platforms: string[]): string {
  if (platforms.length <= 1) return platforms[0] ?? '';
  return `${platforms.slice(0, -1).join(', ')} and ${platforms.at(-1)}`;
}

/** A runtime message names its platforms ("on linux/amd64"); the merged one names them all. */
function renamePlatforms(text: string, from: string[], to: string[]): string {
  const said = joinPlatforms(from);
  return said === '' || from.length === to.length ? text : text.replaceAll(said, joinPlatforms(to));
}

/** How src/runtime words its emulation caveat after the platforms it names. */
const EMULATED = ' ran emulated (QEMU)';

const place = (f: Finding) => `${f.rule}\0${f.file}\0${f.line}`;

function mergeOne(dockerfile: string, shards: Report[], everyPlatform: string[]): Report {
  // The expected platforms: what the shards' plan says, else every platform any shard reported.
  const plannedSets = shards.flatMap((s) => s.plan?.platforms ?? []);
  const expected = plannedSets.length > 0 ? [...new Set(plannedSets)] : everyPlatform;
  const order = [...expected, ...shards.flatMap((s) => s.platforms.map((p) => p.platform)).filter((p) => !expected.includes(p))];
  const rank = (p: string) => order.indexOf(p);

  const platforms = new Map<string, PlatformResult>();
  for (const s of shards) for (const p of s.platforms) if (!platforms.has(p.platform)) platforms.set(p.platform, p);

  const byPlace = new Map<string, Finding[]>();
  for (const s of shards) {
    for (const f of s.findings) {
      const list = byPlace.get(place(f)) ?? [];
      list.push(f);
      byPlace.set(place(f), list);
    }
  }
  const findings: Finding[] = [];
  for (const group of byPlace.values()) {
    // A runtime sighting wins over the static finding at the same place (as in one run); the most severe leads.
    const runtime = group.filter((f) => f.platforms && f.platforms.length > 0);
    const pool = runtime.length > 0 ? runtime : group;
    const first = (f: Finding) => (f.platforms ?? []).reduce((m, p) => Math.min(m, rank(p)), order.length);
    const lead = [...pool].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || first(a) - first(b))[0]!;
    if (runtime.length === 0) {
      findings.push(lead);
      continue;
    }
    const seen = [...new Set(runtime.flatMap((f) => f.platforms!))].sort((a, b) => rank(a) - rank(b));
    // The emulation caveat a shard appends ("linux/arm64 ran emulated (QEMU): …") is said once,
    // about every emulated platform, as one run says it.
    const emulated: string[] = [];
    let caveat = '';
    const withoutCaveat = (f: Finding) => {
      const at = f.message.indexOf(` ${joinPlatforms(f.platforms!)}${EMULATED}`);
      if (at < 0) return f.message;
      for (const p of f.platforms!) emulated.push(p);
      caveat ||= f.message.slice(at + 1 + joinPlatforms(f.platforms!).length);
      return f.message.slice(0, at);
    };
    for (const f of runtime) withoutCaveat(f);
    let message = renamePlatforms(withoutCaveat(lead), lead.platforms!, seen);
    if (caveat) message += ` ${joinPlatforms([...new Set(emulated)].sort((a, b) => rank(a) - rank(b)))}${caveat}`;
    findings.push({ ...lead, message, fix: renamePlatforms(lead.fix, lead.platforms!, seen), platforms: seen });
  }

  // A shard covers the platforms it was given, also where its runtime checks were skipped (static, no engine).
  const covered = new Set([...platforms.keys(), ...shards.flatMap((s) => s.plan?.ran ?? [])]);
  const missing = expected.filter((p) => !covered.has(p));
  if (missing.length > 0) {
    const meta = ruleMeta('shard-missing');
    findings.push({
      rule: 'shard-missing',
      severity: meta?.severity ?? 'error',
      message: `No shard report for ${joinPlatforms(missing)}: that matrix job failed, was cancelled or did not upload its report, so nothing is known about the image there.`,
      fix: "Open the failed matrix job's log, fix what stopped it and re-run it (or every job), then the merge.",
      file: dockerfile,
      line: 1,
      endLine: 1,
      column: 1,
      platforms: missing,
    });
    for (const p of missing) platforms.set(p, { platform: p, build: { ok: false, seconds: 0 }, skipped: 'shard missing: no report from its matrix job' });
  }
  const checks = mergeChecks(shards, missing);
  const notes = missing.length > 0 ? [`The shard report for ${joinPlatforms(missing)} is missing (${dockerfile}); the result is incomplete and counted as a failure.`] : [];
  return {
    version: 1,
    dockerfile,
    findings: findings.sort(compareFindings),
    platforms: [...platforms.values()].sort((a, b) => rank(a.platform) - rank(b.platform)),
    plan: { platforms: expected },
    ...(checks ? { checks } : {}),
    notes,
  };
}

/**
 * What ran over all shards: the static checks when any shard linted; the runtime per platform,
 * a shard whose runtime was skipped counting its platforms as skipped with its reason, and a
 * missing shard's platforms as skipped. Absent when no shard said.
 */
function mergeChecks(shards: Report[], missing: string[]): Checks | undefined {
  const said = shards.filter((s) => s.checks);
  if (said.length === 0) return undefined;
  const ran = said.filter((s) => s.checks!.runtime.ran);
  const skipped = said.filter((s) => !s.checks!.runtime.ran && s.checks!.runtime.reason !== RUNTIME_NOT_ASKED);
  const staticCheck = said.some((s) => s.checks!.static.ran) ? { ran: true } : said[0]!.checks!.static;
  if (ran.length === 0 && skipped.length === 0 && missing.length === 0) return { static: staticCheck, runtime: { ran: false, reason: RUNTIME_NOT_ASKED } };
  const platforms = [
    ...ran.flatMap((s) => s.checks!.runtime.platforms ?? []),
    ...skipped.flatMap((s) => (s.plan?.ran ?? []).map((platform) => ({ platform, ran: false, reason: s.checks!.runtime.reason ?? 'skipped' }))),
    ...missing.map((platform) => ({ platform, ran: false, reason: 'shard missing: no report from its matrix job' })),
  ];
  if (ran.length === 0 && platforms.length === 0) return { static: staticCheck, runtime: { ran: false, reason: skipped[0]!.checks!.runtime.reason ?? 'skipped' } };
  return { static: staticCheck, runtime: { ran: true, platforms } };
}

/** Shard reports -> one report per Dockerfile, in the order the Dockerfiles first appear. */
export function mergeReports(shards: Report[]): Report[] {
  const byDockerfile = new Map<string, Report[]>();
  for (const s of shards) {
    const list = byDockerfile.get(s.dockerfile) ?? [];
    list.push(s);
    byDockerfile.set(s.dockerfile, list);
  }
  const everyPlatform = [...new Set(shards.flatMap((s) => [...(s.plan?.platforms ?? []), ...s.platforms.map((p) => p.platform)]))];
  return [...byDockerfile.entries()].map(([dockerfile, list]) => mergeOne(dockerfile, list, everyPlatform));
}

/** Read and merge shard report files (paths relative to cwd). */
export function mergeShardFiles(files: string[], cwd: string): Report[] {
  if (files.length === 0) throw new InputError('merge needs at least one shard report (REPORT.json…)');
  const shards = files.flatMap((f) => readShardFile(path.resolve(cwd, f), f));
  return mergeReports(shards);
}
