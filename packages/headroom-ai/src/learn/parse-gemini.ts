import { EDIT_TOOLS, errorExcerpt, resultText, type ToolEvent } from './tool-event.js';

interface GeminiToolCall {
  name?: string;
  args?: Record<string, unknown>;
  status?: string;
  resultDisplay?: unknown;
  result?: unknown;
}

/**
 * Tool events of one Gemini CLI chat (`~/.gemini/tmp/<project-hash>/chats/session-*.json`): a JSON object
 * whose `gemini` messages list `toolCalls` with a `status` of `success` or `error`.
 */
export function parseGeminiSession(text: string, session: string): ToolEvent[] {
  let chat: { messages?: { type?: string; toolCalls?: GeminiToolCall[] }[] };
  try {
    chat = JSON.parse(text) as typeof chat;
  } catch {
    return [];
  }
  const events: ToolEvent[] = [];
  for (const message of Array.isArray(chat?.messages) ? chat.messages : []) {
    for (const call of Array.isArray(message?.toolCalls) ? message.toolCalls : []) {
      if (!call?.name) continue;
      const args = call.args ?? {};
      const output = resultText(call.resultDisplay ?? call.result);
      // A shell command that ran but exited non-zero is a `success` call whose output says so.
      const code = /Exit Code: (\d+)/i.exec(output);
      const failed = call.status === 'error' || (code !== null && code[1] !== '0');
      events.push({
        session,
        index: events.length,
        tool: call.name,
        failed,
        ...(code ? { exitCode: Number(code[1]) } : {}),
        ...(typeof args.command === 'string' ? { command: args.command } : {}),
        ...(EDIT_TOOLS.has(call.name) && typeof args.file_path === 'string'
          ? { file: args.file_path }
          : {}),
        ...(failed ? { error: errorExcerpt(output) } : {}),
      });
    }
  }
  return events;
}
