import { describe, expect, it } from 'vitest';
import { findDataDir, noDataReason } from '../data-dir.js';
import { buildWorkloads } from '../workloads/index.js';
import { buildLongConversation } from './conversation.js';

const dataDir = findDataDir();

describe.skipIf(!dataDir)(
  `buildLongConversation (${dataDir ? 'shared/data' : noDataReason})`,
  () => {
    it('grows by appending: every turn starts with the previous turn, and only the system prompt varies when asked', () => {
      const conversation = buildLongConversation(buildWorkloads(dataDir!), 30);
      expect(conversation.turns).toBe(30);
      for (let t = 2; t <= 30; t++) {
        const previous = conversation.request(t - 1);
        const current = conversation.request(t);
        expect(current.slice(0, previous.length)).toEqual(previous);
        expect(current.filter((m) => m.role === 'tool')).toHaveLength(t);
        const volatile = conversation.request(t, true);
        expect(volatile.slice(1)).toEqual(current.slice(1));
        expect(volatile[0]!.content).not.toBe(conversation.request(t - 1, true)[0]!.content);
      }
      const names = new Set(
        conversation.request(30).flatMap((m) => m.tool_calls?.map((c) => c.function.name) ?? []),
      );
      expect([...names].sort()).toEqual(conversation.tools.map((t) => t.function.name).sort());
    });
  },
);
