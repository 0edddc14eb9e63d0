import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectContent } from '../../router/detect-content.js';
import { grepHits } from './grep-hits.js';
import { parseSearch } from './parse-search.js';

const packageRoot = fileURLToPath(new URL('../../..', import.meta.url));

describe('grepHits', () => {
  it("puts `git grep -p`'s enclosing-function line above the matches it encloses", () => {
    const text = execFileSync(
      'git',
      ['grep', '-n', '-p', 'cutLongLine(', '--', 'src/compressors'],
      {
        cwd: packageRoot,
        encoding: 'utf8',
      },
    );
    const parsed = parseSearch(text);
    expect(parsed.notes).toEqual([]);
    const headers = parsed.lines.filter((l) => l.enclosing);
    expect(headers.length).toBeGreaterThan(0);
    const hits = grepHits(parsed.lines);
    for (const hit of hits) {
      const header = headers.filter((h) => h.path === hit.path && h.line < hit.line).at(-1);
      if (!header) continue;
      expect(hit.before[0], hit.raw).toEqual({
        line: header.line,
        text: header.text,
        raw: header.raw,
      });
    }
    expect(hits.filter((h) => h.before.length > 0).length).toBeGreaterThan(0);
    expect(detectContent(text).kind).toBe('search');
  });
});
