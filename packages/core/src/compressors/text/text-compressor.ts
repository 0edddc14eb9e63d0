import { HeadroomError } from '../../errors/headroom-error.js';
import type { Compressor, CompressorOutput, CompressorSpec } from '../../types.js';
import { compressExtractive } from './extractive.js';
import { compressWithKompress } from './kompress/kompress.js';
import { loadKompressModel } from './kompress/load-model.js';
import type { KompressOptions } from './kompress/options.js';
import { sentenceUnits } from './sentences.js';

/** Options of the prose compressor. */
export interface TextCompressorOptions {
  /** Share of the tokens the extractive fallback keeps. Default 0.5. */
  targetRatio?: number;
  /**
   * Run the Kompress model (needs `@huggingface/transformers` and the model files). Off by default;
   * `true` uses the reference model with default settings. When the model can't load, the extractive
   * fallback runs and the strategy says `kompress:fallback`.
   */
  kompress?: boolean | KompressOptions;
}

/**
 * Creates the prose compressor. Strategies: `extractive` (Kompress off), `kompress` (the model ran),
 * `kompress:fallback` (Kompress on but its model could not be loaded), `kompress:too_long` (over `maxWords`).
 */
export function createTextCompressor(options: TextCompressorOptions = {}): CompressorSpec {
  return { compress: textCompressor(options), units: sentenceUnits };
}

function textCompressor(options: TextCompressorOptions): Compressor {
  const targetRatio = ratio(options.targetRatio ?? 0.5, 'targetRatio');
  const kompress = options.kompress === true ? {} : options.kompress || undefined;
  if (kompress?.targetRatio !== undefined) ratio(kompress.targetRatio, 'kompress.targetRatio');

  const extractive: Compressor = (text, ctx) => ({
    text: compressExtractive(text, ctx, targetRatio),
    strategy: 'extractive',
  });
  if (!kompress) return extractive;
  const maxWords = kompress.maxWords ?? 10_000;
  return async (text, ctx): Promise<CompressorOutput> => {
    if (countWords(text, maxWords) > maxWords)
      return { text: compressExtractive(text, ctx, targetRatio), strategy: 'kompress:too_long' };
    const model = await loadKompressModel(kompress).catch(() => undefined);
    if (!model)
      return { text: compressExtractive(text, ctx, targetRatio), strategy: 'kompress:fallback' };
    return { text: await compressWithKompress(text, ctx, model, kompress), strategy: 'kompress' };
  };
}

/** Whitespace-separated words, counting no further than `limit + 1`. */
function countWords(text: string, limit: number): number {
  let count = 0;
  for (const _ of text.matchAll(/\S+/g)) if (++count > limit) break;
  return count;
}

function ratio(value: number, name: string): number {
  if (!(value > 0 && value <= 1))
    throw new HeadroomError({
      code: 'config_error',
      message: `${name} must be in (0, 1], got ${value}`,
    });
  return value;
}
