import { createHeadroom, type OpenAIMessage } from '@headroom/core';
import { toolConversation } from '@headroom/core/testing';
import { describe, expect, inject, it } from 'vitest';
import { UpstashSessionStore } from './redis-session-store.js';
import { UpstashCcrStore } from './upstash-ccr-store.js';
import { patient, uniqueNamespace, relaxed } from './test-utils/fixtures.js';

const rest = inject('upstashRest');

/** A Python module with long function bodies: code the code compressor collapses once it is not recent. */
const module = (n: number) =>
  Array.from({ length: 40 }, (_, i) =>
    [
      `def handler_${n}_${i}(request):`,
      `    data = load(request, ${i})`,
      '    data = normalize(data)',
      '    audit(data)',
      `    return respond(data, ${i})`,
      '',
    ].join('\n'),
  ).join('\n');

/** Turn `t` of an agent reading one file per turn; files read on the last few turns are being edited (protectRecent). */
const turn = (t: number): OpenAIMessage[] =>
  toolConversation({
    question: 'Review the request handlers.',
    turns: t,
    step: (i) => ({ name: 'read_file', args: { path: `handlers_${i}.py` }, result: module(i) }),
  });

describe.skipIf(!rest)(
  'a conversation served by two instances sharing an UpstashSessionStore (skipped: no Redis at 127.0.0.1:6379 behind the REST server)',
  () => {
    it('turn N+1 on the other instance compresses the history to the same bytes as turn N', async () => {
      const namespace = uniqueNamespace('sessions');
      const shared = () => ({
        store: new UpstashCcrStore({ ...relaxed, url: rest!.url, token: rest!.token, namespace }),
        sessionStore: new UpstashSessionStore({
          ...relaxed,
          url: rest!.url,
          token: rest!.token,
          namespace,
        }),
        protectRecent: 4,
        ...patient,
      });
      const [a, b] = [createHeadroom(shared()), createHeadroom(shared())];
      const conversationId = 'conv-42';
      const sent: string[][] = [];
      for (let t = 1; t <= 4; t++) {
        // Turns alternate between two instances; the last lands on a cold one that knows only the stores.
        const instance = t === 4 ? createHeadroom(shared()) : t % 2 === 1 ? a : b;
        const result = await instance.compress(turn(t), { conversationId });
        sent.push(result.messages.map((message) => JSON.stringify(message)));
      }
      // Every turn starts with the previous turn's messages, byte for byte, whichever instance served it.
      for (let t = 1; t < sent.length; t++)
        expect(sent[t]!.slice(0, sent[t - 1]!.length)).toEqual(sent[t - 1]);
      // The first file was recent (being edited) when it was first sent, so it stays whole on every turn.
      expect(sent[3]![2]).toContain('audit(data)');

      // Without the shared session, a fresh instance compresses that file now that it is no longer recent:
      // the prefix the provider cached would break.
      const alone = await createHeadroom({
        store: new UpstashCcrStore({ ...relaxed, url: rest!.url, token: rest!.token, namespace }),
        protectRecent: 4,
        ...patient,
      }).compress(turn(4));
      expect(JSON.stringify(alone.messages[2])).not.toBe(sent[3]![2]);
    });

    it('a session store that is down costs only the reuse: the call still succeeds', async () => {
      const headroom = createHeadroom({
        sessionStore: new UpstashSessionStore({
          url: 'http://127.0.0.1:9',
          token: 't',
          timeoutMs: 300,
        }),
        ...patient,
      });
      const result = await headroom.compress(turn(1), { conversationId: 'down' });
      expect(result.messages).toHaveLength(3);
      expect(headroom.stats().fallbacks.session_store_error).toBe(2);
    });
  },
);
