import type { EntityDecoder } from './walk-html.js';

let loading: Promise<EntityDecoder> | undefined;

/**
 * The HTML character-reference decoder (the `entities` package, htmlparser2's own), imported on the first HTML
 * page rather than with the package: its tables are large, and most processes (and every cold start without a
 * page) never use them. A failed import is retried on the next page.
 */
export function loadEntities(): Promise<EntityDecoder> {
  loading ??= import('entities/decode').then(
    (module): EntityDecoder => ({
      text: (raw) => module.decodeHTML(raw),
      attribute: (raw) => module.decodeHTMLAttribute(raw),
    }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
