import { describe, expect, it } from 'vitest';
import { applyMasks, maskVariables } from './mask-variables.js';

describe('maskVariables', () => {
  it('masks timestamps, UUIDs, IPs, hex and numbers', () => {
    expect(maskVariables('2024-01-02T03:04:05Z conn from 10.0.0.1:8080 took 250ms')).toBe(
      '<TS> conn from <IP> took <DUR>',
    );
    expect(maskVariables('req 123e4567-e89b-12d3-a456-426614174000 blk_-42 id=0xdeadbeef')).toBe(
      'req <UUID> blk_-<N> id=<HEX>',
    );
    expect(maskVariables('deadbeef-dead-beef-dead-beefdeadbeef')).toBe('<UUID>');
    expect(maskVariables('-122.375')).toBe('-<N>');
    expect(maskVariables('.097')).toBe('.<N>');
    expect(maskVariables('-.5')).toBe('-.<N>');
    expect(maskVariables('Seattle-Tacoma Intl')).toBe('Seattle-Tacoma Intl');
  });

  it('gives what every mask in turn gives, shortcuts or not', () => {
    const parts = [
      '',
      '-',
      '.',
      ' ',
      '1',
      '42',
      '3.14',
      'a',
      'ff',
      'e5',
      'ms',
      'Jan 2',
      ':',
      '/',
      'x',
      // Hex runs of both cases around 5 and 8 digits, time and date pieces, unit letters.
      'deadbeef',
      'c0ffee',
      '9ab1',
      'DEADBEEF',
      'A1B2C',
      '0x1f',
      'T',
      '12:34:56',
      '2024-01-02',
      'Mon ',
      'h',
      'd',
      's',
      '5m',
      '10.0.0.1',
    ];
    let seed = 7;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    for (let round = 0; round < 20_000; round++) {
      let line = '';
      for (let i = next() % 6; i >= 0; i--) line += parts[next() % parts.length];
      expect(maskVariables(line), JSON.stringify(line)).toBe(applyMasks(line));
    }
  });
});
