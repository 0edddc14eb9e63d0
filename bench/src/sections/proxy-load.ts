import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { compress, type OpenAIMessage } from '@headroom/core/internal';
import { BENCH_MODEL } from '../context.js';
import { fireStreams, type Wave } from '../proxy-load/fire-streams.js';
import { CHUNK_GAP_MS, STREAM_CHUNKS, startLoadUpstream } from '../proxy-load/fake-upstream.js';
import { int, median, ms, percentile, table } from '../report.js';
import type { BenchSection } from './section.js';

const CONCURRENCY = 200;
const WARMUP = 20;

/** Starts the proxy in a child process; resolves with its URL and a stop function. */
async function startProxyProcess(
  upstream: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const script = fileURLToPath(new URL('../proxy-load/proxy-child.js', import.meta.url));
  const child = spawn(process.execPath, [script, upstream], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`proxy child exited with ${code}`)));
  });
  const { url } = JSON.parse(line) as { url: string };
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** One streaming request body per request: `toolOutput` made distinct per request so no cache answers it. */
function bodies(messages: readonly OpenAIMessage[], count: number, offset: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      model: BENCH_MODEL,
      stream: true,
      messages: messages.map((m) =>
        m.role === 'tool' && typeof m.content === 'string'
          ? { ...m, content: `${m.content}\n${'\n'.repeat(offset + i)}` }
          : m,
      ),
    }),
  );
}

const small: OpenAIMessage[] = [{ role: 'user', content: 'Say hello.' }];

function row(route: string, payload: string, wave: Wave): string[] {
  const ok = wave.timings.filter((t) => t.ok);
  const first = ok.map((t) => t.firstByteMs);
  const total = ok.map((t) => t.totalMs);
  return [
    route,
    payload,
    `${ok.length}/${wave.timings.length}`,
    ms(median(first)),
    ms(percentile(first, 99)),
    ms(median(total)),
    ms(percentile(total, 99)),
    `${(wave.timings.length / (wave.wallMs / 1000)).toFixed(0)} req/s`,
  ];
}

function added(label: string, via: Wave, direct: Wave): string[] {
  const pick = (w: Wave, f: (t: Wave['timings'][number]) => number) =>
    w.timings.filter((t) => t.ok).map(f);
  const diff = (f: (t: Wave['timings'][number]) => number, p: number) =>
    ms(percentile(pick(via, f), p) - percentile(pick(direct, f), p));
  return [
    label,
    diff((t) => t.firstByteMs, 50),
    diff((t) => t.firstByteMs, 99),
    diff((t) => t.totalMs, 50),
    diff((t) => t.totalMs, 99),
  ];
}

/** 200 concurrent streaming requests through the proxy and straight to the same fake provider. */
export const proxyLoadSection: BenchSection = {
  title: 'Proxy under load',
  async run(ctx) {
    const workload = ctx.workloads.find((w) => w.id === 'code-search') ?? ctx.workloads[0]!;
    const upstream = await startLoadUpstream();
    const proxy = await startProxyProcess(upstream.url);
    try {
      const tokens = await compress(
        JSON.parse(bodies(workload.messages, 1, 0)[0]!).messages as OpenAIMessage[],
        { model: BENCH_MODEL },
      );
      const waves: Record<string, Wave> = {};
      const load = loadavg()[0]!;
      const runs: Array<[string, string, readonly OpenAIMessage[]]> = [
        ['direct', upstream.url, small],
        ['proxy', proxy.url, small],
        ['direct', upstream.url, workload.messages],
        ['proxy', proxy.url, workload.messages],
      ];
      let offset = 0;
      for (const [route, url, messages] of runs) {
        const key = `${route}:${messages === small ? 'small' : 'tool'}`;
        ctx.log(`proxy load: ${key}`);
        await fireStreams(url, bodies(messages, WARMUP, (offset += WARMUP)));
        waves[key] = await fireStreams(url, bodies(messages, CONCURRENCY, (offset += CONCURRENCY)));
        const failures = waves[key]!.timings.flatMap((t) => (t.failure ? [t.failure] : []));
        if (failures.length > 0)
          ctx.problem(
            `proxy load (${key}): ${failures.length} of ${CONCURRENCY} streaming requests failed: ${[...new Set(failures)].join('; ')}`,
          );
      }
      const tool = `${workload.id} tool output, ${int(tokens.tokensBefore)} → ${int(tokens.tokensAfter)} tokens`;
      const intro = [
        `${CONCURRENCY} streaming Chat Completions requests sent at once (after ${WARMUP} warm-up requests), each read to its`,
        `\`[DONE]\`, with Node's \`fetch\` from one process. The proxy runs in its own Node process (\`headroom-ai/proxy\`, in-memory`,
        `store); the fake provider streams ${STREAM_CHUNKS} chunks ${CHUNK_GAP_MS} ms apart on loopback. "Small" requests carry nothing to`,
        `compress, so the proxy only parses and forwards them; the tool-output requests each carry a distinct copy of the`,
        `${workload.id} workload (no cache can answer one from another), compressed by the proxy on the way. All on one`,
        `machine, whose cores are shared with the load client and the fake provider (load average ${load.toFixed(1)} when the`,
        'section started), so the numbers are an upper bound.',
      ].join('\n');
      const header = [
        'route',
        'request',
        'ok',
        'p50 first byte',
        'p99 first byte',
        'p50 total',
        'p99 total',
        'throughput',
      ];
      const rows = [
        row('straight to provider', 'small', waves['direct:small']!),
        row('through proxy', 'small', waves['proxy:small']!),
        row('straight to provider', tool, waves['direct:tool']!),
        row('through proxy', tool, waves['proxy:tool']!),
      ];
      const addedRows = [
        added('no compression (small)', waves['proxy:small']!, waves['direct:small']!),
        added('with compression (tool output)', waves['proxy:tool']!, waves['direct:tool']!),
      ];
      return [
        intro,
        table(header, rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r']),
        'Latency the proxy adds (through proxy minus straight to provider, same percentile):',
        table(
          ['requests', 'p50 first byte', 'p99 first byte', 'p50 total', 'p99 total'],
          addedRows,
        ),
        `The fake provider answered ${int(upstream.calls())} calls in all: one per request, no retries.`,
      ].join('\n\n');
    } finally {
      await proxy.stop();
      await upstream.close();
    }
  },
};
