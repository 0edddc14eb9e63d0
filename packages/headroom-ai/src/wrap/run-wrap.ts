import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { startProxy, type StartProxyOptions } from '../proxy/start-proxy.js';
import { agents, type AgentName } from './agents.js';

/** Options for {@link runWrap}. */
export interface WrapOptions {
  agent: AgentName;
  /** Arguments for the agent, as given after `--`. */
  args?: readonly string[];
  /** A running proxy to use instead of starting one (e.g. from `HEADROOM_PROXY_URL`). */
  proxyUrl?: string;
  /** How to start the proxy when there is none to reuse (port 0, loopback, by default). */
  proxy?: StartProxyOptions;
  /** Print what would be set and run, start nothing. */
  dryRun?: boolean;
  env?: Readonly<Record<string, string | undefined>>;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

/** A proxy at `url` that answers `GET /health`: a running Headroom proxy to reuse. */
export async function isHeadroomProxy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url.replace(/\/+$/, '')}/health`, {
      signal: AbortSignal.timeout(1_000),
    });
    return res.ok && ((await res.json()) as { status?: unknown }).status === 'ok';
  } catch {
    return false;
  }
}

const forwarded: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs a coding agent with its base-URL variables pointed at a Headroom proxy: reuses one that is
 * running, or starts one on a free loopback port and stops it when the agent exits. Signals go to the
 * agent; its exit code (128 + signal number when a signal ended it) is returned.
 */
export async function runWrap(options: WrapOptions): Promise<number> {
  const spec = agents[options.agent];
  const stdout = options.stdout ?? ((text) => process.stdout.write(text));
  const stderr = options.stderr ?? ((text) => process.stderr.write(text));
  const env = options.env ?? process.env;
  const args = [...(options.args ?? [])];

  const reuse =
    options.proxyUrl && (await isHeadroomProxy(options.proxyUrl))
      ? options.proxyUrl.replace(/\/+$/, '')
      : undefined;
  if (options.dryRun) {
    const url =
      reuse ??
      `http://${options.proxy?.host ?? '127.0.0.1'}:${options.proxy?.port || '<free port>'}`;
    for (const [name, value] of Object.entries(spec.env(url))) stdout(`${name}=${value}\n`);
    stdout(`${[spec.command, ...args].join(' ')}\n`);
    if (spec.note) stdout(`note: ${spec.note}\n`);
    return 0;
  }

  const started = reuse ? undefined : await startProxy({ port: 0, ...options.proxy });
  const url = reuse ?? started!.url;
  if (spec.note) stderr(`headroom wrap: ${spec.note}\n`);
  try {
    return await new Promise<number>((resolve) => {
      const child = spawn(spec.command, args, {
        stdio: 'inherit',
        env: { ...env, ...spec.env(url) },
      });
      const relay = (signal: NodeJS.Signals) => child.kill(signal);
      for (const signal of forwarded) process.on(signal, relay);
      const done = (code: number) => {
        for (const signal of forwarded) process.off(signal, relay);
        resolve(code);
      };
      child.once('error', (error: NodeJS.ErrnoException) => {
        stderr(
          error.code === 'ENOENT'
            ? `headroom wrap: ${spec.command} is not on PATH\n`
            : `headroom wrap: ${error.message}\n`,
        );
        done(127);
      });
      child.once('exit', (code, signal) =>
        done(code ?? 128 + (signal ? constants.signals[signal] : 0)),
      );
    });
  } finally {
    await started?.close();
  }
}
