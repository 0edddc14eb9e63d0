import { responseParts } from './response-parts.js';

/** An input or output item of the Responses API. */
export interface Item {
  type?: string;
  role?: string;
  content?: unknown;
  call_id?: string;
  name?: string;
  arguments?: string;
  output?: unknown;
  [k: string]: unknown;
}

/** The output items of a Responses API response; tool calls are `function_call` items. */
export const outputItems = responseParts<Item>({
  key: 'output',
  callType: 'function_call',
  readCall: (item) => [item.call_id, item.name, String(item.arguments ?? '')],
});
