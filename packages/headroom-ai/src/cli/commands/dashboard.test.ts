import { spawn } from 'node:child_process';
import { appendFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DashboardData } from '../../dashboard/dashboard-data.js';
import { binPath } from '../test-utils/run-bin.js';

describe('headroom dashboard', () => {
  it('serves the page and the ledger numbers on loopback until interrupted, then exits 0', async () => {
    const home = await mkdtemp(join(tmpdir(), 'headroom-dash-cli-'));
    const record = {
      v: 1,
      ts: new Date().toISOString(),
      source: 'cli',
      model: 'gpt-4o',
      tokensBefore: 1000,
      tokensAfter: 100,
      ccrKeys: 1,
      parts: [],
    };
    await appendFile(join(home, 'stats.jsonl'), `${JSON.stringify(record)}\n`);
    const child = spawn(process.execPath, [binPath, 'dashboard', '--port', '0', '--no-open'], {
      env: { ...process.env, HEADROOM_HOME: home },
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (line: string) => {
        const found = /(http:\/\/127\.0\.0\.1:\d+\/dashboard)/.exec(line);
        if (found) resolve(found[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const page = await fetch(url);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<title>Headroom dashboard</title>');
    const data = (await (await fetch(`${url}/data.json`)).json()) as DashboardData;
    expect(data.allTime).toMatchObject({ compressions: 1, tokensSaved: 900 });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('refuses a bad --port', async () => {
    const child = spawn(process.execPath, [binPath, 'dashboard', '--port', 'eighty', '--no-open']);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(2);
    expect(stderr).toContain('--port must be a port number');
  });
});
