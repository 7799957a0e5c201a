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
