import { startProxy, type RunningProxy } from '../proxy/start-proxy.js';
import { defaultUpstreams } from '../proxy/upstream.js';

/** Options of `headroom proxy`. */
export interface ProxyCommandOptions {
  port?: string;
  host?: string;
  upstreamOpenai?: string;
  upstreamAnthropic?: string;
  store?: string;
  quiet?: boolean;
}

const loopback = new Set(['127.0.0.1', 'localhost', '::1']);

function port(value: string | undefined): number {
  if (value === undefined) return 8787;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new Error(`--port must be a port number (0–65535), not "${value}"`);
  return n;
}

function url(value: string | undefined, fallback: string, name: string): string {
  if (value === undefined) return fallback;
  try {
    const parsed = new URL(value);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return value;
  } catch {
    // reported below
  }
  throw new Error(`${name} must be an http(s) URL, not "${value}"`);
}

/** Starts `headroom proxy`; resolves with the running proxy (the CLI keeps it up until a signal). */
export async function runProxyCommand(options: ProxyCommandOptions, stderr: (text: string) => void): Promise<RunningProxy> {
  if (options.store !== undefined && options.store !== 'memory') throw new Error(`--store ${options.store} is not available in this build; use --store memory`);
  const host = options.host ?? '127.0.0.1';
  const upstreams = {
    openai: url(options.upstreamOpenai, defaultUpstreams.openai, '--upstream-openai'),
    anthropic: url(options.upstreamAnthropic, defaultUpstreams.anthropic, '--upstream-anthropic'),
  };
  const proxy = await startProxy({ port: port(options.port), host, upstreams, ...(options.quiet ? {} : { log: (line: string) => stderr(`${line}\n`) }) });
  stderr(`headroom proxy listening on ${proxy.url} (OpenAI → ${upstreams.openai}, Anthropic → ${upstreams.anthropic})\n`);
  if (!loopback.has(host)) stderr(`headroom proxy: listening on ${host}, not loopback: anyone who reaches this port can send requests through it\n`);
  return proxy;
}
