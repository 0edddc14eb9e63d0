import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Code-search API answers written from each API's documented format, over real files: this
 * repository's own sources (`packages/core/src`, `bench/src`), found with `git ls-files`. What the
 * hits say is real; only the envelope (ids, URLs, scores) is made up, deterministically.
 */

const repoRoot = fileURLToPath(new URL('../../../../../../', import.meta.url));

/** One matching line of a real file, with the file's lines around it. */
export interface RealMatch {
  /** Which part of the repository: `core` (packages/core/src) or `bench` (bench/src). */
  repo: 'core' | 'bench';
  /** Path inside that part. */
  path: string;
  /** 1-based. */
  line: number;
  text: string;
  column: number;
  length: number;
  fileLines: string[];
}

/** Every line of the TypeScript sources (tests left out) matching `pattern`, files in path order. */
export function realMatches(pattern: RegExp): RealMatch[] {
  const out: RealMatch[] = [];
  for (const [repo, dir] of [
    ['core', 'packages/core/src'],
    ['bench', 'bench/src'],
  ] as const) {
    const files = execFileSync('git', ['ls-files', '--', dir], { cwd: repoRoot, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .sort();
    for (const file of files) {
      const fileLines = readFileSync(join(repoRoot, file), 'utf8').split('\n');
      fileLines.forEach((text, i) => {
        const found = pattern.exec(text);
        if (found)
          out.push({
            repo,
            path: file.slice(dir.length + 1),
            line: i + 1,
            text,
            column: found.index,
            length: found[0].length,
            fileLines,
          });
      });
    }
  }
  return out;
}

const sha = (s: string): string => createHash('sha1').update(s).digest('hex');

function byFile(matches: readonly RealMatch[]): RealMatch[][] {
  const files = new Map<string, RealMatch[]>();
  for (const m of matches) {
    const key = `${m.repo}/${m.path}`;
    const list = files.get(key);
    if (list) list.push(m);
    else files.set(key, [m]);
  }
  return [...files.values()];
}

/** GitHub's owner object: what `GET /search/code` repeats in every item. */
function githubOwner(login: string) {
  const api = `https://api.github.com/users/${login}`;
  return {
    login,
    id: 90210,
    node_id: 'MDEyOk9yZ2FuaXphdGlvbjkwMjEw',
    avatar_url: 'https://avatars.githubusercontent.com/u/90210?v=4',
    gravatar_id: '',
    url: api,
    html_url: `https://github.com/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: 'Organization',
    site_admin: false,
  };
}

function githubRepository(name: string) {
  const full = `headroom/${name}`;
  const api = `https://api.github.com/repos/${full}`;
  const urls = Object.fromEntries(
    [
      'forks', 'keys{/key_id}', 'collaborators{/collaborator}', 'teams', 'hooks',
      'issues/events{/number}', 'events', 'assignees{/user}', 'branches{/branch}', 'tags',
      'git/blobs{/sha}', 'git/tags{/sha}', 'git/refs{/sha}', 'git/trees{/sha}', 'statuses/{sha}',
      'languages', 'stargazers', 'contributors', 'subscribers', 'subscription', 'commits{/sha}',
      'git/commits{/sha}', 'comments{/number}', 'issues/comments{/number}', 'contents/{+path}',
      'compare/{base}...{head}', 'merges', '{archive_format}{/ref}', 'downloads',
      'issues{/number}', 'pulls{/number}', 'milestones{/number}',
      'notifications{?since,all,participating}', 'labels{/name}', 'releases{/id}', 'deployments',
    ].map((p) => [`${p.split(/[/{]/)[0] || 'archive'}_url`, `${api}/${p}`]),
  );
  return {
    id: name === 'core' ? 700001 : 700002,
    node_id: `MDEwOlJlcG9zaXRvcnk3MDAwMD${name === 'core' ? 1 : 2}`,
    name,
    full_name: full,
    private: false,
    owner: githubOwner('headroom'),
    html_url: `https://github.com/${full}`,
    description: 'Reversible context compression for LLM agents',
    fork: false,
    url: api,
    ...urls,
  };
}

/** Three lines around a match, as GitHub's text-match fragments show them. */
function fragment(m: RealMatch): { fragment: string; start: number } {
  const from = Math.max(0, m.line - 2);
  const lines = m.fileLines.slice(from, m.line + 1);
  const start = lines.slice(0, m.line - 1 - from).join('\n').length + (m.line - 1 > from ? 1 : 0);
  return { fragment: lines.join('\n'), start: start + m.column };
}

/** `GET /search/code` with `Accept: application/vnd.github.text-match+json`: items per file, fragments, no line numbers. */
export function githubCodeSearch(matches: readonly RealMatch[]): string {
  const items = byFile(matches).map((file) => {
    const { repo, path } = file[0]!;
    const full = `headroom/${repo}`;
    const blob = sha(`${repo}/${path}`);
    return {
      name: path.slice(path.lastIndexOf('/') + 1),
      path,
      sha: blob,
      url: `https://api.github.com/repositories/70000${repo === 'core' ? 1 : 2}/contents/${path}?ref=${sha(repo)}`,
      git_url: `https://api.github.com/repositories/70000${repo === 'core' ? 1 : 2}/git/blobs/${blob}`,
      html_url: `https://github.com/${full}/blob/${sha(repo)}/${path}`,
      repository: githubRepository(repo),
      score: 1,
      text_matches: file.slice(0, 3).map((m) => {
        const f = fragment(m);
        return {
          object_url: `https://api.github.com/repositories/70000${repo === 'core' ? 1 : 2}/contents/${path}?ref=${sha(repo)}`,
          object_type: 'FileContent',
          property: 'content',
          fragment: f.fragment,
          matches: [
            { text: m.text.slice(m.column, m.column + m.length), indices: [f.start, f.start + m.length] },
          ],
        };
      }),
    };
  });
  return JSON.stringify({ total_count: items.length, incomplete_results: false, items }, null, 2);
}

const sgRepo = (repo: string): string => `github.com/headroom/${repo}`;

/** Sourcegraph GraphQL `search(query:…) { results { results { ... on FileMatch { repository file lineMatches } } } }`. */
export function sourcegraphGraphql(matches: readonly RealMatch[]): string {
  const results = byFile(matches).map((file) => ({
    __typename: 'FileMatch',
    repository: { name: sgRepo(file[0]!.repo), url: `/${sgRepo(file[0]!.repo)}` },
    file: {
      path: file[0]!.path,
      url: `/${sgRepo(file[0]!.repo)}/-/blob/${file[0]!.path}`,
    },
    // Sourcegraph numbers lines from 0.
    lineMatches: file.map((m) => ({
      preview: m.text,
      lineNumber: m.line - 1,
      offsetAndLengths: [[m.column, m.length]],
    })),
  }));
  return JSON.stringify(
    { data: { search: { results: { matchCount: matches.length, limitHit: false, results } } } },
    null,
    2,
  );
}

/** The `matches` events of Sourcegraph's stream API (`/.api/search/stream`): content results with chunk matches. */
export function sourcegraphStream(matches: readonly RealMatch[]): string {
  const results = byFile(matches).map((file) => ({
    type: 'content',
    path: file[0]!.path,
    repository: sgRepo(file[0]!.repo),
    repoStars: 12,
    repoLastFetched: '2026-11-30T09:00:00Z',
    branches: [''],
    commit: sha(file[0]!.repo),
    chunkMatches: file.map((m) => {
      const offset = m.fileLines.slice(0, m.line - 1).join('\n').length + 1;
      return {
        content: m.text,
        contentStart: { offset, line: m.line - 1, column: 0 },
        ranges: [
          {
            start: { offset: offset + m.column, line: m.line - 1, column: m.column },
            end: { offset: offset + m.column + m.length, line: m.line - 1, column: m.column + m.length },
          },
        ],
      };
    }),
  }));
  return JSON.stringify(results);
}

/** GitLab `GET /projects/:id/search?scope=blobs`: one snippet per match, from two lines before it. */
export function gitlabBlobs(matches: readonly RealMatch[]): string {
  return JSON.stringify(
    matches.map((m) => {
      const start = Math.max(1, m.line - 2);
      return {
        basename: m.path.replace(/\.[^./]+$/, ''),
        data: `${m.fileLines.slice(start - 1, m.line + 2).join('\n')}\n`,
        path: m.path,
        filename: m.path,
        id: null,
        ref: 'main',
        startline: start,
        project_id: m.repo === 'core' ? 6 : 7,
      };
    }),
    null,
    2,
  );
}
