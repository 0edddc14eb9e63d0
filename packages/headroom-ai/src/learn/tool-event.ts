/** Agents whose session logs `headroom learn` reads. */
export type LearnAgent = 'claude' | 'codex' | 'gemini';

/** One tool call an agent made, and how it ended, in any agent's log format. */
export interface ToolEvent {
  session: string;
  /** Position in the session, for ordering and loops. */
  index: number;
  tool: string;
  /** The shell command, for shell tools. */
  command?: string;
  /** The file a write/edit tool touched. */
  file?: string;
  failed: boolean;
  exitCode?: number;
  /** First lines of the failure output. */
  error?: string;
}

/** Tools that change files: an edit between two failures of one command makes an edit→fail loop. */
export const EDIT_TOOLS = new Set([
  'Edit',
  'MultiEdit',
  'Write',
  'NotebookEdit',
  'apply_patch',
  'replace',
  'write_file',
  'edit',
]);

/** Tools that run shell commands. */
export const SHELL_TOOLS = new Set([
  'Bash',
  'shell',
  'exec_command',
  'local_shell',
  'run_shell_command',
]);

const errorLine = /error|fail|exception|cannot|not found|denied|refused|✖/i;

/** Up to `lines` non-empty lines of a failure, the ones that name an error first, each cut at 200 characters. */
export function errorExcerpt(text: string, lines = 3): string {
  const all = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^Exit code \d+$/.test(l));
  return [...all.filter((l) => errorLine.test(l)), ...all.filter((l) => !errorLine.test(l))]
    .slice(0, lines)
    .map((l) => (l.length > 200 ? `${l.slice(0, 200)}…` : l))
    .join('\n');
}

/** Text of a tool result that may be a string, an array of content blocks, or anything else. */
export function resultText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content
      .map((c) => (typeof c === 'string' ? c : typeof c?.text === 'string' ? c.text : ''))
      .join('\n');
  return content === undefined || content === null ? '' : JSON.stringify(content);
}

/** Parses one JSON line; `undefined` for anything that is not a JSON object (torn writes, blank lines). */
export function parseLine(line: string): Record<string, unknown> | undefined {
  if (!line.trim()) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
