import { grepTree } from '../sources/grep-tree.js';
import { sourceProject } from '../sources/source-tree.js';
import { jsonOutput, toConversation, type Workload } from './workload.js';

/** Code search: 100 grep results with context over google/gson, as one JSON tool result. */
export function codeSearchWorkload(dataDir: string): Workload {
  const gson = sourceProject(dataDir, 'java/gson');
  const search = grepTree(gson, /throw new /, 100);
  const output = jsonOutput({
    query: 'throw new ',
    repository: gson.repository,
    commit: gson.commit,
    total_matches: search.totalMatches,
    returned: search.matches.length,
    truncated: search.totalMatches > search.matches.length,
    results: search.matches,
  });
  const focus = search.matches
    .filter((m) => m.match.includes('JsonSyntaxException'))
    .map((m) => ({ step: 0, needle: m.match.trim() }));
  return toConversation({
    id: 'code-search',
    title: 'Code search (100 results)',
    reference: {
      savings: 0.92,
      tokens: { before: 17_765, after: 1_408 },
      shape:
        '100 synthetic results: 5 file names, constant repo/branch/author fields, generated `XComponent{i}` lines',
    },
    data:
      `\`search_code\` over the real source of [${gson.repository}](https://github.com/${gson.repository}) @ \`${gson.commit.slice(0, 7)}\` ` +
      `for \`throw new \`: the first ${search.matches.length} of ${search.totalMatches} matches in path order, each with path, line, column, ` +
      'the matching line and two lines of context either side (indentation kept).',
    system:
      'You are a senior Java engineer helping a colleague navigate an unfamiliar codebase. Use the tools to look things up.',
    question: 'Where does Gson throw exceptions when it is handed malformed JSON?',
    turns: [
      [
        {
          name: 'search_code',
          args: { query: 'throw new ', repo: gson.repository, limit: 100 },
          output,
          summary: `${search.matches.length} matches`,
        },
      ],
    ],
    focus,
    finalQuestion:
      'Which of these call sites throw JsonSyntaxException? List them as file:line with the exception message.',
  });
}
