import { createHeadroom, type Headroom } from './create-headroom.js';
import { InvalidOptionError } from './errors/index.js';
import { checkScope } from './options/checks.js';
import type { HeadroomOptions } from './options/headroom-options.js';
import type { CompressEvent, IntegrationOptions } from './options/integration-options.js';

/** What an integration works with: its instance and its hooks. */
export interface Integration<Request = unknown> {
  headroom: Headroom;
  enabled: boolean;
  /** `onCompress`, made safe: a callback that throws must not fail the model call it observes. */
  notify(event: CompressEvent): void;
  /**
   * The retrieval scope of one call: the scope the call names (`given`, checked under the name
   * `option`), else the integration's `scope` option, else the instance's, else the conversation.
   */
  scopeFor(
    request: Request,
    call: { given?: unknown; option: string; conversationId: string },
  ): string;
}

/**
 * The instance an integration builds on: the one given as `headroom`, or one created from the options
 * (over the integration's own `defaults`). Both at once is an `InvalidOptionError`: the instance has its options.
 */
export function integration<Request>(
  options: IntegrationOptions<Request>,
  defaults: HeadroomOptions = {},
): Integration<Request> {
  const { headroom: given, onCompress, enabled = true, scope, ...config } = options;
  if (typeof scope !== 'function') checkScope('scope', scope);
  if (given !== undefined && Object.values(config).some((value) => value !== undefined)) {
    throw new InvalidOptionError({
      option: 'headroom',
      value: given,
      expected: 'either a Headroom instance or Headroom options, not both (configure the instance)',
    });
  }
  const headroom = given ?? createHeadroom({ ...defaults, ...config });
  return {
    headroom,
    enabled,
    scopeFor(request, call) {
      const named = checkScope(call.option, call.given);
      if (named !== undefined) return named;
      const own = typeof scope === 'function' ? checkScope('scope', scope(request)) : scope;
      return own ?? headroom.options.scope ?? call.conversationId;
    },
    notify(event) {
      try {
        onCompress?.(event);
      } catch {
        // Metrics are an observer; the call goes on.
      }
    },
  };
}
