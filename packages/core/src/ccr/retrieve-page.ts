import { HeadroomError } from '../errors/headroom-error.js';
import { surrogateSafeEnd, truncate } from '../util/truncate.js';

/** One page of a retrieval: where it starts, how much it holds, where the next one starts. */
export interface RetrievePage {
  content: string;
  offset: number;
  /** Matches on this page (query), or characters (original). */
  shown: number;
  /** Offset of the next page; absent on the last one. */
  next?: number;
}

/**
 * Characters `offset` onwards, at most `maxChars`, ending after a line break when there is one in reach
 * so a page never stops mid-line, and never between the two halves of a surrogate pair.
 */
export function originalPage(original: string, offset: number, maxChars: number): RetrievePage {
  if (offset > 0 && offset >= original.length)
    throw pastEnd(
      `offset ${offset} is past the end of the original (${original.length} characters)`,
    );
  let end = Math.min(original.length, offset + maxChars);
  if (end < original.length) {
    const lineEnd = original.lastIndexOf('\n', end - 1);
    if (lineEnd >= offset) end = lineEnd + 1;
    else end = Math.max(surrogateSafeEnd(original, end), offset + 1);
  }
  const page: RetrievePage = { content: original.slice(offset, end), offset, shown: end - offset };
  if (end < original.length) page.next = end;
  return page;
}

/**
 * Matches `offset` onwards in relevance order (`ranked`), at most `maxUnits` and about `maxChars`
 * (always at least one; a single unit longer than that is cut), shown in their original order.
 */
export function matchPage(
  units: readonly string[],
  ranked: readonly number[],
  bounds: { offset: number; maxUnits: number; maxChars: number },
): RetrievePage {
  const { offset, maxUnits, maxChars } = bounds;
  if (offset >= ranked.length)
    throw pastEnd(`offset ${offset} is past the last of the ${ranked.length} matches`);
  const picked: number[] = [];
  let chars = 0;
  for (let i = offset; i < ranked.length && picked.length < maxUnits; i++) {
    const unit = units[ranked[i] as number] as string;
    if (picked.length > 0 && chars + 1 + unit.length > maxChars) break;
    picked.push(ranked[i] as number);
    chars += (picked.length > 1 ? 1 : 0) + unit.length;
  }
  const content = picked
    .sort((a, b) => a - b)
    .map((i) => {
      const unit = units[i] as string;
      return unit.length > maxChars
        ? truncate(
            unit,
            maxChars,
            ' …[this part is cut here; retrieve without a query to read it all]',
          )
        : unit;
    })
    .join('\n');
  const page: RetrievePage = { content, offset, shown: picked.length };
  if (offset + picked.length < ranked.length) page.next = offset + picked.length;
  return page;
}

function pastEnd(message: string): HeadroomError {
  return new HeadroomError({ code: 'invalid_input', message });
}
