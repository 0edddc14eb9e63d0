export { createTextCompressor, type TextCompressorOptions } from './text-compressor.js';
export { sentenceUnits } from './sentences.js';
export { loadKompressModel, type KompressModel } from './kompress/load-model.js';
export { DEFAULT_KOMPRESS_MODEL, type KompressOptions } from './kompress/options.js';
