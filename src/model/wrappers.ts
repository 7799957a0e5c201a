// Wrapper-script resolution: the build-context files (or COPY heredocs) that the start
// chain executes, and what those scripts source. Image paths are mapped back through the
// COPY/ADD instructions of the stages that build the final image (file-origin.ts).
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { decodeText } from '../input.js';
import { sourcedFiles } from '../shell/commands.js';
import { BuildContext } from './context.js';
import { Resolver, type Origin } from './file-origin.js';
import { computeStartChain, type ScriptFinder } from './start-chain.js';
import { foregroundConfig } from './programs.js';
import { DEFAULT_PATH } from './start-contract.js';
import type { FileMount } from './deployment.js';
import type { DockerfileModel, ImageFiles, Instr, StartChain, WrapperScript } from './types.js';

const posix = path.posix;
const MAX_BYTES = 16 * 1024 * 1024;

interface Target {
  /** As written: absolute, relative (has a slash) or a bare name (PATH lookup). */
  word: string;
  /** A shell opens the script (`sh entrypoint.sh`): a bare name is relative to WORKDIR first. */
  interpreter?: string;
  sourced?: boolean;
  /** Directory of the script that sources it (for `$(dirname "$0")/lib.sh`). */
  scriptDir?: string;
}

const SCRIPT_DIR_PREFIX =
  /^(?:\$\(\s*dirname\s+(?:--\s+)?"?\$(?:0|\{0\}|\{BASH_SOURCE(?:\[0\])?\}|BASH_SOURCE)"?\s*\)|\$\{(?:0|BASH_SOURCE(?:\[0\])?)%\/\*\}|\$\(\s*cd\s+"?\$\(\s*dirname\s+(?:--\s+)?"?\$(?:0|\{0\}|\{BASH_SOURCE(?:\[0\])?\})"?\s*\)"?\s*&&\s*pwd(?:\s+-P)?\s*\))\//;

/**
 * A file the kernel is asked to execute is a wrapper script when it says so: a `#!` line, a
 * shell-script name (`.sh`, `.bash`) or no extension at all. A CMD word that names a config
 * file (`/etc/distribution/config.yml`) is an argument the wrapper reads, not a script.
 */
