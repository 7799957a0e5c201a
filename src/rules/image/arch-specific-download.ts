// A RUN/ADD downloads a URL with a hard-coded architecture and does not branch on the target architecture.
import { expandArgs } from '../../model/variables.js';
import type { DockerfileModel, Instr, Stage } from '../../model/types.js';
import { buildSteps } from '../../model/build-steps.js';
import { copyOperands } from '../../model/file-origin.js';
import type { RuleHit, StaticRule } from '../types.js';

const URL = /\b(?:https?|ftp):\/\/[^\s'"`<>|;)]+/g;
// Architecture tokens as they appear in release file names and paths.
const ARCH =
  /(?<![A-Za-z0-9])(amd64|x86_64|x86-64|x64|arm64|aarch64|arm64v8|armv[5-8]l?|armv7hf|armhf|armel|arm32v[67]|i[3-6]86|ppc64le|s390x|riscv64)(?![A-Za-z0-9])|(?<=[-_/])386(?=[-_./]|$)/i;
// The RUN works out the architecture itself.
const BRANCHES =
  /\b(TARGETARCH|TARGETPLATFORM|TARGETOS|TARGETVARIANT|BUILDARCH)\b|\buname\s+(-[a-z]*m|--machine)|\bdpkg\s+--print-architecture\b|\bdpkg-architecture\b|\bapk\s+--print-arch\b|\/etc\/apk\/arch\b|\$\(\s*arch\s*\)|`\s*arch\s*`|\brpm\s+(--eval|-E)\s+['"]?%\{?_arch|\bgo\s+env\s+GOARCH\b|\$\{?HOSTTYPE\b|\$\{?MACHTYPE\b/;
const FETCH = /\b(curl|wget|aria2c|axel|fetch|http|xh)\b|\bInvoke-WebRequest\b|\burllib\b|\brequests\.get\b/;

function archUrl(text: string, vars: Record<string, string | undefined>): { url: string; arch: string } | undefined {
  for (const m of text.matchAll(URL)) {
    const url = expandArgs(m[0], vars);
    const arch = ARCH.exec(url);
    if (arch) return { url, arch: arch[0] };
  }
  return undefined;
}

function shortUrl(url: string): string {
  return url.length > 110 ? `${url.slice(0, 109)}…` : url;
}

/**
 * Stages whose architecture is fixed: a constant `--platform`, or `$BUILDPLATFORM` (runs on
 * the build host, the cross-compile pattern), on the stage or a stage it is built FROM.
 */
function pinned(model: DockerfileModel, stage: Stage): boolean {
  for (let s: Stage | undefined = stage; s; s = s.parent !== undefined ? model.stages[s.parent] : undefined) {
    const p = s.platform?.trim();
    if (p && !/\$\{?TARGETPLATFORM\}?/.test(p)) return true;
  }
  return false;
}

function hit(instr: Instr, url: string, arch: string): RuleHit {
  const what = instr.keyword === 'ADD' ? 'ADD downloads' : 'This RUN downloads';
  return {
    message: `${what} \`${shortUrl(url)}\` (built for ${arch}) without checking the target architecture, so the image for every other platform gets the ${arch} binary and fails with \`exec format error\`.`,
    fix:
      instr.keyword === 'ADD'
        ? `Put \`ARG TARGETARCH\` in the stage and use it in the URL (\`…-linux-\${TARGETARCH}…\`), mapping names like x86_64/aarch64 in a RUN if the project uses them.`
        : `Declare \`ARG TARGETARCH\` and build the URL from it, or branch on \`dpkg --print-architecture\` / \`uname -m\` (\`case "$(uname -m)" in x86_64) …;; aarch64) …;; esac\`).`,
    range: instr.range,
  };
}

export const rule: StaticRule = {
  id: 'arch-specific-download',
  severity: 'warning',
  title: 'Download for one architecture',
  description: 'A RUN or ADD fetches a binary for a hard-coded architecture: the image for the other platform gets the wrong binary.',
  check(model) {
    if (model.windows) return [];
    const hits: RuleHit[] = [];
    for (const stage of model.stages) {
      if (stage.windows || pinned(model, stage)) continue;
      for (const step of buildSteps(model, stage).steps) {
        const { instr } = step;
        if (instr.stage !== stage.index) continue;
        if (instr.keyword === 'RUN') {
          const text = [instr.text, ...instr.heredocs.map((h) => h.content)].join('\n');
          if (!FETCH.test(text) || BRANCHES.test(text)) continue;
          const found = archUrl(text, step.vars);
          if (found) hits.push(hit(instr, found.url, found.arch));
        } else if (instr.keyword === 'ADD') {
          const ops = copyOperands(step);
          const sources = ops?.sources ?? instr.args.slice(0, -1);
          if (/TARGET(ARCH|PLATFORM)/.test(instr.text)) continue;
          const found = archUrl(sources.join(' '), step.vars);
          if (found) hits.push(hit(instr, found.url, found.arch));
        }
      }
    }
    return hits;
  },
};
