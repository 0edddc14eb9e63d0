import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { InspectReport } from '../../inspect/inspect-report.js';
import { runCli } from '../run-cli.js';
import { captureIo } from '../test-utils/capture-io.js';
import { headroomCli } from './index.js';

const example = fileURLToPath(
  new URL('../../../../../examples/tool-outputs/code-search.json', import.meta.url),
);

async function cli(argv: string[]) {
  const { io, out } = captureIo();
  const code = await runCli(headroomCli, argv, io);
  return { code, ...out };
}

describe('headroom inspect', () => {
  it('--json prints the report data for tooling', async () => {
    const { code, stdout } = await cli([
      'inspect',
      example,
      '--json',
      '--query',
      'JsonSyntaxException',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as InspectReport;
    expect(report.query).toBe('JsonSyntaxException');
    expect(report.segments[0]!.kind).toBe('search');
    expect(report.segments[0]!.tokensAfter).toBeLessThan(report.segments[0]!.tokensBefore);
    expect(report.segments[0]!.markers.length).toBeGreaterThan(0);
  });

  it('writes one self-contained HTML report where --out says and prints its path', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'headroom-inspect-')), 'r.html');
    const { code, stdout } = await cli(['inspect', example, '--out', out]);
    expect({ code, stdout }).toEqual({ code: 0, stdout: `${out}\n` });
    const html = await readFile(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<(?:script|link)[^>]+(?:src|href)=["']https?:/);
    expect(html).toContain('class="marker"');
  });

  it('a missing file is a clear error', async () => {
    const { code, stderr } = await cli(['inspect', '/nonexistent/file.log']);
    expect(code).not.toBe(0);
    expect(stderr).toContain('no such file');
  });
});
