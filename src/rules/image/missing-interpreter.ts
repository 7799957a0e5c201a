// The start command or a wrapper's shebang needs an interpreter the final image provably lacks.
import { analyseInstalls, interpreterAvailability, interpreterOf, type Interpreter } from '../../model/installs.js';
import { interpreterPackage } from '../../model/programs.js';
import type { DockerfileModel, SourceRange, StartPart, WrapperScript } from '../../model/types.js';
import type { Autofix } from '../../findings.js';
import { autofix, insertLinesBefore, scriptLineEdit, withAutofix } from '../edits.js';
import { shellScripts } from '../wrapper/common.js';
import { posixWithSourced } from '../wrapper/wrapper-bashism.js';
import { analysisOf } from '../../model/scripts.js';
import type { RuleHit, StaticRule } from '../types.js';
import { baseDescription } from './image-facts.js';

interface Need {
  interp: Interpreter;
  /** The interpreter as written (`bash`, `/usr/bin/python3`). */
  written: string;
  /** What needs it, for the message. */
  what: string;
  range: SourceRange;
  file?: string;
  shebang: boolean;
  /** The script whose shebang needs it. */
  wrapper?: WrapperScript;
}


function lineRange(line: number, length: number): SourceRange {
  return { line, column: 1, endLine: line, endColumn: length + 1 };
}

function show(part: StartPart): string {
  return `\`${part.instr.keyword} ${part.instr.text.replace(/\s+/g, ' ').trim()}\``;
}

function needs(model: DockerfileModel): Need[] {
  const out: Need[] = [];
  for (const link of model.startChain.links) {
    // Words a script execs are the script's business (its shebang's interpreter is checked below).
    if (link.origin) continue;
    // The program each link executes: a shell, an interpreter, a script's shell operand.
    const word = link.kind === 'script' ? link.interpreter : link.kind === 'init' || link.kind === 'privdrop' ? undefined : link.word;
    const interp = word !== undefined ? interpreterOf(word) : undefined;
    if (!interp || word === undefined) continue;
    const part = link.part;
    let what: string;
    if (link.kind === 'shell' && part.form === 'shell' && link.index === 0) what = `${show(part)} is shell form, so Docker runs it with \`${word} -c\` and`;
    else if (part.form === 'shell') what = `${show(part)} is shell form, so it runs under \`${word} -c\` and`;
    else what = `The start command ${show(part)}`;
    out.push({ interp, written: word, what, range: part.instr.range, shebang: false });
  }
  for (const w of model.wrappers) {
    if (w.role !== 'start' || w.interpreter) continue;
    const sb = analysisOf(w).shebang;
    const written = sb ? (sb.viaEnv ? sb.program : sb.interpreter) : undefined;
    const interp = written ? interpreterOf(written) : undefined;
    if (!sb || !interp || !written) continue;
    out.push({
      interp,
      written,
      what: `${w.file === model.file && w.absPath === undefined ? `The COPY heredoc ${w.imagePath}` : `\`${w.file}\``} starts with \`${sb.line}\` and`,
      range: lineRange(1 + w.lineOffset, sb.line.length),
      file: w.file,
      shebang: true,
      wrapper: w,
    });
  }
  return out;
}

function fixFor(model: DockerfileModel, need: Need): string {
  const { family } = model.base;
  const pkg = interpreterPackage(need.interp);
  if (family === 'scratch' || family === 'distroless') {
    return need.shebang
      ? `Replace the script with the program itself in exec form (\`ENTRYPOINT ["/app/server"]\`), or build on an image that has ${need.interp === 'sh' ? 'a shell' : need.interp} (a \`:debug\` distroless variant has BusyBox sh).`
      : `Start the program directly in exec form (\`ENTRYPOINT ["/app/server"]\`), or build on an image that has ${need.interp === 'sh' ? 'a shell' : need.interp}.`;
  }
  if (need.interp === 'bash' && need.shebang) {
    return family === 'alpine'
      ? 'Change the shebang to `#!/bin/sh` if the script is POSIX sh, or install bash: `RUN apk add --no-cache bash`.'
      : 'Change the shebang to `#!/bin/sh` if the script is POSIX sh, or build on an image that has bash.';
  }
  if (family === 'alpine') return `Install it in the final stage: \`RUN apk add --no-cache ${pkg}\`.`;
  if (family === 'debian' || family === 'ubuntu') {
    return `Install it in the final stage: \`RUN apt-get update && apt-get install -y --no-install-recommends ${pkg} && rm -rf /var/lib/apt/lists/*\`, or build on the official ${need.interp} image.`;
  }
  return `Build on an image that has ${need.interp}, or start a program that exists in this one.`;
}

