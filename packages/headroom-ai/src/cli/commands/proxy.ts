import { createHeadroom } from '@headroom/core/internal';
import type { CliArgs, CliCommand, CliIo } from '../command.js';
import { proxyStore } from '../../proxy/store-option.js';
import { startProxy, type RunningProxy } from '../../proxy/start-proxy.js';
import { defaultUpstreams } from '../../proxy/upstream.js';
import { ledgerPath } from '../../stats-ledger/index.js';
import { checkedPort } from '../port-option.js';
import { CliUsageError } from '../usage-error.js';

const path = 'headroom proxy';
const loopback = new Set(['127.0.0.1', 'localhost', '::1']);

function upstream(value: string | boolean | undefined, fallback: string, name: string): string {
  if (typeof value !== 'string') return fallback;
  if (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)) return value;
  throw new CliUsageError(path, `${name} must be an http(s) URL, not "${value}"`);
}

/** `--store-timeout`: milliseconds a request waits for the store to keep an original (default: core's). */
function storeTimeout(value: string | boolean | undefined): { storeTimeoutMs?: number } {
  if (typeof value !== 'string') return {};
  if (!/^\d+$/.test(value) || Number(value) === 0)
    throw new CliUsageError(
      path,
      `--store-timeout must be a number of milliseconds > 0, not "${value}"`,
    );
  return { storeTimeoutMs: Number(value) };
}

/** Starts the proxy `headroom proxy` describes with these option values; the command keeps it up until a signal. */
export async function startProxyFromArgs({ values }: CliArgs, io: CliIo): Promise<RunningProxy> {
  // Every other option is checked first: a Redis store starts connecting as soon as it is made.
  const timeout = storeTimeout(values['store-timeout']);
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
  const upstreams = {
    openai: upstream(values['upstream-openai'], defaultUpstreams.openai, '--upstream-openai'),
    anthropic: upstream(
      values['upstream-anthropic'],
      defaultUpstreams.anthropic,
      '--upstream-anthropic',
    ),
  };
  const port = checkedPort(path, values.port, 8787);
  const storeName = typeof values.store === 'string' ? values.store : 'memory';
  const store = proxyStore(storeName, io.env);
  if (!store)
    throw new CliUsageError(
      path,
      `--store must be memory, a redis:// or rediss:// URL, or upstash; not "${storeName}"`,
    );
  const proxy = await startProxy({
    port,
    host,
    upstreams,
    headroom: createHeadroom({ ...(store.store ? { store: store.store } : {}), ...timeout }),
    ledgerPath: ledgerPath(io.env),
    ...(values.quiet ? {} : { log: (line: string) => io.stderr(`${line}\n`) }),
  }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  io.stderr(
    `headroom proxy listening on ${proxy.url} (OpenAI → ${upstreams.openai}, Anthropic → ${upstreams.anthropic}, store ${store.label})\n`,
  );
  if (!loopback.has(host))
    io.stderr(
      `headroom proxy: listening on ${host}, not loopback: anyone who reaches this port can send requests through it\n`,
    );
  return {
    ...proxy,
    async close() {
      await proxy.close();
      await store.close();
    },
  };
}

/** `headroom proxy`: an OpenAI- and Anthropic-compatible proxy that compresses requests. */
export const proxyCommand: CliCommand = {
  name: 'proxy',
  summary: 'run an OpenAI- and Anthropic-compatible proxy that compresses requests',
  description: [
    'Serves POST /v1/chat/completions, /v1/responses and /v1/messages (streaming or not): tool outputs are',
    "compressed before they go upstream, and the model's headroom_retrieve calls are answered inside the",
    'proxy. Other paths are forwarded unchanged; GET /health and GET /stats report on the proxy. Point a',
    'client at it with OPENAI_BASE_URL=http://127.0.0.1:8787/v1 or ANTHROPIC_BASE_URL=http://127.0.0.1:8787.',
    'One line per request goes to stderr (method, path, status, model, tokens, time); never keys or bodies.',
    'Each compressed request is added to the stats ledger that "headroom stats" reads.',
  ].join('\n'),
  options: {
    port: {
      type: 'string',
      valueName: 'n',
      description: 'port to listen on (default 8787; 0 picks a free one)',
    },
    host: {
      type: 'string',
      valueName: 'address',
      description: 'address to listen on (default 127.0.0.1)',
    },
    'upstream-openai': {
      type: 'string',
      valueName: 'url',
      description: `OpenAI-compatible API (default ${defaultUpstreams.openai})`,
    },
    'upstream-anthropic': {
      type: 'string',
      valueName: 'url',
      description: `Anthropic API (default ${defaultUpstreams.anthropic})`,
    },
    store: {
      type: 'string',
      valueName: 'kind',
      description:
        'where originals are kept for retrieval: memory (default), a redis:// URL, or upstash (UPSTASH_REDIS_REST_URL/_TOKEN)',
    },
    'store-timeout': {
      type: 'string',
      valueName: 'ms',
      description:
        'how long a request waits for the store to keep an original before it goes upstream uncompressed (default 500)',
    },
    quiet: { type: 'boolean', description: 'no request log' },
  },
  async run(args, io) {
    const proxy = await startProxyFromArgs(args, io);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await proxy.close();
    return 0;
  },
};
