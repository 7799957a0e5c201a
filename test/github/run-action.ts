// Runs the bundled Action (dist/index.js) the way the runner does: inputs as INPUT_* (the
// name upper-cased, hyphens kept) with action.yml's defaults filled in, GITHUB_* variables,
// a pull_request event payload, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE files,
// and parses what it wrote: workflow commands, outputs, summary, saved state.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Finding } from '../../src/findings.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const TOKEN = 'ghs_entrypointGuardTestToken0123456789abcdef';
export const HEAD_SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';
export const MERGE_SHA = 'a10867b14bb761a232cd80139fbd4c0d33264240';
export const PR_NUMBER = 1347;

interface ActionYml {
  inputs: Record<string, { default?: string; description: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; post: string };
}

export const actionYml = parseYaml(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'eg-action-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Write files (relative path -> content) under a new workspace folder. */
export function makeWorkspace(files: Record<string, string>): string {
  const ws = path.join(tempDir(), 'workspace');
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(ws, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  fs.mkdirSync(ws, { recursive: true });
  return ws;
}

/** A pull_request "synchronize" payload as GitHub sends it (the fields the Action reads, and more). */
export function pullRequestEvent(): object {
  return {
    action: 'synchronize',
    number: PR_NUMBER,
    pull_request: {
      url: `https://api.github.com/repos/octo-org/shop/pulls/${PR_NUMBER}`,
      id: 1,
      number: PR_NUMBER,
      state: 'open',
      title: 'Add the orders service',
      user: { login: 'octocat', id: 1, type: 'User' },
      head: { label: 'octocat:orders', ref: 'orders', sha: HEAD_SHA, repo: { full_name: 'octocat/shop', fork: true } },
      base: { label: 'octo-org:main', ref: 'main', sha: '3a0f86fb8db8eea7ccbb9a95f325ddbedfb25e15', repo: { full_name: 'octo-org/shop' } },
      merge_commit_sha: MERGE_SHA,
    },
    repository: { name: 'shop', full_name: 'octo-org/shop', owner: { login: 'octo-org' } },
    sender: { login: 'octocat' },
  };
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Annotation commands (`::error …::`, `::warning …::`, `::notice …::`), decoded, in order. */
  annotations: Annotation[];
  /** Every line of stdout that is a workflow command (starts with `::`). */
  commands: string[];
  outputs: Record<string, string>;
  summary: string;
  state: Record<string, string>;
  workspace: string;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

export function parseAnnotations(stdout: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    out.push({ level: m[1] as Annotation['level'], properties, message: unescapeData(m[3]!) });
  }
  return out;
}

/** The runner's GITHUB_OUTPUT / GITHUB_STATE file format: `name<<delimiter` … `delimiter`. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

let distCopy: string | undefined;

/**
 * A private copy of the bundles (dist/ is self-contained): the runner's exact files, safe from
 * a concurrent `npm run build` that empties dist/ while these tests run.
 */
async function bundles(): Promise<string> {
  if (distCopy) return distCopy;
  const dir = tempDir('eg-dist-');
  for (let waited = 0; ; waited += 250) {
    try {
      for (const f of ['index.js', 'post.js', 'package.json']) fs.copyFileSync(path.join(ROOT, 'dist', f), path.join(dir, f));
      break;
    } catch (err) {
      if (waited > 60_000) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  distCopy = dir;
  return dir;
}

export interface RunOptions {
  workspace: string;
  inputs?: Record<string, string>;
  apiUrl?: string;
  event?: object;
  eventName?: string;
  /** Extra environment (e.g. STATE_* for the post step). */
  env?: Record<string, string>;
  script?: 'index' | 'post';
}

/** Inputs as the runner sets them: every action.yml input with its default, overridden by `inputs`. */
export function runnerInputs(inputs: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    const value = name in inputs ? inputs[name]! : (spec.default ?? '').replace('${{ github.token }}', TOKEN);
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const name of Object.keys(inputs)) if (!(name in actionYml.inputs)) throw new Error(`unknown input ${name}`);
  return env;
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const dir = tempDir('eg-runner-');
  const files = {
    output: path.join(dir, 'output'),
    summary: path.join(dir, 'summary.md'),
    state: path.join(dir, 'state'),
    event: path.join(dir, 'event.json'),
  };
  for (const f of [files.output, files.summary, files.state]) fs.writeFileSync(f, '');
  fs.writeFileSync(files.event, JSON.stringify(options.event ?? pullRequestEvent()));
  const runnerTemp = path.join(dir, 'temp');
  fs.mkdirSync(runnerTemp);

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: 'octo-org/shop',
    GITHUB_SHA: MERGE_SHA,
    GITHUB_REF: `refs/pull/${PR_NUMBER}/merge`,
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
    RUNNER_TEMP: runnerTemp,
    ...runnerInputs(options.inputs ?? {}),
    ...options.env,
  };
  const script = path.join(await bundles(), `${options.script ?? 'index'}.js`);
  // Asynchronous: the fake GitHub server answers from this same process.
  const child = spawn(process.execPath, [script], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  return {
    code,
    stdout,
    stderr,
    annotations: parseAnnotations(stdout),
    commands: stdout.split(/\r?\n/).filter((l) => l.trimStart().startsWith('::')),
    outputs: parseFileCommands(fs.readFileSync(files.output, 'utf8')),
    summary: fs.readFileSync(files.summary, 'utf8'),
    state: parseFileCommands(fs.readFileSync(files.state, 'utf8')),
    workspace: options.workspace,
  };
}

/** A finding as the `findings` output carries it (the JSON report's shape). */
export type FindingJson = Finding;

export function findingsOf(run: ActionRun): FindingJson[] {
  return JSON.parse(run.outputs.findings ?? '[]') as FindingJson[];
}

/** Annotations that carry findings (not the step's failure message or the "N more" notice). */
export function findingAnnotations(run: ActionRun): Annotation[] {
  return run.annotations.filter((a) => a.properties.title !== undefined && a.properties.title !== 'entrypoint-guard: more findings');
}
