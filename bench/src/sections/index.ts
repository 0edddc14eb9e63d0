import { adversarialSection } from './adversarial.js';
import { bundleSection } from './bundle-size.js';
import { codeSection } from './code.js';
import { compressorsSection } from './compressors.js';
import { latencySection } from './latency.js';
import { losslessJsonSection } from './lossless-json.js';
import { multiTurnCacheSection } from './multi-turn-cache.js';
import { proxyLoadSection } from './proxy-load.js';
import { retentionSection } from './retention.js';
import { routingSection } from './routing.js';
import { savingsSection } from './savings.js';
import { scalingSection } from './scaling.js';
import { textSection } from './text.js';
import { tokenCountingSection } from './token-counting.js';
import type { BenchSection } from './section.js';

/** The sections of BENCHMARKS.md, in order. To add one: write `sections/<name>.ts` exporting a BenchSection, list it here. */
export const sections: readonly BenchSection[] = [
  savingsSection,
  retentionSection,
  latencySection,
  tokenCountingSection,
  scalingSection,
  losslessJsonSection,
  multiTurnCacheSection,
  textSection,
  compressorsSection,
  routingSection,
  codeSection,
  proxyLoadSection,
  adversarialSection,
  bundleSection,
];

export type { BenchSection } from './section.js';
