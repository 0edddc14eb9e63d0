import type { OpenAIMessage } from '@headroom/core/internal';

/** One tool call the agent made and what came back. */
export interface ToolStep {
  name: string;
  args: Record<string, unknown>;
  /** The tool result exactly as the model would see it. */
  output: string;
  /** What the output holds, for the report, e.g. `100 matches`. */
  summary: string;
}

/** A string the final question is about; the answer needs it, so it must survive (retained or recoverable). */
export interface FocusItem {
  /** Index of the tool step (in flattened call order) whose output holds it. */
  step: number;
  needle: string;
}

/** A benchmark conversation built from real data, shaped like one row of the reference's headline table. */
export interface Workload {
  id: string;
  title: string;
  /** Markdown: where the data comes from and how it was selected. */
  data: string;
  /** The reference product's published result for the same kind of workload. */
  reference: { savings: number; shape: string; tokens?: { before: number; after: number } };
  /** Tool calls grouped by assistant turn, in order. */
  turns: ToolStep[][];
  focus: FocusItem[];
  messages: OpenAIMessage[];
}

/** Fields a workload module supplies; `messages` is derived. */
export type WorkloadSpec = Omit<Workload, 'messages'> & {
  system: string;
  question: string;
  finalQuestion: string;
};

/**
 * Lays a workload out as an OpenAI conversation: system, user question, then per turn one
 * assistant message with its tool_calls followed by one tool message per call, then the final question.
 */
export function toConversation(spec: WorkloadSpec): Workload {
  const messages: OpenAIMessage[] = [
    { role: 'system', content: spec.system },
    { role: 'user', content: spec.question },
  ];
  let callNumber = 0;
  for (const turn of spec.turns) {
    const ids = turn.map(() => `call_${spec.id.replace(/-/g, '_')}_${++callNumber}`);
    messages.push({
      role: 'assistant',
      content: null,
      tool_calls: turn.map((step, i) => ({
        id: ids[i] as string,
        type: 'function',
        function: { name: step.name, arguments: JSON.stringify(step.args) },
      })),
    });
    for (const [i, step] of turn.entries())
      messages.push({ role: 'tool', tool_call_id: ids[i] as string, content: step.output });
  }
  messages.push({ role: 'user', content: spec.finalQuestion });
  const { system: _system, question: _question, finalQuestion: _final, ...rest } = spec;
  return { ...rest, messages };
}

/** Every tool step in call order (the index a {@link FocusItem} refers to). */
export function stepsOf(workload: Pick<Workload, 'turns'>): ToolStep[] {
  return workload.turns.flat();
}

/** Index in `messages` of the tool message answering step `step`. */
export function messageIndexOfStep(workload: Workload, step: number): number {
  let seen = -1;
  for (const [index, message] of workload.messages.entries()) {
    if (message.role === 'tool' && ++seen === step) return index;
  }
  throw new Error(`workload ${workload.id} has no tool step ${step}`);
}

/** A tool result as JSON-emitting tools print it (2-space indent, like the reference's `json.dumps(indent=2)`). */
export function jsonOutput(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