/**
 * `#!/bin/bash` on a base without bash: `#!/bin/sh` (its `-e`/`-u`/`-x` flags kept) when the
 * script is plain POSIX sh by the same dialect analysis as wrapper-bashism (safe); otherwise,
 * on Alpine, bash installed at the top of the final stage (unsafe: the image changes).
 */
export function fixBashShebang(model: DockerfileModel, need: Need): Autofix | undefined {
  const w = need.wrapper;
  if (!w || need.interp !== 'bash' || !need.shebang) return undefined;
  const script = shellScripts(model, ['start']).find((s) => s.wrapper === w);
  const sb = analysisOf(w).shebang;
  if (script && sb && posixWithSourced(model, script)) {
    const flags = sb.args.filter((a) => a !== 'bash');
    if (flags.some((a) => !/^-[eux]+$/.test(a))) return undefined;
    const first = (w.text.split('\n')[0] ?? '').replace(/\r$/, '');
    const bom = first.startsWith('\uFEFF') ? 1 : 0;
    return autofix(true, [scriptLineEdit(model, w, 1, 1 + bom, first.length + 1, ['#!/bin/sh', ...flags].join(' '))]);
  }
  if (model.base.family !== 'alpine') return undefined;
  const from = model.finalStage.from.range.endLine;
  return autofix(false, [insertLinesBefore(model, from + 1, 'RUN apk add --no-cache bash\n')]);
}

export const rule: StaticRule = {
  id: 'missing-interpreter',
  severity: 'error',
  title: 'Interpreter missing from the image',
  description:
    'The start command or a wrapper script needs an interpreter (bash, python, node…) that the final base image does not have and no RUN installs: the container fails with "no such file or directory" at start.',
  check(model) {
    if (model.windows) return [];
    const analysis = analyseInstalls(model);
    const hits: RuleHit[] = [];
    const seen = new Set<string>();
    for (const need of needs(model)) {
      const key = `${need.interp}\0${need.file ?? ''}\0${need.range.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A Nix store path exists only where Nix built it (the developer's machine), never in an
    // image that does not install Nix: whatever the interpreter, that file is not there.
    const nixPath = need.shebang && /^\/nix\/store\//.test(need.written) && !/nix/.test(model.base.name) && !/\bnix\b/.test(model.text);
    if (!nixPath && interpreterAvailability(model, need.interp, analysis) !== 'absent') continue;
      const noRun = model.base.family === 'scratch' || model.base.family === 'distroless';
      const has = nixPath
        ? `that Nix store path exists only on the machine that wrote the script: the final image (${baseDescription(model.base)}) has no /nix/store`
        : `the final image (${baseDescription(model.base)}) has no ${need.interp === 'sh' ? 'shell' : need.interp}${noRun ? '' : ' and no RUN installs it'}`;
      const fails = need.shebang
        ? `the container fails with \`exec ${need.written}: no such file or directory\``
        : `the container fails with \`exec: "${need.written}": executable file not found\``;
      hits.push({
        message: `${need.what} needs ${need.written}, but ${has}, so ${fails}.`,
        fix: nixPath ? `Use a portable shebang: \`#!/usr/bin/env ${need.interp}\` (or \`#!/bin/sh\` for a POSIX script).` : fixFor(model, need),
        range: need.range,
        ...(need.file && need.file !== model.file ? { file: need.file } : {}),
        ...(nixPath ? {} : withAutofix(fixBashShebang(model, need))),
      });
    }
    return hits;
  },
};
