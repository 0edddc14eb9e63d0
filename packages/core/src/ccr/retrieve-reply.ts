import type { RetrieveResult } from './retrieve.js';
import { RETRIEVE_TOOL_NAME } from './retrieval-tool.js';

/**
 * The text the model sees for one retrieval page: what the page holds out of what there is, and the exact
 * call that gets the next page. A whole original that fits in one page comes back bare, as it was stored.
 */
export function retrieveReply(result: RetrieveResult, query: string | undefined): string {
  const { key, content, matched, total } = result;
  const asked = query?.trim() ?? '';
  if (matched === undefined || total === undefined) {
    if (result.offset === 0 && result.next === undefined) return content;
    return `Part of the original, ${originalRange(result)}:\n${content}`;
  }
  if (matched === 0) {
    const paged = result.next === undefined ? '' : ` (${originalRange(result)})`;
    return `No part of the ${total} matched "${asked}"; the original follows${paged}:\n${content}`;
  }
  const header = `${matched} of ${total} parts match "${asked}"`;
  if (result.offset === 0 && result.next === undefined) return `${header}:\n${content}`;
  const first = result.offset + 1;
  const last = result.offset + result.shown;
  const rest =
    result.next === undefined
      ? 'the last of them'
      : `${matched - result.next} more: ${nextCall({ key, query: query ?? asked, offset: result.next })}`;
  return `${header}; matches ${first}–${last} by relevance follow in original order (${rest}):\n${content}`;
}

/** Which characters of the original a page holds and, unless it is the last, how to get the next. */
function originalRange(result: RetrieveResult): string {
  const end = result.offset + result.shown;
  const range = `characters ${result.offset}–${end} of ${result.length}`;
  if (result.next === undefined) return `${range}, the end`;
  return `${range}; the rest: ${nextCall({ key: result.key, offset: result.next })}`;
}

function nextCall(args: { key: string; query?: string; offset: number }): string {
  return `call ${RETRIEVE_TOOL_NAME} with ${JSON.stringify(args)}`;
}
