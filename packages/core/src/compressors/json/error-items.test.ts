import { describe, expect, it } from 'vitest';
import { isErrorText } from './error-items.js';

describe('isErrorText', () => {
  it('finds every failure word and name, in a message or alone', () => {
    const words = [
      'error',
      'errors',
      'exception',
      'failed',
      'failure',
      'fatal',
      'panic',
      'panicked',
      'traceback',
      'segfault',
      'denied',
      'refused',
      'timeout',
      'aborted',
      'crashed',
      'critical',
      'rejected',
      'forbidden',
      'unauthorized',
      'unauthorised',
      'killed',
      'oom',
      'fail',
    ];
    for (const word of words) {
      expect(isErrorText(`request ${word} here`)).toBe(true);
      // Alone, a word counts when it is a failure token (traceback and segfault count in messages).
      if (!['traceback', 'segfault'].includes(word))
        expect(isErrorText(word.toUpperCase())).toBe(true);
    }
    expect(isErrorText('connection timed out')).toBe(true);
    for (const name of [
      'TypeError',
      'SocketException',
      'SyncFailure',
      'PageFault',
      'ReadTimeout',
      'Error',
      'err',
    ])
      expect(isErrorText(name)).toBe(true);
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOENT', 'EACCES', 'EPERM'])
      expect(isErrorText(` ${code} `)).toBe(true);
    for (const code of [
      'EPIPE',
      'EADDRINUSE',
      'EHOSTUNREACH',
      'ENOTFOUND',
      'ENOMEM',
      'ECONNABORTED',
    ])
      expect(isErrorText(code)).toBe(true);
  });

  it('passes names, numbers, paths and words that only contain a failure word', () => {
    for (const text of [
      'Livingston Municipal',
      '31.95376472',
      '2012-01-01',
      'es-errors',
      'p-timeout',
      '/issues/errors',
      'https://example.com/failed',
      'EFOO',
      'terror',

      'liberror-perl',
    ])
      expect(isErrorText(text)).toBe(false);
  });
});
