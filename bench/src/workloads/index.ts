import { codeSearchWorkload } from './code-search.js';
import { codebaseExplorationWorkload } from './codebase-exploration.js';
import { issueTriageWorkload } from './issue-triage.js';
import { sreIncidentWorkload } from './sre-incident.js';
import type { Workload } from './workload.js';

/** The four headline workloads, in the reference table's order. */
export function buildWorkloads(dataDir: string): Workload[] {
  return [
    codeSearchWorkload(dataDir),
    sreIncidentWorkload(dataDir),
    issueTriageWorkload(dataDir),
    codebaseExplorationWorkload(dataDir),
  ];
}

export type { FocusItem, ToolStep, Workload } from './workload.js';
