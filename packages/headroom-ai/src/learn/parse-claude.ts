import type { AnthropicBlock } from '@headroom/core/internal';
import { EDIT_TOOLS, errorExcerpt, parseLine, resultText, type ToolEvent } from './tool-event.js';

const exitCode = /^Exit code (\d+)/m;

/**
 * Tool events of one Claude Code session log (`~/.claude/projects/<project>/<session>.jsonl`): assistant
 * lines carry `tool_use` blocks, the following user lines their `tool_result` blocks (`is_error` on failure;
 * Bash results start with `Exit code N` when the command failed).
 */
export function parseClaudeSession(text: string, session: string): ToolEvent[] {
  const calls = new Map<string, ToolEvent>();
  const events: ToolEvent[] = [];
  for (const line of text.split('\n')) {
    const record = parseLine(line);
    const message = record?.message as { content?: unknown } | undefined;
    if (!message || !Array.isArray(message.content)) continue;
    for (const block of message.content as AnthropicBlock[]) {
      if (record!.type === 'assistant' && block.type === 'tool_use' && block.id && block.name) {
        const input = (block.input ?? {}) as Record<string, unknown>;
        const event: ToolEvent = {
          session,
          index: events.length,
          tool: block.name,
          failed: false,
          ...(typeof input.command === 'string' ? { command: input.command } : {}),
          ...(EDIT_TOOLS.has(block.name) && typeof input.file_path === 'string'
            ? { file: input.file_path }
            : {}),
        };
        calls.set(block.id, event);
        events.push(event);
      } else if (record!.type === 'user' && block.type === 'tool_result' && block.tool_use_id) {
        const event = calls.get(block.tool_use_id);
        if (!event) continue;
        const output = resultText(block.content);
        const code = exitCode.exec(output);
        if (code) event.exitCode = Number(code[1]);
        if (block.is_error === true || (event.exitCode !== undefined && event.exitCode !== 0)) {
          event.failed = true;
          event.error = errorExcerpt(output.replace(/<\/?tool_use_error>/g, ''));
        }
      }
    }
  }
  return events;
}
