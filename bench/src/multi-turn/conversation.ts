import type { OpenAIMessage } from '@headroom/core/internal';
import { stepsOf, type ToolStep, type Workload } from '../workloads/workload.js';
import { toolTurn } from '../tool-turn.js';

/** One agent step of the long conversation: a tool call, its result, and the question it serves. */
interface Step {
  workload: Workload;
  tool: ToolStep;
}

/** A long agent session stitched from the bench workloads; `request(t)` is what the app sends on turn t. */
export interface LongConversation {
  turns: number;
  tools: Array<{
    type: 'function';
    function: { name: string; description: string; parameters: Record<string, unknown> };
  }>;
  /** The messages of turn `t` (1-based); `volatileSystem` adds a per-turn clock, request id and counter. */
  request(turn: number, volatileSystem?: boolean): OpenAIMessage[];
}

const WINDOW = 25;

/**
 * Stitches the workloads into one `turns`-step session: each workload's question, its tool calls in
 * order, and after each big result follow-up calls that reopen a 25-line window of it (the way an
 * agent pages through output), until there are `turns` steps. Deterministic.
 */
export function buildLongConversation(
  workloads: readonly Workload[],
  turns = 30,
): LongConversation {
  const heavy: Step[] = workloads.flatMap((workload) =>
    stepsOf(workload).map((tool) => ({ workload, tool })),
  );
  const followUps = Math.max(0, turns - heavy.length);
  const steps: Step[] = [];
  heavy.forEach((step, i) => {
    steps.push(step);
    // Spread the follow-ups evenly over the big results.
    const count =
      Math.floor(((i + 1) * followUps) / heavy.length) - Math.floor((i * followUps) / heavy.length);
    const lines = step.tool.output.split('\n');
    for (let k = 0; k < count; k++) {
      const from = Math.max(0, ((k + 1) * 37 * (i + 3)) % Math.max(1, lines.length - WINDOW));
      steps.push({
        workload: step.workload,
        tool: {
          name: 'show_lines',
          args: { of: `${step.tool.name} #${i + 1}`, from: from + 1, to: from + WINDOW },
          output: lines.slice(from, from + WINDOW).join('\n'),
          summary: `${WINDOW} lines`,
        },
      });
    }
  });
  const used = steps.slice(0, turns);
  const toolNames = [...new Set(used.map((s) => s.tool.name))];
  const first = workloads[0]!;

  return {
    turns: used.length,
    tools: toolNames.map((name) => ({
      type: 'function',
      function: {
        name,
        description: `The ${name.replace(/_/g, ' ')} tool of the agent.`,
        parameters: {
          type: 'object',
          properties: Object.fromEntries(
            Object.keys(used.find((s) => s.tool.name === name)!.tool.args).map((k) => [k, {}]),
          ),
        },
      },
    })),
    request(turn, volatileSystem = false) {
      const system = [
        String(first.messages[0]?.content ?? ''),
        'Work through the questions one after the other; reuse what earlier tools returned.',
      ];
      if (volatileSystem) {
        system.push(
          `Current time: 2026-11-25T14:${String(10 + Math.floor(turn / 4)).padStart(2, '0')}:${String((turn * 13) % 60).padStart(2, '0')}Z`,
        );
        system.push(`Request ID: req_${((0x9e3779b1 * turn) >>> 0).toString(16)}${turn}`);
        system.push(`This is turn ${turn} of the session.`);
      }
      const messages: OpenAIMessage[] = [
        { role: 'system', content: system.join('\n') },
        { role: 'user', content: String(first.messages[1]?.content ?? '') },
      ];
      used.slice(0, turn).forEach((step, i) => {
        const previous = used[i - 1];
        if (previous && previous.workload !== step.workload) {
          messages.push({
            role: 'assistant',
            content: `Findings on "${previous.workload.title}" are above; moving on.`,
          });
          messages.push({
            role: 'user',
            content: String(step.workload.messages[1]?.content ?? ''),
          });
        }
        messages.push(
          ...toolTurn({
            id: `call_${String(i + 1).padStart(3, '0')}`,
            name: step.tool.name,
            args: step.tool.args,
            output: step.tool.output,
          }),
        );
      });
      return messages;
    },
  };
}
