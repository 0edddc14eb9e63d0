// Real data turned into JSON arrays for SmartCrusher's tests: loghub log lines as records, and
// recorded GitHub API exchanges from the `@octokit/fixtures` package the bench installs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataDir, dataPath } from '../../../test-utils/data-dir.node.js';

/** One log line as a record. */
export type LogRecord = Record<string, string | number>;

const formats: Record<string, RegExp> = {
  HDFS: /^(?<date>\d{6}) (?<time>\d{6}) (?<pid>\d+) (?<level>[A-Z]+) (?<component>[^:]+): (?<message>.*)$/,
  Apache: /^\[(?<time>[^\]]+)\] \[(?<level>[a-z]+)\] (?<message>.*)$/,
  OpenSSH: /^(?<time>[A-Z][a-z]{2} +\d+ [\d:]{8}) (?<host>\S+) (?<process>[\w()-]+)\[(?<pid>\d+)\]: (?<message>.*)$/,
  Linux: /^(?<time>[A-Z][a-z]{2} +\d+ [\d:]{8}) (?<host>\S+) (?<process>[\w().-]+)(?:\[(?<pid>\d+)\])?: (?<message>.*)$/,
  Hadoop: /^(?<time>\d{4}-\d{2}-\d{2} [\d:,]+) (?<level>[A-Z]+) \[(?<thread>[^\]]+)\] (?<component>[^:]+): (?<message>.*)$/,
};

export { dataDir };

/** The first `limit` lines of `/work/shared/data/logs/<name>_2k.log` as records (lines that don't parse are skipped). */
export function logRecords(name: keyof typeof formats & string, limit = 2000): LogRecord[] {
  const pattern = formats[name]!;
  const lines = readFileSync(dataPath('logs', `${name}_2k.log`), 'utf8').split('\n').slice(0, limit);
  const records: LogRecord[] = [];
  for (const line of lines) {
    const groups = pattern.exec(line.trimEnd())?.groups;
    if (!groups) continue;
    const record: LogRecord = {};
    for (const [key, value] of Object.entries(groups)) {
      if (value === undefined) continue;
      record[key] = key === 'pid' ? Number(value) : value;
    }
    records.push(record);
  }
  return records;
}

const scenarios = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../../bench/node_modules/@octokit/fixtures/scenarios/api.github.com');

/** Whether the GitHub fixtures are installed. */
export const hasGithubFixtures = existsSync(scenarios);
export const noGithubReason = 'skipped: @octokit/fixtures not installed in bench/node_modules (run pnpm install)';

/** One recorded GitHub API exchange (request + response), tagged with its scenario. */
export type Exchange = Record<string, unknown> & { scenario: string; status: number; response: unknown };

/** Every recorded exchange of every scenario, in scenario order. */
export function githubExchanges(): Exchange[] {
  return readdirSync(scenarios)
    .sort()
    .flatMap((scenario) => {
      const fixture = JSON.parse(readFileSync(join(scenarios, scenario, 'normalized-fixture.json'), 'utf8')) as Array<Record<string, unknown>>;
      return fixture.map((exchange) => ({ scenario, ...exchange }) as Exchange);
    });
}

/** The response body of the first exchange of a scenario whose path matches. */
export function githubResponse(scenario: string, path: RegExp): unknown {
  const fixture = JSON.parse(readFileSync(join(scenarios, scenario, 'normalized-fixture.json'), 'utf8')) as Array<{ path: string; response: unknown }>;
  return fixture.find((exchange) => path.test(exchange.path))?.response;
}

/** The packages installed in this workspace (name and version): distinct entities with nothing unusual. */
export function installedPackages(): Array<{ name: string; version: string }> {
  return readdirSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../../node_modules/.pnpm'))
    .filter((entry) => entry.includes('@') && !entry.startsWith('node_modules'))
    .sort()
    .map((entry) => {
      const at = entry.lastIndexOf('@');
      return { name: entry.slice(0, at).replace('+', '/'), version: entry.slice(at + 1).split('_')[0]! };
    });
}

/** What a lockfile records of one installed package. */
export type LockedPackage = Record<string, unknown> & { version: string };

/**
 * A package-lock.json-shaped document of the packages installed in this workspace: `packages` maps
 * `node_modules/<name>` to what each one's package.json says (version, license, dependencies, engines…),
 * the first installed version of each name, sorted by name.
 */
export function installedLockfile(): { lockfileVersion: number; packages: Record<string, LockedPackage> } {
  const store = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../../node_modules/.pnpm');
  const packages: Record<string, LockedPackage> = {};
  for (const entry of readdirSync(store).sort()) {
    const at = entry.lastIndexOf('@');
    if (at <= 0 || entry.startsWith('node_modules')) continue;
    const name = entry.slice(0, at).replace('+', '/');
    const file = join(store, entry, 'node_modules', name, 'package.json');
    if (packages[`node_modules/${name}`] || !existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const locked: LockedPackage = { version: String(manifest.version) };
    for (const field of ['license', 'dependencies', 'peerDependencies', 'engines', 'bin'])
      if (manifest[field] !== undefined) locked[field] = manifest[field];
    packages[`node_modules/${name}`] = locked;
  }
  return { lockfileVersion: 3, packages };
}
