import { homedir } from 'node:os';
import type { CliCommand } from '../command.js';
import { optionalModel } from '../resolve-model.js';
import { CliUsageError } from '../usage-error.js';
import { learn } from '../../learn/learn.js';
import type { LearnAgent } from '../../learn/tool-event.js';
import { lineDiff } from '../../text/line-diff.js';

const agents: readonly LearnAgent[] = ['claude', 'codex', 'gemini'];

/** `headroom learn`: recurring failures from agent session logs, written into the project's context file. */
export const learnCommand: CliCommand = {
  name: 'learn',
  summary:
    'learn from failures in agent sessions and write them into CLAUDE.md / AGENTS.md / GEMINI.md',
  description: [
    "Reads the agent's session logs for the project (Claude Code ~/.claude/projects, Codex ~/.codex/sessions,",
    'Gemini CLI ~/.gemini/tmp), finds failures that recur (commands failing the same way, commands retried',
    "unchanged, edit→fail loops, tool errors), and sets a marked section of learnings in the project's",
    'CLAUDE.md, AGENTS.md or GEMINI.md. A dry run (the default) prints the diff; --apply writes it. Text',
    'outside the marked section is never touched. With --model or $HEADROOM_LLM (provider:id, e.g.',
    'openai:gpt-4o-mini, with @ai-sdk/<provider> installed) a model phrases the learnings.',
  ].join('\n'),
  options: {
    agent: { type: 'string', valueName: 'name', description: 'claude (default), codex or gemini' },
    project: {
      type: 'string',
      valueName: 'dir',
      description: 'the project directory (default: the current one)',
    },
    apply: { type: 'boolean', description: 'write the file (default: print the diff only)' },
    model: {
      type: 'string',
      valueName: 'provider:id',
      description: 'AI SDK model that phrases the learnings',
    },
  },
  async run({ values }, io) {
    const path = 'headroom learn';
    const agent = (values.agent ?? 'claude') as LearnAgent;
    if (!agents.includes(agent))
      throw new CliUsageError(path, `--agent must be one of ${agents.join(', ')}`);
    const model = await optionalModel(path, values.model, io.env);
    const project =
      typeof values.project === 'string' ? values.project : (io.env.PWD ?? process.cwd());
    const result = await learn({
      agent,
      project,
      home: io.env.HOME || homedir(),
      apply: values.apply === true,
      model,
    });
    io.stdout(
      `Read ${result.sessionFiles.length} ${agent} session${result.sessionFiles.length === 1 ? '' : 's'}; found ${result.patterns.length} recurring failure pattern${result.patterns.length === 1 ? '' : 's'}${result.usedModel ? ' (phrased by the model)' : ''}.\n`,
    );
    if (result.after === result.before) io.stdout(`${result.file}: nothing to change.\n`);
    else if (result.written) io.stdout(`Updated ${result.file}.\n`);
    else
      io.stdout(
        `${result.file} (dry run; --apply writes it):\n${lineDiff(result.before, result.after)}`,
      );
    return 0;
  },
};
