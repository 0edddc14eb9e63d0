export {
  createJsonCompressor,
  createSmartCrusher,
  type JsonCompressorOptions,
  jsonUnits,
  smartCrusher,
} from './smart-crusher.js';
export {
  crushRows,
  selectAnalyzed,
  selectRowNodes,
  selectRows,
  type RowSelection,
} from './crush-rows.js';
export { DEFAULT_CRUSH_OPTIONS, type CrushOptions } from './crush-options.js';
