import { InvalidMessagesError } from '../errors/invalid-messages-error.js';

/** Throws the error every adapter uses for malformed input, naming where it is. */
export function invalidMessage(index: number, problem: string): never {
  throw new InvalidMessagesError({ index, message: problem });
}

/** Tool-call arguments as an object when they are JSON, else the raw value. */
export function parseArgs(args: unknown): unknown {
  if (typeof args !== 'string') return args;
  try {
    return JSON.parse(args);
  } catch {
    return args;
  }
}
