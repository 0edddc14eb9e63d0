import { EDIT_TOOLS, errorExcerpt, parseLine, type ToolEvent } from './tool-event.js';

interface Payload {
  type?: string;
  name?: string;
  arguments?: string;
  input?: string;
  call_id?: string;
  output?: unknown;
  cwd?: string;
}

function commandOf(args: Record<string, unknown>): string | undefined {
  const command = args.command ?? args.cmd;
  if (typeof command === 'string') return command;
  if (Array.isArray(command)) {
    // `["bash", "-lc", "npm test"]`: the script is what the agent meant.
    const shell =
      command.length === 3 && /(^|\/)(ba|z)?sh$/.test(String(command[0])) && command[1] === '-lc';
    return shell ? String(command[2]) : command.map(String).join(' ');
  }
  return undefined;
}

/** Exit code and text of a function output: JSON `{ output, metadata: { exit_code } }` or text `Exit code: N`. */
function outcomeOf(output: unknown): { code?: number; text: string } {
  let text = typeof output === 'string' ? output : JSON.stringify(output ?? '');
  try {
    const parsed = JSON.parse(text) as { output?: string; metadata?: { exit_code?: number } };
    if (typeof parsed === 'object' && parsed !== null && typeof parsed.output === 'string') {
      text = parsed.output;
      if (typeof parsed.metadata?.exit_code === 'number')
        return { code: parsed.metadata.exit_code, text };
    }
  } catch {
    // Plain-text output.
  }
  const code = /(?:^Exit code:|Process exited with code) (\d+)/m.exec(text);
  return {
    ...(code ? { code: Number(code[1]) } : {}),
    text: text.replace(/^(Exit code:.*|Wall time:.*|Output:)\n/gm, ''),
  };
}

/** The working directory a Codex rollout recorded in its `session_meta` line. */
export function codexSessionCwd(text: string): string | undefined {
  const first = parseLine(
    text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n')),
  );
  const payload = first?.type === 'session_meta' ? (first.payload as Payload) : undefined;
  return typeof payload?.cwd === 'string' ? payload.cwd : undefined;
}

/**
 * Tool events of one Codex rollout (`~/.codex/sessions/YYYY/MM/DD/rollout-*.jsonl`): `response_item` lines
 * with `function_call` / `custom_tool_call` payloads, answered by `function_call_output` /
 * `custom_tool_call_output` with the same `call_id`.
 */
export function parseCodexSession(text: string, session: string): ToolEvent[] {
  const calls = new Map<string, ToolEvent>();
  const events: ToolEvent[] = [];
  for (const line of text.split('\n')) {
    const record = parseLine(line);
    if (record?.type !== 'response_item') continue;
    const payload = record.payload as Payload;
    if (
      (payload.type === 'function_call' || payload.type === 'custom_tool_call') &&
      payload.call_id &&
      payload.name
    ) {
      let args: Record<string, unknown> = {};
      try {
        args = payload.arguments ? (JSON.parse(payload.arguments) as Record<string, unknown>) : {};
      } catch {
        // Arguments that are not JSON: the call still counts, without a command.
      }
      const command = commandOf(args);
      const patchedFile = payload.input
        ? /\*\*\* (?:Update|Add) File: (.+)/.exec(payload.input)?.[1]
        : undefined;
      const event: ToolEvent = {
        session,
        index: events.length,
        tool: payload.name,
        failed: false,
        ...(command ? { command } : {}),
        ...(EDIT_TOOLS.has(payload.name) && patchedFile ? { file: patchedFile.trim() } : {}),
      };
      calls.set(payload.call_id, event);
      events.push(event);
    } else if (
      (payload.type === 'function_call_output' || payload.type === 'custom_tool_call_output') &&
      payload.call_id
    ) {
      const event = calls.get(payload.call_id);
      if (!event) continue;
      const { code, text: output } = outcomeOf(payload.output);
      if (code !== undefined) event.exitCode = code;
      if (code !== undefined && code !== 0) {
        event.failed = true;
        event.error = errorExcerpt(output);
      }
    }
  }
  return events;
}