function looksLikeScript(text: string, imagePath: string): boolean {
  if (/^(\uFEFF)?#!/.test(text)) return true;
  const name = posix.basename(imagePath);
  return /\.(sh|bash|ksh|zsh|ash)$/.test(name) || !name.includes('.');
}

class WrapperCollector implements ScriptFinder {
  readonly found: WrapperScript[] = [];
  readonly vars: Record<string, string | undefined>;
  readonly workdir: string;
  private readonly searchPath: string[];
  private readonly cwdBase: string;

  constructor(
    readonly model: DockerfileModel,
    readonly resolver: Resolver,
    /** Files a deployment bind-mounts over the image's (they are what runs at their paths). */
    private readonly mounts: readonly FileMount[] = [],
  ) {
    const final = resolver.build(model.finalStage).final;
    this.vars = final.vars;
    this.workdir = final.workdir;
    this.searchPath = model.start.path ?? DEFAULT_PATH;
    this.cwdBase = posix.dirname(model.file.split(path.sep).join('/'));
  }

  private readonly configs = new Map<string, string | 'opaque' | undefined>();

  /** A config file of the final image, when a COPY put it there from the build context ('opaque': from somewhere we cannot read). */
  configText(imagePath: string): string | 'opaque' | undefined {
    if (this.configs.has(imagePath)) return this.configs.get(imagePath);
    let text: string | 'opaque' | undefined;
    const origin = this.resolver.locate(this.model.finalStage, imagePath);
    if (origin === 'opaque') text = 'opaque';
    else if (origin) {
      if (origin.kind === 'heredoc') text = origin.heredoc.content;
      else {
        const abs = this.resolver.ctx.absPath(origin.rel);
        try {
          if (abs && fs.statSync(abs).size <= MAX_BYTES) text = fs.readFileSync(abs, 'utf8');
        } catch {
          text = undefined;
        }
      }
    }
    this.configs.set(imagePath, text);
    return text;
  }

  /** The program stays in the foreground by its config file (the first of its config paths the build puts in the image). */
  readonly foregroundByConfig = (words: string[]): boolean => {
    const config = foregroundConfig(words);
    if (!config) return false;
    for (const p of config.paths) {
      if (p.includes('$')) return false;
      const text = this.configText(posix.resolve(this.workdir, p));
      if (text === 'opaque') return false;
      if (text !== undefined) return config.foreground(text);
    }
    return false;
  };

  script(word: string, interpreter?: string): WrapperScript | undefined {
    return this.add({ word, ...(interpreter ? { interpreter } : {}) });
  }

  sourced(word: string): void {
    this.add({ word, sourced: true });
  }

  private candidates(target: Target): string[] {
    let word = target.word;
    if (target.scriptDir) {
      const m = SCRIPT_DIR_PREFIX.exec(word);
      if (m) word = posix.join(target.scriptDir, word.slice(m[0].length));
    }
    if (word.includes('$') || word.includes('`') || word === '') return [];
    if (word.startsWith('/')) return [posix.normalize(word)];
    if (word.includes('/')) return [posix.resolve(this.workdir, word)];
    const inPath = this.searchPath.filter((d) => d.startsWith('/')).map((d) => posix.join(d, word));
    const here = posix.join(this.workdir, word);
    // A shell opens its script operand relative to WORKDIR (bash then tries PATH); `. lib.sh`
    // searches PATH (dash, bash in POSIX mode), then bash falls back to the working directory.
    if (target.interpreter) return [here, ...inPath];
    return target.sourced ? [...inPath, here] : inPath;
  }

  add(target: Target, depth = 0): WrapperScript | undefined {
    for (const imagePath of this.candidates(target)) {
      const existing = this.found.find((w) => w.imagePath === imagePath);
      if (existing) return existing;
      const mount = this.mounts.find((m) => m.target === imagePath);
      if (mount) return this.keep(this.loadMounted(mount, imagePath, target), imagePath, target, depth);
      const origin = this.resolver.locate(this.model.finalStage, imagePath);
      if (origin === 'opaque') return undefined;
      if (!origin) continue;
      return this.keep(this.load(origin, imagePath, target), imagePath, target, depth);
    }
    return undefined;
  }

  private keep(script: WrapperScript | undefined, imagePath: string, target: Target, depth: number): WrapperScript | undefined {
    if (!script) return undefined;
    if (!target.sourced && !target.interpreter && !looksLikeScript(script.text, imagePath)) return undefined;
    this.found.push(script);
    if (depth < 4) this.followSources(script, depth + 1);
    return script;
  }

  /** A script a deployment bind-mounts over the image's path: the repository's file, its mode unknown (the host's). */
  private loadMounted(mount: FileMount, imagePath: string, target: Target): WrapperScript | undefined {
    const text = readScript(mount.absPath, mount.file);
    if (text === undefined) return undefined;
    const instr: Instr = {
      keyword: 'volumes:',
      stage: this.model.finalStage.index,
      range: { line: mount.line, column: 1, endLine: mount.line, endColumn: 0 },
      args: [`${mount.file}:${mount.target}`],
      text: `${mount.file}:${mount.target}`,
      flags: new Map(),
      jsonLike: false,
      heredocs: [],
      // No Dockerfile node: the mount is written in the manifest.
      node: undefined as unknown as Instr['node'],
    };
    return {
      imagePath,
      file: mount.file,
      absPath: mount.absPath,
      text,
      lineOffset: 0,
      role: target.sourced ? 'sourced' : 'start',
      ...(target.interpreter ? { interpreter: target.interpreter } : {}),
      mode: { executable: 'unknown', source: 'unknown' },
      copy: instr,
      mount: { file: mount.manifest, line: mount.line },
      foregroundByConfig: this.foregroundByConfig,
    };
  }

  private followSources(script: WrapperScript, depth: number): void {
    for (const word of sourcedFiles(script.text)) {
      this.add({ word, sourced: true, scriptDir: posix.dirname(script.imagePath) }, depth);
    }
  }

  private load(origin: Origin, imagePath: string, target: Target): WrapperScript | undefined {
    const role = target.sourced ? 'sourced' : 'start';
    if (origin.kind === 'heredoc') {
      return {
        imagePath,
        file: this.model.file,
        text: origin.heredoc.content.endsWith('\n') ? origin.heredoc.content : `${origin.heredoc.content}\n`,
        lineOffset: origin.heredoc.contentLine - 1,
        role,
        ...(target.interpreter ? { interpreter: target.interpreter } : {}),
        mode: origin.mode,
        copy: origin.copy,
        foregroundByConfig: this.foregroundByConfig,
      };
    }
    const absPath = this.resolver.ctx.absPath(origin.rel);
    if (!absPath) return undefined;
    const display = posix.normalize(
      posix.join(this.cwdBase, path.relative(path.dirname(this.model.absPath), absPath).split(path.sep).join('/')),
    );
    const edited = this.model.edited?.get(absPath);
    const text = edited ?? readScript(absPath, display);
    if (text === undefined) return undefined;
    return {
      imagePath,
      file: display,
      absPath,
      text,
      lineOffset: 0,
      role,
      ...(target.interpreter ? { interpreter: target.interpreter } : {}),
      mode: origin.mode,
      copy: origin.copy,
      foregroundByConfig: this.foregroundByConfig,
    };
  }
}

/** A script's text; undefined for a binary (ELF, NUL bytes: not a wrapper). InputError when a script cannot be read. */
function readScript(absPath: string, display: string): string | undefined {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(absPath);
    if (stat.size > MAX_BYTES) throw new InputError(`wrapper script ${display} is ${Math.round(stat.size / 1048576)} MB; files over 16 MB are not analysed`);
    bytes = fs.readFileSync(absPath);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`wrapper script ${display} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  // An empty (or blank) script is a finding for the rules (no shebang), not unreadable input.
  if (bytes.toString('latin1').trim() === '') return bytes.toString('latin1');
  if (bytes.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46])) || bytes.includes(0)) return undefined;
  // Keep a BOM: the decoder would drop it, and utf8-bom needs to see it.
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom && bytes.length === 3) return '\uFEFF';
  return (bom ? '\uFEFF' : '') + decodeText(bom ? bytes.subarray(3) : bytes, display, 'wrapper script');
}

/** The start chain, the wrapper scripts it runs (with what they source, and what a deployment mounts over them), and the final image's files and ENV. */
export function resolveStart(model: DockerfileModel, mounts: readonly FileMount[] = []): { chain: StartChain; wrappers: WrapperScript[]; image?: ImageFiles } {
  if (model.windows || model.start.argv.length === 0) return { chain: { links: [] }, wrappers: [] };
  const ctx = new BuildContext(model.contextDir, model.absPath);
  const collector = new WrapperCollector(model, new Resolver(model, ctx), mounts);
  const chain = computeStartChain(model, collector);
  const image: ImageFiles = { file: (imagePath) => collector.configText(imagePath), env: collector.vars, workdir: collector.workdir };
  return { chain, wrappers: collector.found, image };
}
