import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDataDir, noDataReason } from '../data-dir.js';
import { sourceProject } from '../sources/source-tree.js';
import { buildWorkloads } from './index.js';
import { messageIndexOfStep, stepsOf } from './workload.js';

const dataDir = findDataDir();

describe.skipIf(!dataDir)(`workload builders (${dataDir ? 'shared/data' : noDataReason})`, () => {
  const workloads = dataDir ? buildWorkloads(dataDir) : [];

  it('builds the same bytes every time', () => {
    const again = buildWorkloads(dataDir!);
    expect(JSON.stringify(again.map((w) => w.messages))).toBe(
      JSON.stringify(workloads.map((w) => w.messages)),
    );
  });

  it('lays out valid OpenAI conversations: every tool message answers a call with the right name', () => {
    for (const workload of workloads) {
      const { messages } = workload;
      expect(messages[0]?.role).toBe('system');
      expect(messages[1]?.role).toBe('user');
      expect(messages.at(-1)?.role).toBe('user');
      const calls = new Map(
        messages.flatMap((m) => m.tool_calls ?? []).map((c) => [c.id, c.function.name]),
      );
      stepsOf(workload).forEach((step, index) => {
        const message = messages[messageIndexOfStep(workload, index)]!;
        expect(message.role).toBe('tool');
        expect(calls.get(message.tool_call_id!)).toBe(step.name);
        expect(message.content).toBe(step.output);
      });
    }
  });

  it('gives the code search exactly 100 real grep results that point at real lines', () => {
    const codeSearch = workloads.find((w) => w.id === 'code-search')!;
    const steps = stepsOf(codeSearch);
    expect(steps.map((s) => s.name)).toEqual(['search_code']);
    const output = JSON.parse(steps[0]!.output) as {
      total_matches: number;
      results: Array<{ path: string; match: string }>;
    };
    expect(output.results).toHaveLength(100);
    expect(output.total_matches).toBeGreaterThan(100);
    const gson = sourceProject(dataDir!, 'java/gson');
    for (const result of output.results) {
      expect(existsSync(join(gson.root, result.path))).toBe(true);
      expect(result.match).toContain('throw new ');
    }
  });

  it('puts every focus item in the output of the step it names', () => {
    for (const workload of workloads) {
      expect(workload.focus.length).toBeGreaterThan(0);
      for (const item of workload.focus)
        expect(stepsOf(workload)[item.step]?.output).toContain(
          JSON.stringify(item.needle).slice(1, -1),
        );
    }
  });
});
