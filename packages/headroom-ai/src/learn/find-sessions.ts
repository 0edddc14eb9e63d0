import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sha256Hex } from '@headroom/core/internal';
import { codexSessionCwd, parseCodexSession } from './parse-codex.js';
import { parseClaudeSession } from './parse-claude.js';
import { parseGeminiSession } from './parse-gemini.js';
import type { LearnAgent, ToolEvent } from './tool-event.js';

/** Session logs larger than this are skipped: no agent writes one, and reading it whole would hurt. */
const MAX_SESSION_BYTES = 64 * 1024 * 1024;

async function files(dir: string, suffix: string, depth: number): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && depth > 0) found.push(...(await files(path, suffix, depth - 1)));
    else if (entry.isFile() && entry.name.endsWith(suffix)) found.push(path);
  }
  return found;
}

async function read(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info || info.size > MAX_SESSION_BYTES) return undefined;
  return readFile(path, 'utf8');
}

/** Claude Code names a project's folder after its path with every non-alphanumeric character as `-`. */
export function claudeProjectDir(project: string): string {
  return resolve(project).replace(/[^a-zA-Z0-9]/g, '-');
}

/** Where each agent keeps a project's sessions, and the tool events in them, one array per session. */
export async function loadSessions(
  agent: LearnAgent,
  { home, project }: { home: string; project: string },
): Promise<{ files: string[]; sessions: ToolEvent[][] }> {
  const root = resolve(project);
  const found: string[] = [];
  const sessions: ToolEvent[][] = [];
  if (agent === 'claude') {
    for (const path of await files(
      join(home, '.claude', 'projects', claudeProjectDir(root)),
      '.jsonl',
      2,
    )) {
      const text = await read(path);
      if (text === undefined) continue;
      found.push(path);
      sessions.push(parseClaudeSession(text, path));
    }
  } else if (agent === 'codex') {
    for (const path of await files(join(home, '.codex', 'sessions'), '.jsonl', 4)) {
      const text = await read(path);
      if (text === undefined || codexSessionCwd(text) !== root) continue;
      found.push(path);
      sessions.push(parseCodexSession(text, path));
    }
  } else {
    // Gemini CLI names a project's folder by the SHA-256 of its path.
    for (const path of await files(
      join(home, '.gemini', 'tmp', sha256Hex(root), 'chats'),
      '.json',
      0,
    )) {
      const text = await read(path);
      if (text === undefined) continue;
      found.push(path);
      sessions.push(parseGeminiSession(text, path));
    }
  }
  return { files: found, sessions };
}

/** The file each agent reads its project instructions from. */
export const CONTEXT_FILES: Record<LearnAgent, string> = {
  claude: 'CLAUDE.md',
  codex: 'AGENTS.md',
  gemini: 'GEMINI.md',
};
