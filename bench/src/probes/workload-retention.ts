import type { CcrStore, CompressResult, OpenAIMessage } from '@headroom/core/internal';
import { messageText } from '../context.js';
import { messageIndexOfStep, stepsOf, type Workload } from '../workloads/workload.js';
import { classifyProbes, type ProbeOutcome } from './classify.js';
import { extractProbes } from './extract.js';
import type { Probe } from './probe.js';

/** Every probe of a workload classified against its compression, and how many were extracted in all. */
export interface WorkloadRetention {
  outcomes: ProbeOutcome[];
  /** Numbers, artifacts and errors extracted before sampling (focus probes not included). */
  found: number;
  /** Of those, how many were checked (focus probes not included). */
  checked: number;
}

/** Extracts each tool output's probes (plus the workload's focus items) and classifies them (DESIGN §14). */
export async function workloadRetention(
  workload: Workload,
  result: CompressResult<OpenAIMessage>,
  store: CcrStore,
): Promise<WorkloadRetention> {
  const outcomes: ProbeOutcome[] = [];
  let found = 0;
  let checked = 0;
  for (const [step, tool] of stepsOf(workload).entries()) {
    const extracted = extractProbes(tool.output, step);
    found += extracted.found.number + extracted.found.artifact + extracted.found.error;
    const focus: Probe[] = workload.focus
      .filter((f) => f.step === step)
      .map((f) => ({ kind: 'focus', step, needle: f.needle }));
    checked += extracted.probes.length;
    outcomes.push(
      ...(await classifyProbes(
        [...extracted.probes, ...focus],
        messageText(result.messages[messageIndexOfStep(workload, step)]),
        store,
      )),
    );
  }
  return { outcomes, found, checked };
}
