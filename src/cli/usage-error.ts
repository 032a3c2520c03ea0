/** A mistake in the command line or the environment: exit code 2, with the command's help. */
export class UsageError extends Error {
  override name = 'UsageError';
}
