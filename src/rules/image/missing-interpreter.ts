// The start command or a wrapper's shebang needs an interpreter the final image provably lacks.
import { analyseInstalls, interpreterAvailability, interpreterOf, type Interpreter } from '../../model/installs.js';
import { interpreterPackage } from '../../model/programs.js';
import type { DockerfileModel, SourceRange, StartPart } from '../../model/types.js';
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
      });
    }
    return hits;
  },
};
