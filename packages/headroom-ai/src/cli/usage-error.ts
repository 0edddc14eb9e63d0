/** A mistake in how the CLI was called: printed with a pointer to `--help`, exit code 2. */
export class CliUsageError extends Error {
  /** The command path the mistake was made in, e.g. `headroom compress`. */
  readonly command: string;

  constructor(command: string, message: string) {
    super(message);
    this.name = 'CliUsageError';
    this.command = command;
  }
}
