/** A mistake in how a command was called (unknown app id, bad git ref): runCli prints it without a stack trace. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
