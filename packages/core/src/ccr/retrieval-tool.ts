/** The name of the tool the model calls to get originals back. */
export const RETRIEVE_TOOL_NAME = 'headroom_retrieve';

const description =
  'Retrieve original content that Headroom compressed to save tokens. Compressed tool results carry markers like ' +
  '<<ccr:KEY …>>; pass KEY to get the full original, or add a query to get only the items, lines or functions that match it. ' +
  'A long reply comes in pages; it says how many parts match and the offset that gets the next page.';

/** JSON schema of the tool's input. */
export const retrieveToolSchema = {
  type: 'object',
  properties: {
    key: { type: 'string', description: 'The KEY from a <<ccr:KEY …>> marker.' },
    query: {
      type: 'string',
      description: 'Optional search terms; returns only the matching parts of the original.',
    },
    offset: {
      type: 'integer',
      minimum: 0,
      description: 'Optional; where to continue, as named by the previous reply for the next part.',
    },
  },
  required: ['key'],
  additionalProperties: false,
} as const;

/** The input the model sends. */
export interface RetrieveToolInput {
  key: string;
  query?: string;
  /** Where to continue: the offset a previous reply named for its next page. */
  offset?: number;
}

/** `tools[]` entry for OpenAI Chat Completions. */
export const openaiRetrieveTool = {
  type: 'function',
  function: { name: RETRIEVE_TOOL_NAME, description, parameters: retrieveToolSchema },
} as const;

/** `tools[]` entry for Anthropic Messages. */
export const anthropicRetrieveTool = {
  name: RETRIEVE_TOOL_NAME,
  description,
  input_schema: retrieveToolSchema,
} as const;

/** The tool description, for integrations that build their own tool object (AI SDK, LangChain). */
export const retrieveToolDescription = description;
