import { recordedIssues } from '../sources/github-fixtures.js';
import { grepTree } from '../sources/grep-tree.js';
import { readLogRecords, windowAround } from '../sources/log-records.js';
import { sourceProject } from '../sources/source-tree.js';
import { jsonOutput, toConversation, type Workload } from './workload.js';

/** GitHub issue triage: real recorded GitHub issues, a code search over spf13/cobra and ZooKeeper logs. */
export function issueTriageWorkload(dataDir: string): Workload {
  const issues = recordedIssues();
  const cobra = sourceProject(dataDir, 'go/cobra');
  const search = grepTree(cobra, /func \(c \*Command\)/, 80);
  const all = readLogRecords(dataDir, 'Zookeeper');
  const logs = windowAround(
    all,
    (r) => r.level === 'ERROR' && r.logger.startsWith('LearnerHandler'),
    20,
    200,
  );
  const withBody = issues.filter((issue) => typeof issue.body === 'string' && issue.body !== '');
  const focus = [
    ...withBody.map((issue) => ({ step: 0, needle: String(issue.html_url) })),
    ...withBody.map((issue) => ({ step: 0, needle: String(issue.title) })),
    ...logs.filter((r) => r.level === 'ERROR').map((r) => ({ step: 2, needle: r.message })),
  ];
  return toConversation({
    id: 'issue-triage',
    title: 'GitHub issue triage',
    reference: {
      savings: 0.73,
      shape:
        'generated issues (100, 7 title templates, fixed body) + generated code search (80) + random logs (200)',
    },
    data:
      `\`list_issues\`: all ${issues.length} distinct issues recorded in \`@octokit/fixtures\` (raw recordings of api.github.com: list pages, ` +
      `search results, single gets; full REST objects with user, reactions and URL fields). \`search_code\`: ${search.matches.length} of ` +
      `${search.totalMatches} matches for \`func (c *Command)\` in the real source of ${cobra.repository}. \`search_logs\`: ${logs.length} ` +
      "consecutive lines of loghub's `Zookeeper_2k.log` around the first LearnerHandler ERROR, as JSON records.",
    system:
      'You are a maintainer triaging a repository. Use the tools, then label, prioritise and link issues to code and logs.',
    question:
      'Triage the open issues: which need a response first, and is any of them explained by the errors in the server logs?',
    turns: [
      [
        {
          name: 'list_issues',
          args: { state: 'open', per_page: 100 },
          output: jsonOutput(issues),
          summary: `${issues.length} issues`,
        },
      ],
      [
        {
          name: 'search_code',
          args: { query: 'func (c *Command)', repo: cobra.repository, limit: 80 },
          output: jsonOutput({ total_count: search.totalMatches, items: search.matches }),
          summary: `${search.matches.length} matches`,
        },
        {
          name: 'search_logs',
          args: { service: 'zookeeper', level: 'any', limit: 200 },
          output: jsonOutput({ total: logs.length, records: logs }),
          summary: `${logs.length} log records`,
        },
      ],
    ],
    focus,
    finalQuestion:
      'Which issue should be answered first, and which log errors (with timestamps) relate to it?',
  });
}
