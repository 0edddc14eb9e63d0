import { jsonSchema, tool } from 'ai';

/** The application's own tool, for rounds where the model calls it next to `headroom_retrieve`. */
export const lookupIssue = tool({
  inputSchema: jsonSchema<{ id: number }>({
    type: 'object',
    properties: { id: { type: 'number' } },
    required: ['id'],
  }),
  execute: async ({ id }) => `issue ${id}: closed`,
});
