import { jsonSchema, tool } from 'ai';

/** Services the example knows; the tool answers only for these. */
const services = ['checkout', 'search', 'billing'] as const;
type Service = (typeof services)[number];

/**
 * The recent log of one service, the kind of bulky tool output Headroom compresses. It is made up here,
 * deterministically: the example tool touches no network and no file, so the model cannot be steered
 * into fetching internal URLs (a `fetch(url)` tool should check the host against an allow-list first).
 */
export function serviceLog(service: Service): string {
  const lines: string[] = [];
  for (let i = 0; i < 400; i++) {
    const second = String(i % 60).padStart(2, '0');
    const minute = String(10 + Math.floor(i / 60)).padStart(2, '0');
    lines.push(
      `2026-11-30T09:${minute}:${second}Z INFO ${service} handled GET /api/${service}/${1000 + i} in ${20 + ((i * 7) % 30)} ms`,
    );
    if (i === 271)
      lines.push(
        `2026-11-30T09:${minute}:${second}Z ERROR ${service} payment provider timed out after 30000 ms (request 1271)`,
      );
  }
  return lines.join('\n');
}

/** The route's tools. */
export const tools = {
  serviceLog: tool({
    description: `Read the recent log of a service (${services.join(', ')}).`,
    inputSchema: jsonSchema<{ service: Service }>({
      type: 'object',
      properties: { service: { type: 'string', enum: [...services] } },
      required: ['service'],
      additionalProperties: false,
    }),
    execute: async ({ service }) =>
      services.includes(service) ? serviceLog(service) : `Unknown service ${String(service)}`,
  }),
};
