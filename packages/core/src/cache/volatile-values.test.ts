import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataDir, dataPath, noDataReason } from '../test-utils/data-dir.node.js';
import { findVolatileValues } from './volatile-values.js';

const kindsAndValues = (text: string) =>
  findVolatileValues(text).map(({ kind, value }) => [kind, value]);

// Shaped like the system prompts coding agents and chat backends send (env blocks, session metadata).
const agentPrompt = `You are an interactive CLI agent that helps users with software engineering tasks.
Use the tools available to you. Step 1: read the relevant files. Step 2: make the change. Use 2 spaces, not tabs.

<env>
Working directory: /home/dev/checkout-service
Is directory a git repo: Yes
Platform: linux
OS Version: Linux 6.8.0-49-generic
Today's date: 2026-11-25
</env>
gitStatus: Current branch: fix/retry-timeouts
Recent commits:
4f2a9c1e8b7d3a6f0e1c2b3a4d5e6f708192a3b4 Retry idempotent payment calls on 503
Session 3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b, request #1234, turn 17.`;

const chatPrompt = `Current date and time: Tuesday, November 25, 2026 10:42 PM UTC.
Request-Id: req_01JDX8Q4M2ZK7Y3W9V6T5R4S3P
Authorization context: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyXzQyIiwiaWF0IjoxNzY0MTExMzMzfQ.Zm9vYmFyYmF6cXV4
Cache generated at 1764111333 (timestamp: 1764111333). Messages so far: count=42.
Last login: Tue, 25 Nov 2026 22:19:14 GMT from 10.0.0.12. Trace ID: 9f86d081884c7d65.`;

describe('findVolatileValues', () => {
  it('finds the date, commit, session id and counters in a coding-agent system prompt', () => {
    expect(kindsAndValues(agentPrompt)).toEqual([
      ['date', '2026-11-25'],
      ['hash', '4f2a9c1e8b7d3a6f0e1c2b3a4d5e6f708192a3b4'],
      ['uuid', '3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b'],
      ['counter', 'request #1234'],
      ['counter', 'turn 17'],
    ]);
  });

  it('finds clocks, request ids, a JWT, epoch seconds and HTTP dates in a chat backend prompt', () => {
    expect(kindsAndValues(chatPrompt)).toEqual([
      ['date', 'Tuesday, November 25, 2026'],
      ['time', '10:42 PM'],
      ['request_id', 'req_01JDX8Q4M2ZK7Y3W9V6T5R4S3P'],
      [
        'jwt',
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyXzQyIiwiaWF0IjoxNzY0MTExMzMzfQ.Zm9vYmFyYmF6cXV4',
      ],
      ['epoch', '1764111333'],
      ['counter', 'count=42'],
      ['timestamp', 'Tue, 25 Nov 2026 22:19:14 GMT'],
      ['request_id', '9f86d081884c7d65'],
    ]);
  });

  it('gives offsets that slice back to the value, in text order, without overlaps', () => {
    for (const text of [agentPrompt, chatPrompt]) {
      const values = findVolatileValues(text);
      values.forEach((v, i) => {
        expect(text.slice(v.start, v.end)).toBe(v.value);
        if (i > 0) expect(v.start).toBeGreaterThanOrEqual(values[i - 1]!.end);
      });
    }
  });

  it('leaves stable instructions alone: versions, steps, ports, sizes, HTTP codes, short hashes', () => {
    const stable = `Use Node 20.19.0 and TypeScript 5.9. Step 1: run tests on port 8080. Limit: 200 tokens, 15% savings.
Return HTTP 404 for unknown ids; format dates as ISO-8601 (YYYY-MM-DD). Colors like #ff0000 and commit abc1234 are fine.
Call the tool at most 3 times per turn; retry up to 5 attempts. See RFC 2822.`;
    expect(findVolatileValues(stable)).toEqual([]);
  });

  it('survives hostile input: lone surrogates, a megabyte of hex, empty text', () => {
    expect(findVolatileValues('')).toEqual([]);
    expect(findVolatileValues('\uD800 2026-11-25 \uDC00')).toEqual([
      { kind: 'date', value: '2026-11-25', start: 2, end: 12 },
    ]);
    const hex = 'a1'.repeat(512 * 1024);
    expect(findVolatileValues(hex)).toEqual([
      { kind: 'hash', value: hex, start: 0, end: hex.length },
    ]);
  });
});

describe.skipIf(!dataDir)(
  `findVolatileValues on real files (${dataDir ? 'shared/data' : noDataReason})`,
  () => {
    it('finds the timestamp on every line of real logs that carry one', () => {
      for (const name of [
        'Zookeeper_2k.log',
        'Hadoop_2k.log',
        'Apache_2k.log',
        'Linux_2k.log',
        'OpenSSH_2k.log',
        'Spark_2k.log',
      ]) {
        const lines = readFileSync(dataPath('logs', name), 'utf8').split('\n').filter(Boolean);
        const dated = lines.filter((line) =>
          findVolatileValues(line).some((v) => v.kind === 'timestamp' || v.kind === 'time'),
        );
        expect(dated.length, name).toBe(lines.length);
      }
    });

    it('finds nothing volatile in real source files', () => {
      for (const file of ['python/requests/src/requests/sessions.py', 'go/cobra/command.go']) {
        expect(findVolatileValues(readFileSync(dataPath('code', file), 'utf8')), file).toEqual([]);
      }
    });
  },
);
