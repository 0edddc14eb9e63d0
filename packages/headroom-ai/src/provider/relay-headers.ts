/**
 * Headers that describe one hop, not the content: `fetch` has already decoded the body, so its encoding
 * and length no longer hold, and connection handling belongs to each side's own server.
 */
const hopHeaders = [
  'content-encoding',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
];

/** A response's headers, fit to send on with a body that was read (and maybe changed) here. */
export function relayHeaders(headers: Headers): Headers {
  const out = new Headers(headers);
  for (const name of hopHeaders) out.delete(name);
  return out;
}

/** A request's headers for the next hop: the caller's own (auth included), without the per-hop ones. */
export function forwardHeaders(headers: Headers): Headers {
  const out = relayHeaders(headers);
  out.delete('host');
  out.delete('accept-encoding');
  return out;
}
