import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createClient } from 'redis';
import { unusedPort } from './silent-server.node.js';

/** Whether tests can reach the shared Redis at 127.0.0.1:6379 (CI and this machine run one). */
export async function sharedRedisAvailable(url = 'redis://127.0.0.1:6379'): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.close();
    return true;
  } catch {
    return false;
  }
}

/** Whether a `redis-server` binary is on PATH, to start private servers a test may stop. */
export const hasRedisServerBinary = spawnSync('redis-server', ['--version']).status === 0;

/** A private redis-server on a free loopback port, which a test may stop (the shared one must stay up). */
export interface PrivateRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts `redis-server` without persistence; `password` turns on `requirepass`. */
export async function startPrivateRedis(
  options: { password?: string } = {},
): Promise<PrivateRedis> {
  const port = await unusedPort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  if (options.password) args.push('--requirepass', options.password);
  const child: ChildProcess = spawn('redis-server', args, { stdio: 'ignore' });
  const auth = options.password ? `:${options.password}@` : '';
  const url = `redis://${auth}127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100 && !(await sharedRedisAvailable(url)); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  let exited = false;
  child.on('exit', () => (exited = true));
  return {
    url,
    port,
    async stop() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await gone;
    },
  };
}
