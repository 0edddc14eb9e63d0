import { grepTree } from '../sources/grep-tree.js';
import { logMetrics } from '../sources/log-metrics.js';
import { readLogRecords, windowAround } from '../sources/log-records.js';
import { sourceProject } from '../sources/source-tree.js';
import { jsonOutput, toConversation, type Workload } from './workload.js';

/** SRE incident: real Hadoop MapReduce logs as JSON records, per-window metrics from the same log, and a code search. */
export function sreIncidentWorkload(dataDir: string): Workload {
  const all = readLogRecords(dataDir, 'Hadoop');
  const logs = windowAround(
    all,
    (r) => r.level === 'ERROR' && r.message.includes('CONTACTING RM'),
    8,
    300,
  );
  const metrics = logMetrics(all, 10);
  const requests = sourceProject(dataDir, 'python/requests');
  const search = grepTree(requests, /timeout|retries|Retry|ConnectionError/, 150);
  const first = logs[0]!;
  const last = logs[logs.length - 1]!;
  const focus = [
    ...logs.filter((r) => r.level === 'FATAL').map((r) => ({ step: 0, needle: r.message })),
    ...logs
      .filter((r) => r.level === 'ERROR')
      .slice(0, 1)
      .map((r) => ({ step: 0, needle: r.message })),
    ...metrics
      .filter((r) => r.error > 0)
      .slice(0, 3)
      .map((r) => ({ step: 1, needle: r.window_start })),
  ];
  return toConversation({
    id: 'sre-incident',
    title: 'SRE incident investigation',
    reference: {
      savings: 0.92,
      shape:
        'random log entries (300) + generated user-analytics rows (200) + generated file search (150)',
    },
    data:
      `\`search_logs\`: ${logs.length} consecutive lines (${first.line}–${last.line}) of loghub's \`Hadoop_2k.log\` (a MapReduce application master ` +
      'losing its ResourceManager), parsed into `{line, timestamp, level, thread, logger, message}` records, starting just before the first ' +
      `\`ERROR IN CONTACTING RM\`. \`query_metrics\`: ${metrics.length} rows of per-logger event/warn/error counts in 10-second windows, ` +
      `aggregated from all ${all.length} lines of the same log. \`search_code\`: ${search.matches.length} matches for ` +
      `\`timeout|retries|Retry|ConnectionError\` in the real source of ${requests.repository}.`,
    system:
      'You are an on-call SRE assistant. Investigate incidents with the tools, cite evidence (timestamps, hosts, ids) and propose a fix.',
    question:
      'Job job_1445144423722_0020 stalled around 18:06 and two task attempts died. What happened?',
    turns: [
      [
        {
          name: 'search_logs',
          args: { app: 'application_1445144423722_0020', from: first.timestamp, limit: 300 },
          output: jsonOutput({ total: logs.length, records: logs }),
          summary: `${logs.length} log records`,
        },
        {
          name: 'query_metrics',
          args: { metric: 'log_events', group_by: ['logger'], window: '10s' },
          output: jsonOutput({ metric: 'log_events', window_seconds: 10, rows: metrics }),
          summary: `${metrics.length} metric rows`,
        },
      ],
      [
        {
          name: 'search_code',
          args: { query: 'timeout|retries|Retry|ConnectionError', repo: requests.repository },
          output: jsonOutput({
            query: search.pattern,
            total_matches: search.totalMatches,
            results: search.matches,
          }),
          summary: `${search.matches.length} matches`,
        },
      ],
    ],
    focus,
    finalQuestion:
      'Based on all this, what is the root cause, when did it start, which task attempts were lost, and what should we change?',
  });
}
