// One of several processes that write and read the same namespace at once (see two-processes.test.ts).
// Loads the store from its TypeScript sources through Vite's module runner, as the test process does.
// argv: <vite module path> <RedisCcrStore|UpstashCcrStore> <namespace> <role> <peer role> <count> <url> [token]
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createClient } from 'redis';

const [vitePath, kind, namespace, role, peer, count, url, token] = process.argv.slice(2);
const { runnerImport } = await import(pathToFileURL(vitePath).href);
const { module: stores } = await runnerImport(
  fileURLToPath(new URL('../index.ts', import.meta.url)),
);
// The runner closes after loading, so the store's lazy `import('redis')` can't go through it: connect here.
const client = kind === 'RedisCcrStore' ? await createClient({ url }).connect() : undefined;
const store = client
  ? new stores.RedisCcrStore({ client, namespace, ttlSeconds: 120, timeoutMs: 30_000 })
  : new stores.UpstashCcrStore({ url, token, namespace, ttlSeconds: 120, timeoutMs: 30_000 });

const key = (who, i) => `${who === 'a' ? 'aaaa' : 'bbbb'}${String(i).padStart(20, '0')}`;
const original = (who, i) => `${who}:${i}:${'é🚀\ud800'.repeat(i % 50)}${'x'.repeat(i * 37)}`;
const n = Number(count);

const writes = [];
for (let i = 0; i < n; i++)
  writes.push(
    store.put(key(role, i), { original: original(role, i), meta: { kind: 'text' }, createdAt: i }),
  );
await Promise.all(writes);

// Read the peer's keys until all are there (the peer writes at the same time), checking every byte.
let seen = 0;
let mismatches = 0;
const deadline = Date.now() + 120_000;
const pending = new Set(Array.from({ length: n }, (_, i) => i));
while (pending.size > 0 && Date.now() < deadline) {
  const round = [...pending];
  const entries = await Promise.all(round.map((i) => store.get(key(peer, i))));
  round.forEach((i, at) => {
    const entry = entries[at];
    if (!entry) return;
    pending.delete(i);
    seen += 1;
    if (entry.original !== original(peer, i)) mismatches += 1;
  });
}
await client?.close();
process.stdout.write(JSON.stringify({ role, wrote: n, seen, mismatches }));
