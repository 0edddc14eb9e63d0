import { ccrKey, formatMarker, MemoryCcrStore } from '@headroom/core/internal';
import { describe, expect, it } from 'vitest';
import { recordedIssues } from '../sources/github-fixtures.js';
import { classifyProbes } from './classify.js';
import type { Probe } from './probe.js';

const issues = recordedIssues();
const original = JSON.stringify(issues, null, 2);
const first = issues[0]!;
const last = issues[issues.length - 1]!;

async function storeWith(text: string): Promise<{ store: MemoryCcrStore; key: string }> {
  const store = new MemoryCcrStore();
  const key = ccrKey(text);
  await store.put(key, {
    original: text,
    meta: { kind: 'json', count: issues.length },
    createdAt: 0,
  });
  return { store, key };
}

describe('classifyProbes (real GitHub issues from @octokit/fixtures)', () => {
  it('counts a probe as retained when the compressed text holds it, whatever the quoting', async () => {
    const { store } = await storeWith(original);
    const title = String(last.title);
    const csvRow = `${last.number},"${title.replace(/"/g, '""')}",open`;
    const probes: Probe[] = [{ kind: 'focus', step: 0, needle: title }];
    const [outcome] = await classifyProbes(
      probes,
      `[${issues.length}]{number,title,state}\n${csvRow}`,
      store,
    );
    expect(outcome?.status).toBe('retained');
  });

  it('counts a probe as recoverable only through a marker whose original retrieve() returns it', async () => {
    const { store, key } = await storeWith(original);
    const kept = JSON.stringify([first]);
    const compressed = `${kept}\n${formatMarker(key, `${issues.length - 1} items omitted`)}`;
    const probe: Probe = { kind: 'artifact', step: 0, needle: String(last.html_url) };
    const [outcome] = await classifyProbes([probe], compressed, store);
    expect(outcome).toMatchObject({ status: 'recoverable', key });
  });

  it('counts a probe as lost when it was dropped without a marker, or the marker points at nothing', async () => {
    const { store } = await storeWith(original);
    const kept = JSON.stringify([first]);
    const probe: Probe = { kind: 'artifact', step: 0, needle: String(last.html_url) };
    const missingKey = ccrKey('not stored');
    const outcomes = await classifyProbes([probe], kept, store);
    const viaDeadMarker = await classifyProbes(
      [probe],
      `${kept}\n${formatMarker(missingKey, 'items omitted')}`,
      store,
    );
    expect(outcomes[0]?.status).toBe('lost');
    expect(viaDeadMarker[0]?.status).toBe('lost');
  });

  it('matches numbers as whole tokens next to their key, not as parts of longer numbers', async () => {
    const { store } = await storeWith(original);
    const id = String(first.id);
    const probe: Probe = { kind: 'number', step: 0, needle: id, key: 'id' };
    const [inside] = await classifyProbes([probe], `{"id": ${id}9}`, store);
    const [whole] = await classifyProbes([probe], `{"id": ${id}}`, store);
    const [keyless] = await classifyProbes([probe], `{"number": ${id}}`, store);
    expect(inside?.status).toBe('lost');
    expect(whole?.status).toBe('retained');
    expect(keyless?.status).toBe('lost');
  });
});
