import type { Parser } from 'htmlparser2';

let loading: Promise<typeof Parser> | undefined;

/**
 * htmlparser2's Parser, imported on the first HTML page rather than with the package: it and the
 * entity tables it brings are ~30 modules that most processes (and every cold start without a
 * page) never use. A failed import is retried on the next page.
 */
export function loadParser(): Promise<typeof Parser> {
  loading ??= import('htmlparser2').then(
    (module) => module.Parser,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
