import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countFiles, dirTree } from '../sources/dir-tree.js';
import { grepTree } from '../sources/grep-tree.js';
import { sourceProject } from '../sources/source-tree.js';
import { jsonOutput, toConversation, type Workload } from './workload.js';

const main = 'gson/src/main/java/com/google/gson';
const reads = [`${main}/Gson.java`, `${main}/TypeAdapter.java`];

/** Codebase exploration: google/gson's directory tree, two real file reads, then a code search. */
export function codebaseExplorationWorkload(dataDir: string): Workload {
  const gson = sourceProject(dataDir, 'java/gson');
  const tree = dirTree(gson.root, 'gson');
  const files = reads.map((path) => ({ path, text: readFileSync(join(gson.root, path), 'utf8') }));
  const search = grepTree(gson, /TypeAdapterFactory/, 100);
  const lineCount = (text: string): number => text.split('\n').length;
  return toConversation({
    id: 'codebase-exploration',
    title: 'Codebase exploration',
    reference: {
      savings: 0.47,
      shape:
        'generated nested tree (depth 3, 20 files/dir) + generated file search (200) + code search (100)',
    },
    data:
      `\`list_directory\`: the full tree of ${gson.repository} @ \`${gson.commit.slice(0, 7)}\` (${countFiles(tree)} files, nested ` +
      `\`{name, type, size, children}\`). \`read_file\`: ${files.map((f) => `\`${f.path.split('/').pop()}\` (${lineCount(f.text)} lines)`).join(' and ')}, ` +
      `verbatim. \`search_code\`: ${search.matches.length} of ${search.totalMatches} matches for \`TypeAdapterFactory\`. The second file ` +
      'read is within the last 4 messages, which the pipeline protects as code being worked on.',
    system:
      'You are a senior Java engineer helping a colleague understand a codebase. Use the tools to explore it.',
    question: 'How does Gson decide which TypeAdapter to use for a type?',
    turns: [
      [
        {
          name: 'list_directory',
          args: { path: 'gson', recursive: true },
          output: jsonOutput(tree),
          summary: `${countFiles(tree)} files`,
        },
      ],
      files.map((f) => ({
        name: 'read_file',
        args: { path: f.path },
        output: f.text,
        summary: `${lineCount(f.text)} lines`,
      })),
      [
        {
          name: 'search_code',
          args: { query: 'TypeAdapterFactory', repo: gson.repository, limit: 100 },
          output: jsonOutput({ total_count: search.totalMatches, items: search.matches }),
          summary: `${search.matches.length} matches`,
        },
      ],
    ],
    focus: [
      { step: 1, needle: 'public <T> TypeAdapter<T> getAdapter(TypeToken<T> type) {' },
      { step: 1, needle: 'for (TypeAdapterFactory factory : factories) {' },
      ...search.matches
        .filter((m) => m.path.endsWith('GsonBuilder.java'))
        .map((m) => ({ step: 3, needle: m.match.trim() })),
    ],
    finalQuestion:
      'Walk me through getAdapter: the cache, the factory order, and where user-registered factories come in (file:line).',
  });
}
