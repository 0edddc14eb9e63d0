import { formatSummary, parseSince, readLedger, summarizeLedger } from '../stats-ledger/index.js';

/** Options of `headroom stats`. */
export interface StatsCommandOptions {
  json?: boolean;
  /** `7d`, `24h`, `2026-11-01`… */
  since?: string;
  /** Ledger file; default `<HEADROOM_HOME>/stats.jsonl`. */
  path?: string;
}

/** Runs `headroom stats`: the ledger's totals and tables, as text or JSON; damaged lines become warnings. */
export async function runStats(options: StatsCommandOptions = {}): Promise<{ stdout: string; stderr: string }> {
  const since = options.since === undefined ? undefined : parseSince(options.since);
  const warnings: string[] = [];
  const records = await readLedger({ path: options.path, since, onWarning: (m) => warnings.push(m) });
  const summary = summarizeLedger(records, { since });
  return {
    stdout: options.json ? JSON.stringify(summary, null, 2) : formatSummary(summary),
    stderr: warnings.map((w) => `warning: ${w}`).join('\n'),
  };
}
