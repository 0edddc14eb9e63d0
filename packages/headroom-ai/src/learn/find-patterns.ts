import { EDIT_TOOLS, type ToolEvent } from './tool-event.js';

/** What kind of trouble a pattern is. */
export type PatternKind = 'failing-command' | 'retried-command' | 'edit-fail-loop' | 'tool-error';

/** A recurring failure, with how often it happened and a few real examples. */
export interface FailurePattern {
  kind: PatternKind;
  /** Stable identity: the same trouble found again keeps the same id. */
  id: string;
  /** The command (normalised), or the tool and its error signature. */
  subject: string;
  count: number;
  sessions: number;
  examples: string[];
  /** The learning, phrased by rules; an LLM may rephrase it. */
  advice: string;
}

/** `npm run test -- --watch=false` → `npm run test`: the program and its subcommand, without flags and paths. */
export function commandSignature(command: string): string {
  const words = command
    .trim()
    .split(/\s+/)
    .filter((w) => !w.startsWith('-') && !/[/\\.]/.test(w) && !/=/.test(w));
  const runner =
    /^(npx|pnpm|npm|yarn|bun|uv|poetry|cargo|go|python3?|node|make|git|docker|kubectl)$/.test(
      words[0] ?? '',
    );
  return words.slice(0, runner ? 3 : 2).join(' ') || command.trim().slice(0, 40);
}

/** The gist of an error: its first line with numbers, quoted strings and paths made generic. */
export function errorSignature(error: string | undefined): string {
  const first = (error ?? '').split('\n').find((l) => l.trim()) ?? '';
  return first
    .replace(/(["'`]).*?\1/g, '…')
    .replace(/(?:\/[\w.@-]+)+/g, '<path>')
    .replace(/\d+/g, 'N')
    .slice(0, 120);
}

function add(
  groups: Map<string, { events: ToolEvent[][] }>,
  id: string,
  events: ToolEvent[],
): void {
  const group = groups.get(id) ?? { events: [] };
  group.events.push(events);
  groups.set(id, group);
}

const example = (e: ToolEvent) =>
  `${e.command ?? e.tool}${e.error ? ` → ${e.error.split('\n')[0]}` : ''}`;
const sessionsOf = (runs: ToolEvent[][]) => new Set(runs.map((r) => r[0]!.session)).size;

/**
 * Groups failures into patterns: commands that fail the same way again and again, the same command run
 * again right after failing (retried without a change), edit → fail → edit → fail loops on one file, and
 * non-shell tool errors (an edit whose target text was not found). A pattern needs two occurrences.
 */
export function findPatterns(sessions: readonly ToolEvent[][]): FailurePattern[] {
  const failing = new Map<string, { events: ToolEvent[][] }>();
  const retried = new Map<string, { events: ToolEvent[][] }>();
  const loops = new Map<string, { events: ToolEvent[][] }>();
  const toolErrors = new Map<string, { events: ToolEvent[][] }>();
  for (const events of sessions) {
    for (const [i, event] of events.entries()) {
      if (!event.failed) continue;
      if (event.command) {
        add(failing, `${commandSignature(event.command)}\u0000${errorSignature(event.error)}`, [
          event,
        ]);
        const next = events[i + 1];
        if (next?.command === event.command) add(retried, event.command, [event, next]);
      } else {
        add(toolErrors, `${event.tool}\u0000${errorSignature(event.error)}`, [event]);
      }
    }
    // edit F → command C fails → edit F → C fails: the agent is guessing at F.
    for (let i = 0; i + 3 < events.length; i++) {
      const [edit1, run1, edit2, run2] = events.slice(i, i + 4) as [
        ToolEvent,
        ToolEvent,
        ToolEvent,
        ToolEvent,
      ];
      const edits =
        EDIT_TOOLS.has(edit1.tool) &&
        EDIT_TOOLS.has(edit2.tool) &&
        edit1.file !== undefined &&
        edit1.file === edit2.file;
      if (edits && run1.failed && run2.failed && run1.command && run1.command === run2.command)
        add(loops, `${edit1.file}\u0000${run1.command}`, [edit1, run1, edit2, run2]);
    }
  }

  const patterns: FailurePattern[] = [];
  const push = (
    kind: PatternKind,
    id: string,
    subject: string,
    runs: ToolEvent[][],
    shown: number,
    advice: string,
  ) =>
    patterns.push({
      kind,
      id: `${kind}:${id.replace('\u0000', ':')}`,
      subject,
      count: runs.length,
      sessions: sessionsOf(runs),
      examples: [...new Set(runs.map((r) => example(r[shown]!)))].slice(0, 3),
      advice,
    });
  for (const [id, { events }] of failing) {
    if (events.length < 2) continue;
    const [signature, error] = id.split('\u0000') as [string, string];
    push(
      'failing-command',
      id,
      signature,
      events,
      0,
      `\`${signature}\` failed ${events.length} times with "${error}". Check what it needs (setup, arguments, working directory) before running it.`,
    );
  }
  for (const [command, { events }] of retried) {
    if (events.length < 2) continue;
    push(
      'retried-command',
      command,
      command,
      events,
      1,
      `\`${command}\` was re-run unchanged right after failing (${events.length} times). Read the error and change something before retrying.`,
    );
  }
  for (const [id, { events }] of loops) {
    const [file, command] = id.split('\u0000') as [string, string];
    push(
      'edit-fail-loop',
      id,
      `${file} / ${command}`,
      events,
      3,
      `Edits to \`${file}\` kept failing \`${command}\`. Read the failing output and the surrounding code in full before editing it again.`,
    );
  }
  for (const [id, { events }] of toolErrors) {
    if (events.length < 2) continue;
    const [tool, error] = id.split('\u0000') as [string, string];
    const hint =
      tool === 'Edit' || tool === 'MultiEdit'
        ? 'Re-read the file right before editing so the old text matches exactly.'
        : 'Check its arguments against what it expects.';
    push(
      'tool-error',
      id,
      tool,
      events,
      0,
      `The ${tool} tool failed ${events.length} times with "${error}". ${hint}`,
    );
  }
  return patterns.sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}
