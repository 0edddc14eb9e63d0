import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../stats-ledger/ledger-record.js';
import { startProxy } from '../proxy/start-proxy.js';
import { startFakeProvider } from '../test-utils/fake-provider.js';
import { chatCompletion, chatMessages } from '../test-utils/replies.js';
import {
  chromiumPath,
  launchBrowser,
  noBrowserReason,
  overflowsHorizontally,
  screenshotDir,
  seriousA11yViolations,
} from '../test-utils/browser.js';
import { startDashboard, type RunningDashboard } from './start-dashboard.js';

const hour = 3_600_000;
const record = (
  ago: number,
  model: string,
  before: number,
  after: number,
  kind: string,
  strategy: string,
): LedgerRecord => ({
  v: 1,
  ts: new Date(Date.now() - ago).toISOString(),
  source: 'proxy',
  model,
  tokensBefore: before,
  tokensAfter: after,
  ccrKeys: 1,
  parts: [{ kind, strategy, tokensBefore: before, tokensAfter: after }],
  retrieval: { rounds: 1, hits: 3, misses: 1 },
});

const fixture = [
  record(30 * 24 * hour, 'gpt-4o', 50_000, 9_000, 'log', 'log:templates'),
  record(3 * 24 * hour, 'claude-sonnet-4-5', 20_000, 4_000, 'json', 'smart_crush:crush'),
  record(2 * hour, 'gpt-4o', 12_000, 2_000, 'search', 'search:rank'),
  record(hour, 'gpt-4o', 8_000, 1_000, 'log', 'log:templates'),
];
const lines = (records: LedgerRecord[]): string =>
  records.map((r) => `${JSON.stringify(r)}\n`).join('');

describe.skipIf(!chromiumPath)(
  `dashboard in Chromium${chromiumPath ? '' : ` (${noBrowserReason})`}`,
  () => {
    let browser: Browser;
    let dashboard: RunningDashboard;
    let ledger: string;

    beforeAll(async () => {
      browser = await launchBrowser();
      ledger = join(await mkdtemp(join(tmpdir(), 'headroom-dash-')), 'stats.jsonl');
      await writeFile(ledger, `${lines(fixture)}this line is damaged\n`);
      dashboard = await startDashboard({ port: 0, ledgerPath: ledger, intervalMs: 250 });
    });
    afterAll(async () => {
      await browser?.close();
      await dashboard?.close();
    });

    it('draws the ledger: totals, chart, breakdowns, retrieval, recent requests; passes axe; fits a phone', async () => {
      const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
      await page.goto(dashboard.url);
      await page.waitForSelector('#series canvas');
      expect(await page.textContent('#all-saved')).toBe(
        (41_000 + 16_000 + 10_000 + 7_000).toLocaleString('en-US'),
      );
      expect(await page.textContent('#week-saved')).toBe(
        (16_000 + 10_000 + 7_000).toLocaleString('en-US'),
      );
      expect(await page.textContent('#skipped')).toContain('1 damaged ledger line');
      expect(await page.locator('#by-model tr').allTextContents()).toEqual([
        expect.stringMatching(/^gpt-4o\s*58,000/),
        expect.stringMatching(/^claude-sonnet-4-5\s*16,000/),
      ]);
      expect(await page.locator('#by-kind th').allTextContents()).toEqual([
        'log',
        'json',
        'search',
      ]);
      expect(await page.textContent('#retrieval-hits')).toBe('12 / 16');
      expect(await page.textContent('#retrieval-rate')).toBe('75.0%');
      expect(await page.locator('#recent tr').count()).toBe(4);
      await page.screenshot({ path: join(screenshotDir, 'dashboard.png'), fullPage: true });
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.setViewportSize({ width: 375, height: 800 });
      await page.waitForTimeout(300);
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.screenshot({ path: join(screenshotDir, 'dashboard-phone.png'), fullPage: true });
      await page.close();
    });

    it('updates live when a request goes through the proxy, which serves the same page at /dashboard', async () => {
      const provider = await startFakeProvider();
      provider.reply({ json: chatCompletion({ text: 'The payment service timed out.' }) });
      const proxy = await startProxy({
        port: 0,
        ledgerPath: ledger,
        upstreams: { openai: provider.url },
      });
      const page = await browser.newPage();
      await page.goto(`${proxy.url}/dashboard`);
      await page.waitForSelector('#series canvas');
      const before = await page.locator('#recent tr').count();
      const openai = new OpenAI({ apiKey: 'sk-test', baseURL: `${proxy.url}/v1`, maxRetries: 0 });
      await openai.chat.completions.create({ model: 'gpt-4.1', messages: chatMessages() as never });
      await page.waitForFunction(
        (n) => document.querySelectorAll('#recent tr').length === n + 1,
        before,
      );
      expect(await page.locator('#recent tr').first().textContent()).toContain('gpt-4.1');
      expect(await page.locator('#recent tr').first().textContent()).toContain('proxy');
      await page.close();
      await proxy.close();
      await provider.close();
    });

    it('shows the empty state for an empty ledger, never a blank page', async () => {
      const empty = await startDashboard({
        port: 0,
        ledgerPath: join(await mkdtemp(join(tmpdir(), 'headroom-dash-')), 'stats.jsonl'),
      });
      const page = await browser.newPage();
      await page.goto(empty.url);
      await page.waitForSelector('#empty:not([hidden])');
      expect(await page.isVisible('#content')).toBe(false);
      expect(await page.textContent('#empty')).toContain('No compressions recorded yet');
      await page.screenshot({ path: join(screenshotDir, 'dashboard-empty.png') });
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.close();
      await empty.close();
    });
  },
);
