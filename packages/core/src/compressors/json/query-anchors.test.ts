import { describe, expect, it } from 'vitest';
import { matchesAnchor, queryAnchors } from './query-anchors.js';

describe('queryAnchors', () => {
  it('extracts UUIDs, emails, IPs, long numbers, hosts and quoted strings', () => {
    const query =
      'Why did request 3f2b8c1e-9d4a-4e6b-8f00-1a2b3c4d5e6f from ops@example.org fail on db-3.internal.example.com ' +
      'and 10.251.73.220 for order 55213? Look for "connection reset" and `blk_38865049064139660` in package.json';
    expect(queryAnchors(query)).toEqual([
      'connection reset',
      'blk_38865049064139660',
      '3f2b8c1e-9d4a-4e6b-8f00-1a2b3c4d5e6f',
      'ops@example.org',
      'db-3.internal.example.com',
      '10.251.73.220',
      '55213',
    ]);
    expect(queryAnchors('what is in the list, e.g. the first item?')).toEqual([]);
  });
});

describe('matchesAnchor', () => {
  it('matches whole tokens only', () => {
    expect(matchesAnchor('invalid user webmaster from 173.234.31.186', '173.234.31.186')).toBe(
      true,
    );
    expect(matchesAnchor('invalid user webmaster from 173.234.31.186', '173.234.31.18')).toBe(
      false,
    );
    expect(matchesAnchor('order 155213 shipped', '55213')).toBe(false);
    expect(matchesAnchor('order 55213 shipped', '55213')).toBe(true);
    expect(matchesAnchor('username root', 'user')).toBe(false);
    expect(matchesAnchor('"connection reset" by peer', 'connection reset')).toBe(true);
  });
});
