import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { byCodeUnit } from '../order.js';

/** A GitHub API object as recorded by `@octokit/fixtures` (raw recordings: real ids, timestamps, node ids). */
export type GitHubObject = Record<string, unknown>;

interface RecordedCall {
  method: string;
  path: string;
  status: number;
  response: unknown;
}

/** Directory of the recorded api.github.com scenarios inside the installed `@octokit/fixtures`. */
export function fixturesDir(): string {
  const pkg = createRequire(import.meta.url).resolve('@octokit/fixtures/package.json');
  return join(dirname(pkg), 'scenarios', 'api.github.com');
}

/** Every recorded response body, scenario by scenario in name order, call by call in recorded order. */
function recordedResponses(): Array<{ scenario: string; call: RecordedCall }> {
  const root = fixturesDir();
  const out: Array<{ scenario: string; call: RecordedCall }> = [];
  for (const scenario of readdirSync(root).sort(byCodeUnit)) {
    const file = join(root, scenario, 'raw-fixture.json');
    if (!existsSync(file)) continue;
    for (const call of JSON.parse(readFileSync(file, 'utf8')) as RecordedCall[])
      out.push({ scenario, call });
  }
  return out;
}

function isIssue(value: unknown): value is GitHubObject {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as GitHubObject;
  return (
    typeof v.number === 'number' &&
    typeof v.title === 'string' &&
    /\/(issues|pull)\/\d+$/.test(String(v.html_url ?? ''))
  );
}

/**
 * Every distinct issue or pull request in the recordings (list pages, search results, single
 * gets), the last recorded state of each, in order of first appearance.
 */
export function recordedIssues(): GitHubObject[] {
  const byUrl = new Map<string, GitHubObject>();
  for (const { call } of recordedResponses()) {
    const body = call.response as GitHubObject | GitHubObject[] | undefined;
    const candidates = Array.isArray(body)
      ? body
      : Array.isArray(body?.items)
        ? (body.items as unknown[])
        : [body];
    for (const item of candidates) if (isIssue(item)) byUrl.set(String(item.html_url), item);
  }
  return [...byUrl.values()];
}

/** The labels of a repository as `GET /repos/{owner}/{repo}/labels` returned them. */
export function recordedLabels(): GitHubObject[] {
  const call = recordedResponses().find(
    ({ call: c }) => c.method === 'get' && /\/labels$/.test(c.path) && Array.isArray(c.response),
  );
  if (!call) throw new Error(`no recorded label list in ${fixturesDir()}`);
  return call.call.response as GitHubObject[];
}
