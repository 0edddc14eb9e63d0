import { HeadroomError, hasErrorMarker } from './headroom-error.js';

const marker = Symbol.for('headroom.error.invalid_messages');

/** The messages are not a dense array of message objects in a format Headroom reads. */
export class InvalidMessagesError extends HeadroomError {
  private readonly [marker] = true;
  /** The first bad message, when one message is at fault rather than the whole list. */
  readonly index?: number;

  constructor({ message, index }: { message: string; index?: number }) {
    super({
      code: 'invalid_messages',
      message: index === undefined ? message : `messages[${index}]: ${message}`,
    });
    this.name = 'InvalidMessagesError';
    if (index !== undefined) this.index = index;
  }

  static override isInstance(error: unknown): error is InvalidMessagesError {
    return hasErrorMarker(error, marker);
  }
}
