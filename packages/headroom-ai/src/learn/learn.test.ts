import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '@headroom/core/internal';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { captureIo } from '../cli/test-utils/capture-io.js';
import { headroomCli } from '../cli/commands/index.js';
import { claudeProjectDir } from './find-sessions.js';
import { learn } from './learn.js';

const fixture = (name: string) =>
  readFile(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

/** A temp HOME with the fixture sessions where each agent keeps them, and a project with user text in its files. */
async function setup() {
  const home = await mkdtemp(join(tmpdir(), 'headroom-learn-home-'));
  const project = await mkdtemp(join(tmpdir(), 'headroom-learn-project-'));
  const at = (text: string) => text.replaceAll('__PROJECT__', project);
  const claudeDir = join(home, '.claude', 'projects', claudeProjectDir(project));
  await mkdir(claudeDir, { recursive: true });
  await writeFile(
    join(claudeDir, '5f0c2a8e-6b1d-4c59-9a61-3b7f2d9e0a11.jsonl'),
    at(await fixture('claude-session.jsonl')),
  );
  const codexDir = join(home, '.codex', 'sessions', '2026', '11', '29');
  await mkdir(codexDir, { recursive: true });
  await writeFile(
    join(codexDir, 'rollout-2026-11-29T14-00-00-0199a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b.jsonl'),
    at(await fixture('codex-rollout.jsonl')),
  );
  // Another project's rollout: must be ignored.
  await writeFile(
    join(codexDir, 'rollout-2026-11-29T15-00-00-other.jsonl'),
    (await fixture('codex-rollout.jsonl')).replaceAll('__PROJECT__', '/somewhere/else'),
  );
  const userText = '# My project\n\nUse pnpm, never npm.\n';
  await writeFile(join(project, 'CLAUDE.md'), userText);
  return { home, project, userText };
}

describe('headroom learn on Claude Code sessions', () => {
  it('finds the failing command, the unchanged retries, the edit→fail loop and the edit tool errors', async () => {
    const { home, project } = await setup();
    const result = await learn({ agent: 'claude', project, home });
    expect(result.sessionFiles).toHaveLength(1);
    expect(result.patterns.map((p) => [p.kind, p.subject, p.count])).toEqual([
      ['failing-command', 'pnpm test', 4],
      ['failing-command', 'pnpm lint', 3],
      ['retried-command', 'pnpm lint', 2],
      ['tool-error', 'Edit', 2],
      ['edit-fail-loop', `${project}/src/math.ts / pnpm test -- src/math.test.ts`, 1],
    ]);
    expect(result.patterns[3]!.advice).toBe(
      'The Edit tool failed 2 times with "String to replace not found in file.". Re-read the file right before editing so the old text matches exactly.',
    );
  });

  it('dry run prints the diff and changes nothing; --apply writes the marked section; re-running is a no-op', async () => {
    const { home, project, userText } = await setup();
    const env = { HOME: home, HEADROOM_HOME: join(home, '.headroom') };
    const cli = async (...argv: string[]) => {
      const { io, out } = captureIo({ env });
      return {
        code: await runCli(headroomCli, ['learn', '--project', project, ...argv], io),
        ...out,
      };
    };

    const dry = await cli();
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Read 1 claude session; found 5 recurring failure patterns.\n');
    expect(dry.stdout).toContain(`${join(project, 'CLAUDE.md')} (dry run; --apply writes it):\n`);
    expect(dry.stdout).toContain(
      '\n+<!-- headroom:learn:start -->\n+## Learned from past sessions (headroom learn)\n',
    );
    expect(await readFile(join(project, 'CLAUDE.md'), 'utf8')).toBe(userText);

    expect((await cli('--apply')).stdout).toContain(`Updated ${join(project, 'CLAUDE.md')}.`);
    const written = await readFile(join(project, 'CLAUDE.md'), 'utf8');
    expect(written.startsWith(`${userText}\n<!-- headroom:learn:start -->\n`)).toBe(true);
    expect(written.endsWith('<!-- headroom:learn:end -->\n')).toBe(true);
    expect(written).toContain(
      '- `pnpm test` failed 4 times with "FAIL  src<path> > add > adds two numbers". Check what it needs (setup, arguments, working directory) before running it. _(seen 4× in 1 session)_\n  - e.g. `pnpm test → FAIL  src/math.test.ts > add > adds two numbers`',
    );

    // The user edits around the section; a re-run keeps their text and changes nothing else.
    const edited = `${written.replace('# My project', '# My project (renamed)')}\nMore notes of mine.\n`;
    await writeFile(join(project, 'CLAUDE.md'), edited);
    expect((await cli('--apply')).stdout).toContain(': nothing to change.');
    expect(await readFile(join(project, 'CLAUDE.md'), 'utf8')).toBe(edited);
  });

  it('has an LLM phrase the learnings when a model is given, and keeps the rules when its answer is unusable', async () => {
    const { home, project } = await setup();
    const answer = [
      '1. Run `pnpm test` only after reading the failing assertion.',
      '2. Fix lint errors before re-running `pnpm lint`.',
      '3. Never re-run `pnpm lint` unchanged.',
      '4. Re-read a file before editing it.',
      '5. Read src/math.ts fully before editing again.',
    ].join('\n');
    const model = new MockLanguageModelV3({
      doGenerate: async () => ({
        content: [{ type: 'text', text: answer }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: { total: 100, noCache: 100, cacheRead: 0, cacheWrite: 0 },
          outputTokens: { total: 50, text: 50, reasoning: 0 },
        },
        warnings: [],
      }),
    });
    const result = await learn({ agent: 'claude', project, home, model });
    expect(result.usedModel).toBe(true);
    expect(result.after).toContain(
      '- Fix lint errors before re-running `pnpm lint`. _(seen 3× in 1 session)_',
    );
    const prompt = JSON.stringify(model.doGenerateCalls[0]!.prompt);
    expect(prompt).toContain('[failing-command] pnpm test — 4×');

    const vague = new MockLanguageModelV3({
      doGenerate: async () => ({
        content: [{ type: 'text', text: 'Be careful.' }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
          outputTokens: { total: 1, text: 1, reasoning: 0 },
        },
        warnings: [],
      }),
    });
    const fallback = await learn({ agent: 'claude', project, home, model: vague });
    expect(fallback.usedModel).toBe(false);
    expect(fallback.after).toContain(
      '`pnpm lint` was re-run unchanged right after failing (2 times).',
    );
  });
});

describe('headroom learn on Codex and Gemini sessions', () => {
  it('reads only this project’s Codex rollouts and writes AGENTS.md', async () => {
    const { home, project } = await setup();
    const result = await learn({ agent: 'codex', project, home, apply: true });
    expect(result.sessionFiles).toHaveLength(1);
    expect(result.patterns.map((p) => [p.kind, p.subject, p.count])).toEqual([
      ['failing-command', 'npm run build', 2],
      ['failing-command', 'npm run build', 2],
      ['edit-fail-loop', 'src/server.ts / npm run build', 1],
    ]);
    // The same command failing two different ways is two patterns, each with its own error.
    expect(result.patterns.map((p) => p.examples[0])).toEqual([
      "npm run build → src/server.ts(9,1): error TS2304: Cannot find name 'listen'.",
      "npm run build → src/server.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
      "npm run build → src/server.ts(9,1): error TS2304: Cannot find name 'listn'.",
    ]);
    const agents = await readFile(join(project, 'AGENTS.md'), 'utf8');
    expect(agents).toMatch(/^<!-- headroom:learn:start -->\n## Learned from past sessions/);
  });

  it('reads Gemini CLI chats from the project-hash folder', async () => {
    const { home, project } = await setup();
    const chats = join(home, '.gemini', 'tmp', sha256Hex(project), 'chats');
    await mkdir(chats, { recursive: true });
    const shell = (id: string, output: string) => ({
      id,
      name: 'run_shell_command',
      args: { command: 'make test' },
      status: 'success',
      resultDisplay: output,
      timestamp: '2026-11-30T08:00:00.000Z',
    });
    const failed =
      'Command: make test\nStdout: \nStderr: make: *** No rule to make target `test`.  Stop.\nExit Code: 2';
    await writeFile(
      join(chats, 'session-2026-11-30T08-00-1a2b3c4d.json'),
      JSON.stringify({
        sessionId: '1a2b3c4d-0000-4000-8000-000000000000',
        projectHash: sha256Hex(project),
        startTime: '2026-11-30T08:00:00.000Z',
        lastUpdated: '2026-11-30T08:05:00.000Z',
        messages: [
          {
            id: 'm1',
            timestamp: '2026-11-30T08:00:00.000Z',
            type: 'user',
            content: 'run the tests',
          },
          {
            id: 'm2',
            timestamp: '2026-11-30T08:00:05.000Z',
            type: 'gemini',
            content: '',
            toolCalls: [shell('t1', failed), shell('t2', failed), shell('t3', failed)],
          },
        ],
      }),
    );
    const result = await learn({ agent: 'gemini', project, home });
    expect(result.patterns.map((p) => [p.kind, p.subject, p.count])).toEqual([
      ['failing-command', 'make test', 3],
      ['retried-command', 'make test', 2],
    ]);
    expect(result.file).toBe(join(project, 'GEMINI.md'));
    expect(result.written).toBe(false);
  });
});
