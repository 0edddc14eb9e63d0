import { jsonSchema, tool } from 'ai';

/** The route's tools. Their outputs (whole pages, files, API payloads) are what Headroom compresses. */
export const tools = {
  readUrl: tool({
    description: 'Fetch a web page or text file and return its text.',
    inputSchema: jsonSchema<{ url: string }>({
      type: 'object',
      properties: { url: { type: 'string', description: 'An http(s) URL.' } },
      required: ['url'],
      additionalProperties: false,
    }),
    execute: async ({ url }, { abortSignal }) => {
      const response = await fetch(url, { signal: abortSignal });
      return response.ok ? response.text() : `HTTP ${response.status} for ${url}`;
    },
  }),
};
