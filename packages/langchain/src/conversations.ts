import { sha256Hex, type Segment } from '@headroom/core/internal';

/**
 * The conversation id of messages that name no thread: a hash of their opening — the system text and
 * the first user message — which every later turn of the conversation repeats.
 */
export function openingId(segments: readonly Segment[]): string {
  const firstUser = segments.find((segment) => segment.role === 'user')?.ref.message;
  const opening = segments.filter(
    (segment) =>
      (segment.role === 'system' && (firstUser === undefined || segment.ref.message < firstUser)) ||
      segment.ref.message === firstUser,
  );
  return `opening:${sha256Hex(opening.map((segment) => `${segment.role}:${segment.text}`).join('\n'))}`;
}
