import { createHeadroom, type Headroom } from './create-headroom.js';
import { InvalidOptionError } from './errors/index.js';
import type { HeadroomOptions } from './options/headroom-options.js';
import type { CompressEvent, IntegrationOptions } from './options/integration-options.js';

/** What an integration works with: its instance and its hooks. */
export interface Integration {
  headroom: Headroom;
  enabled: boolean;
  /** `onCompress`, made safe: a callback that throws must not fail the model call it observes. */
  notify(event: CompressEvent): void;
}

/**
 * The instance an integration builds on: the one given as `headroom`, or one created from the options
 * (over the integration's own `defaults`). Both at once is an `InvalidOptionError`: the instance has its options.
 */
export function integration(
  options: IntegrationOptions,
  defaults: HeadroomOptions = {},
): Integration {
  const { headroom: given, onCompress, enabled = true, ...config } = options;
  if (given !== undefined && Object.values(config).some((value) => value !== undefined)) {
    throw new InvalidOptionError({
      option: 'headroom',
      value: given,
      expected: 'either a Headroom instance or Headroom options, not both (configure the instance)',
    });
  }
  return {
    headroom: given ?? createHeadroom({ ...defaults, ...config }),
    enabled,
    notify(event) {
      try {
        onCompress?.(event);
      } catch {
        // Metrics are an observer; the call goes on.
      }
    },
  };
}
