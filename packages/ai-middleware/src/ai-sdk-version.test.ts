import aiPackage from 'ai/package.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';

// The suite runs twice (`test` with AI SDK 6, `test:ai7` with AI SDK 7 on Node 22); this proves which one ran.
describe('AI SDK under test', () => {
  it('is the major version this run was configured for, on a Node that supports it', () => {
    const major = Number(aiPackage.version.split('.')[0]);
    expect(major).toBe(Number(process.env.HEADROOM_AI_SDK_MAJOR));
    if (major >= 7) expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22);
  });
});
