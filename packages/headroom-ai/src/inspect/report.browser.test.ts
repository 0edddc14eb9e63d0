import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  launchBrowser,
  noBrowserReason,
  overflowsHorizontally,
  screenshotDir,
  seriousA11yViolations,
} from '../test-utils/browser.js';
import { inspectReport } from './inspect-report.js';
import { reportHtml } from './report-html.js';

// A real log: dpkg's, captured on a Debian machine for the router's corpus.
const dpkgLog = readFileSync(
  new URL('../../../core/src/router/__fixtures__/corpus/dpkg.log', import.meta.url),
  'utf8',
);

describe.skipIf(!chromiumPath)(
  `inspect report in Chromium${chromiumPath ? '' : ` (${noBrowserReason})`}`,
  () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('opens, highlights dropped lines, and unfolds the stored original when a marker is followed', async () => {
      const report = await inspectReport(dpkgLog, {
        query: 'libsystemd0 upgrade',
        fileName: 'dpkg.log',
      });
      const file = join(await mkdtemp(join(tmpdir(), 'headroom-inspect-')), 'report.html');
      await writeFile(file, reportHtml(report));
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(file).href);

      const dropped = report.segments[0]!.original.filter((l) => l.state === 'dropped').length;
      expect(dropped).toBeGreaterThan(0);
      expect(await page.locator('.line.dropped').count()).toBe(dropped);
      const marker = page.locator('a.marker').first();
      const key = (await marker.getAttribute('href'))!.slice('#ccr-'.length);
      const details = page.locator(`details#ccr-${key}`);
      expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      await marker.click();
      await page.waitForFunction(
        (id) => (document.getElementById(id) as HTMLDetailsElement).open,
        `ccr-${key}`,
      );
      expect(await details.locator('pre').first().textContent()).toBe(dpkgLog);
      await page.screenshot({ path: join(screenshotDir, 'inspect.png') });
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.setViewportSize({ width: 375, height: 800 });
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.screenshot({ path: join(screenshotDir, 'inspect-phone.png') });
      await page.close();
    });
  },
);
