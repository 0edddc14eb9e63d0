import type { TestProject } from 'vitest/node';
import { sharedRedisAvailable } from './redis-server.node.js';
import { startUpstashRestServer } from './upstash-rest-server.node.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The loopback Upstash REST server in front of 127.0.0.1:6379, or null when no Redis answers there. */
    upstashRest: { url: string; token: string } | null;
  }
}

/** Starts one Upstash-REST-compatible server for the whole run, when the shared Redis is up. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!(await sharedRedisAvailable())) {
    project.provide('upstashRest', null);
    return async () => {};
  }
  const server = await startUpstashRestServer();
  project.provide('upstashRest', { url: server.url, token: server.token });
  return () => server.close();
}
