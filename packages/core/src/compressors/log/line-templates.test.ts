import { describe, expect, it } from 'vitest';
import { lineTemplates } from './line-templates.js';
import { maskVariables } from './mask-variables.js';

describe('maskVariables', () => {
  it('masks timestamps, IPs, hex, UUIDs and numbers, also inside identifiers', () => {
    expect(
      maskVariables('2015-10-18 18:01:47,978 INFO Created appattempt_1445144423722_0020_000001'),
    ).toBe('<TS> INFO Created appattempt_<N>_<N>_<N>');
    expect(maskVariables('[Sun Dec 04 04:47:44 2005] [error] state 6')).toBe(
      '[<DATE> <TIME> <N>] [error] state <N>',
    );
    expect(maskVariables('Connection from 10.10.34.11:45307 session 0x14ed93111f2005b')).toBe(
      'Connection from <IP> session <HEX>',
    );
    expect(maskVariables('request 123e4567-e89b-12d3-a456-426614174000 commit deadbeef42')).toBe(
      'request <UUID> commit <HEX>',
    );
  });
});

describe('lineTemplates', () => {
  it('merges lines that differ in a variable word and keeps groups apart', () => {
    const lines = [
      'Invalid user webmaster from 173.234.31.186',
      'Invalid user oracle from 52.80.34.196',
      'Invalid user test from 52.80.34.196',
      'Accepted password for fztu from 119.137.62.142',
      'Invalid user webmaster from 173.234.31.186',
    ];
    const { ids, counts, variants } = lineTemplates(lines, [
      'info',
      'info',
      'info',
      'info',
      'warn',
    ]);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).toBe(ids[0]);
    expect(ids[3]).not.toBe(ids[0]);
    expect(ids[4]).not.toBe(ids[0]); // another group
    expect(counts[ids[0]!]).toBe(3);
    expect(new Set(variants.slice(0, 3)).size).toBe(3);
  });
});
