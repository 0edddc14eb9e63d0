import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AnthropicMessage } from '../../adapters/anthropic.js';
import type { OpenAIMessage } from '../../adapters/openai.js';
import { dataPath } from '../../test-utils/data-dir.node.js';

/** One step of the agent loop: a tool call and its result, sometimes after a new user question. */
interface Step {
  question?: { answer: string; text: string };
  call: { id: string; name: string; args: Record<string, unknown> };
  result: string;
}

/** A deterministic agent conversation over the real corpora, one request per turn. */
export interface AgentConversation {
  task: string;
  steps: Step[];
  tools: OpenAIToolDefinition[];
  /** The system prompt of turn `t` (1-based); `volatile` adds a per-turn clock, request id and counter. */
  system(turn: number, volatile: boolean): string;
}

interface OpenAIToolDefinition {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

const questions = [
  'Why does checkout fail with connection errors and timeouts since the last deploy?',
  'Now look at the authentication failures: which users and hosts are involved?',
  'Which code paths parse the command flags and could panic on bad input?',
];

const tool = (
  name: string,
  description: string,
  properties: Record<string, unknown>,
): OpenAIToolDefinition => ({
  type: 'function',
  function: {
    name,
    description,
    parameters: { type: 'object', properties, required: Object.keys(properties) },
  },
});

/**
 * Builds a `turns`-step conversation: log excerpts, log records as JSON, source files and grep
 * results from `../shared/data`, growing with the step number; a new user question every 10 steps.
 */
export function buildAgentConversation(turns = 30): AgentConversation {
  const logs = [
    'Zookeeper_2k.log',
    'OpenSSH_2k.log',
    'Hadoop_2k.log',
    'Spark_2k.log',
    'Linux_2k.log',
    'Apache_2k.log',
  ].map((name) => ({
    name,
    lines: readFileSync(dataPath('logs', name), 'utf8').split('\n').filter(Boolean),
  }));
  const codeRoot = dataPath('code');
  const sources = listFiles(codeRoot)
    .filter((file) => /\.(py|go|rs|java|cc|h)$/.test(file))
    .map((file) => ({ path: relative(codeRoot, file), text: readFileSync(file, 'utf8') }))
    .filter(({ text }) => {
      const lines = text.split('\n').length;
      return lines >= 80 && lines <= 700;
    });

  const steps: Step[] = [];
  for (let s = 0; s < turns; s++) {
    const log = logs[s % logs.length]!;
    const size = 40 + 12 * s;
    const from = (s * 97) % Math.max(1, log.lines.length - size);
    const step: Step = {
      call: { id: `call_${String(s + 1).padStart(3, '0')}`, name: '', args: {} },
      result: '',
    };
    if (s > 0 && s % 10 === 0) {
      step.question = {
        answer: `Summary of steps 1-${s}: see the findings above.`,
        text: questions[(s / 10) % questions.length]!,
      };
    }
    switch (s % 4) {
      case 0:
        step.call.name = 'read_logs';
        step.call.args = { file: log.name, from, lines: size };
        step.result = log.lines.slice(from, from + size).join('\n');
        break;
      case 1: {
        step.call.name = 'query_logs';
        step.call.args = { file: log.name, limit: size };
        const records = log.lines
          .slice(from, from + size)
          .map((line, i) => ({ seq: from + i, source: log.name, line }));
        step.result = JSON.stringify(records, null, 2);
        break;
      }
      case 2: {
        const file = sources[(s * 7) % sources.length]!;
        step.call.name = 'read_file';
        step.call.args = { path: file.path };
        step.result = file.text;
        break;
      }
      default: {
        const term = ['func ', 'return ', 'import ', 'if '][(s >> 2) % 4]!;
        step.call.name = 'grep';
        step.call.args = { pattern: term, path: '.' };
        const hits: string[] = [];
        for (const file of sources) {
          file.text.split('\n').forEach((line, n) => {
            if (line.includes(term)) hits.push(`${file.path}:${n + 1}:${line}`);
          });
        }
        step.result = hits.slice(0, 30 + 8 * s).join('\n');
      }
    }
    steps.push(step);
  }

  return {
    task: questions[0]!,
    steps,
    tools: [
      tool('read_logs', 'Read lines from a log file of the service.', {
        file: { type: 'string' },
        from: { type: 'integer' },
        lines: { type: 'integer' },
      }),
      tool('query_logs', 'Return log records as JSON.', {
        file: { type: 'string' },
        limit: { type: 'integer' },
      }),
      tool('read_file', 'Read a source file from the repository.', { path: { type: 'string' } }),
      tool('grep', 'Search the repository for a pattern.', {
        pattern: { type: 'string' },
        path: { type: 'string' },
      }),
    ],
    system(turn, volatile) {
      const lines = [
        'You are Atlas, an SRE agent for the checkout service. Investigate with the tools, cite file:line and log lines,',
        'and never guess values you can look up. Keep answers short.',
        '<env>',
        'Working directory: /srv/checkout-service',
        'Platform: linux',
        "Today's date: 2026-11-25",
        'Session: 7c9e6679-7425-40de-944b-e07fc1f90ae7',
        '</env>',
      ];
      if (volatile) {
        const minutes = String(10 + Math.floor(turn / 6)).padStart(2, '0');
        const seconds = String((turn * 7) % 60).padStart(2, '0');
        lines.push(`Current time: 2026-11-25T14:${minutes}:${seconds}Z`);
        lines.push(`Request ID: req_${(0x5a17 * turn).toString(16)}9f${turn}c2e1`);
        lines.push(`This is turn ${turn} of the conversation.`);
      }
      return lines.join('\n');
    },
  };
}

/** The OpenAI request of turn `t` (1-based): system, task, then steps 1..t with their results. */
export function openaiTurn(
  conversation: AgentConversation,
  turn: number,
  volatile = false,
): OpenAIMessage[] {
  const messages: OpenAIMessage[] = [
    { role: 'system', content: conversation.system(turn, volatile) },
    { role: 'user', content: conversation.task },
  ];
  for (const step of conversation.steps.slice(0, turn)) {
    if (step.question)
      messages.push(
        { role: 'assistant', content: step.question.answer },
        { role: 'user', content: step.question.text },
      );
    messages.push({
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: step.call.id,
          type: 'function',
          function: { name: step.call.name, arguments: JSON.stringify(step.call.args) },
        },
      ],
    });
    messages.push({ role: 'tool', tool_call_id: step.call.id, content: step.result });
  }
  return messages;
}

/** The same turn in Anthropic's shape; `system` goes in the request's top-level field. */
export function anthropicTurn(
  conversation: AgentConversation,
  turn: number,
  volatile = false,
): { system: string; messages: AnthropicMessage[] } {
  const messages: AnthropicMessage[] = [{ role: 'user', content: conversation.task }];
  for (const step of conversation.steps.slice(0, turn)) {
    if (step.question) {
      messages.push({ role: 'assistant', content: [{ type: 'text', text: step.question.answer }] });
      messages.push({ role: 'user', content: step.question.text });
    }
    messages.push({
      role: 'assistant',
      content: [
        { type: 'tool_use', id: step.call.id, name: step.call.name, input: step.call.args },
      ],
    });
    messages.push({
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: step.call.id, content: step.result }],
    });
  }
  return { system: conversation.system(turn, volatile), messages };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}
