// Parse a Dockerfile once into the model every rule reads.
import { DockerfileParser, type From } from 'dockerfile-ast';
import { InputError } from '../errors.js';
import { classifyImage } from './base-image.js';
import { toInstr } from './instructions.js';
import { computeStartContract } from './start-contract.js';
import type { DockerfileModel, Instr, Stage } from './types.js';
import { argDefault, expandArgs } from './variables.js';
import { resolveStart } from './wrappers.js';

const KNOWN = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export interface ParseInput {
  /** Display path (relative to cwd). */
  file: string;
  absPath: string;
  text: string;
  contextDir: string;
  buildArgs?: Record<string, string>;
  /** Build target stage name; the last stage when absent. */
  target?: string;
  /** Texts changed by the fixer but not written (src/fix), by absolute path. */
  edited?: ReadonlyMap<string, string>;
}


export function parseDockerfile(input: ParseInput): DockerfileModel {
  const text = input.text.replace(/^\uFEFF/, '');
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  // Docker splits lines on \n only (a lone \r is whitespace inside a line); dockerfile-ast would
  // also break lines at a lone \r, and its line numbers would then run past `lines`.
  const astText = text.replace(/\r\n/g, '\n').replace(/\r/g, ' ');
  // Only comments and blank lines: no FROM. Said before parsing, because dockerfile-ast's
  // parser-directive scan reruns to the end of the text from every `#` of an unterminated
  // last comment line (quadratic: seconds for 64 KB of `#`, hours for 5 MB).
  if (astText.split('\n').every((l) => /^[ \t]*(#|$)/.test(l))) {
    throw new InputError(`${input.file}: no FROM instruction; this is not a Dockerfile`);
  }
  const ast = DockerfileParser.parse(astText);
  const escapeChar = ast.getEscapeCharacter();
  const buildArgs = input.buildArgs ?? {};

  const stages: Stage[] = [];
  const instructions: Instr[] = [];
  const globalArgs: Record<string, string | undefined> = {};
  /** Stages by name, the first of each name (a lookup per FROM made 10k stages quadratic). */
  const named = new Map<string, Stage>();
  let current: Stage | undefined;

  for (const node of ast.getInstructions()) {
    const keyword = node.getKeyword().toUpperCase();
    const line = node.getRange().start.line + 1;
    if (!KNOWN.has(keyword)) {
      throw new InputError(`${input.file}:${line}: unknown instruction ${JSON.stringify(node.getKeyword())}; this is not a valid Dockerfile`);
    }
    if (keyword === 'FROM') {
      const index = stages.length;
      const instr = toInstr(node, index, lines, escapeChar);
      const from = node as From;
      const fromText = (from.getImage() ?? instr.args[0] ?? '').trim();
      const resolved = expandArgs(fromText, globalArgs);
      const stageName = from.getBuildStage()?.toLowerCase() ?? undefined;
      const parent = named.get(resolved.toLowerCase());
      const base = parent ? parent.base : classifyImage(resolved);
      const platform = instr.flags.get('platform') ?? undefined;
      current = {
        index,
        name: stageName,
        from: instr,
        fromText,
        parent: parent?.index,
        base,
        platform,
        instructions: [],
        windows: parent ? parent.windows : base.family === 'windows',
      };
      stages.push(current);
      if (stageName !== undefined && !named.has(stageName)) named.set(stageName, current);
      instructions.push(instr);
      continue;
    }
    if (!current) {
      const instr = toInstr(node, -1, lines, escapeChar);
      if (keyword !== 'ARG') {
        throw new InputError(`${input.file}:${line}: ${keyword} appears before the first FROM; only ARG may precede FROM`);
      }
      for (const [name, value] of argDefault(instr)) globalArgs[name] = buildArgs[name] ?? value;
      instructions.push(instr);
      continue;
    }
    const instr = toInstr(node, current.index, lines, escapeChar);
    if (keyword === 'SHELL' && instr.exec && /(^|[\\/])(powershell|pwsh|cmd)(\.exe)?$/i.test(instr.exec[0] ?? '')) current.windows = true;
    current.instructions.push(instr);
    instructions.push(instr);
  }

  if (stages.length === 0) {
    throw new InputError(`${input.file}: no FROM instruction; this is not a Dockerfile`);
  }

  let finalStage = stages[stages.length - 1]!;
  if (input.target) {
    const wanted = input.target.toLowerCase();
    const found = stages.find((s) => s.name === wanted);
    if (!found) throw new InputError(`${input.file}: build target ${JSON.stringify(input.target)} is not a stage name in this Dockerfile`);
    finalStage = found;
  }

  const chain: Stage[] = [];
  for (let s: Stage | undefined = finalStage; s; s = s.parent !== undefined ? stages[s.parent] : undefined) chain.unshift(s);
  const windows = finalStage.windows;

  const model: DockerfileModel = {
    file: input.file,
    absPath: input.absPath,
    contextDir: input.contextDir,
    text: input.text,
    lines,
    escapeChar,
    instructions,
    stages,
    finalStage,
    chain,
    start: computeStartContract(chain, windows),
    base: finalStage.base,
    windows,
    buildArgs,
    wrappers: [],
    startChain: { links: [] },
    deployments: [],
    ...(input.edited ? { edited: input.edited } : {}),
  };
  const resolved = resolveStart(model);
  model.startChain = resolved.chain;
  model.wrappers = resolved.wrappers;
  if (resolved.image) model.image = resolved.image;
  return model;
}
