// The environment of every program the tool starts (git, shellcheck, docker): an allow-list.
// The runner's credentials (the Action's token as INPUT_GITHUB-TOKEN, ACTIONS_* tokens) and
// whatever else the host has set never reach a child.

/** What any program needs to run and read its own configuration. */
const BASE = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TMPDIR', 'XDG_CONFIG_HOME', 'XDG_RUNTIME_DIR'];

/** Only the allow-listed variables of `env` (BASE plus `names`), then `extra`. */
export function childEnv(names: readonly string[] = [], extra: Record<string, string> = {}, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const k of [...BASE, ...names]) if (env[k] !== undefined) out[k] = env[k];
  return { ...out, ...extra };
}
