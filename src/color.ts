// Whether to colour output, as the conventions say (https://no-color.org, FORCE_COLOR as
// Node and most CLIs read it): NO_COLOR wins; FORCE_COLOR=0/false turns colour off and any
// other value on; TERM=dumb is off; else colour only on a terminal.
export function colorEnabled(isTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (env.TERM === 'dumb') return false;
  return isTTY;
}
