/**
 * Bad usage or unreadable input: the CLI prints the message as one line and exits 2;
 * the Action fails the step with it. Never carries a stack trace to the user.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/**
 * Text that may hold user-controlled strings (paths, quoted log lines), made safe for a plain
 * log line: no line breaks or control characters, so it can never start a workflow command.
 */
export function oneLine(text: string, max = 400): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
