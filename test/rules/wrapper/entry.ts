// Lint a Dockerfile whose ENTRYPOINT is one wrapper script from the build context.
import type { Finding } from '../../../src/findings.js';
import { hits, lint } from '../../helpers.js';

export const ENTRY_FILE = 'docker-entrypoint.sh';

/** `FROM <base>` + COPY docker-entrypoint.sh + exec-form ENTRYPOINT and CMD (none when `cmd` is null); the script is 0755. */
export function lintEntrypoint(base: string, script: string, cmd: string[] | null = ['app']): Finding[] {
  const dockerfile = [
    `FROM ${base}`,
    'WORKDIR /app',
    'COPY docker-entrypoint.sh /usr/local/bin/',
    'ENTRYPOINT ["docker-entrypoint.sh"]',
    ...(cmd ? [`CMD ${JSON.stringify(cmd)}`] : []),
    '',
  ].join('\n');
  return lint(dockerfile, { [ENTRY_FILE]: { content: script, mode: 0o755 } });
}

/** The findings of one rule for a wrapper on the given base. */
export function ruleHits(rule: string, base: string, script: string, cmd?: string[] | null): Finding[] {
  return hits(lintEntrypoint(base, script, cmd), rule);
}
