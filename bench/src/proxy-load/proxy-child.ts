import { startProxy } from 'headroom-ai/proxy';

// Runs the proxy in its own process, as users run it, so the load client and the proxy don't share an event loop.
const [upstream] = process.argv.slice(2);
const proxy = await startProxy({ port: 0, upstreams: { openai: upstream!, anthropic: upstream! } });
process.stdout.write(`${JSON.stringify({ url: proxy.url })}\n`);
process.on('SIGTERM', () => void proxy.close().then(() => process.exit(0)));
