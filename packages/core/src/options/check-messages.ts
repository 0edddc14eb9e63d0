import { InvalidMessagesError } from '../errors/invalid-messages-error.js';

/**
 * Messages must be a dense array of objects: a hole or a non-object would otherwise come back as
 * `null` or crash an adapter. Format-specific checks are the adapters'.
 */
export function checkMessages(messages: unknown): asserts messages is readonly object[] {
  if (!Array.isArray(messages))
    throw new InvalidMessagesError({ message: 'expected an array of messages' });
  for (let index = 0; index < messages.length; index++) {
    if (!(index in messages))
      throw new InvalidMessagesError({
        index,
        message: 'a hole in the array (sparse arrays are not messages)',
      });
    const message: unknown = messages[index];
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      throw new InvalidMessagesError({ index, message: 'expected a message object' });
    }
  }
}
