import type { UnitSplitter } from '../ccr/retrieve.js';
import type { Compressor, ContentKind } from '../types.js';
import { codeCompressor } from './code/index.js';
import { compressDiff, diffUnits } from './diff/index.js';
import { compressHtml, htmlUnits } from './html/index.js';
import { smartCrusher } from './json/index.js';
import { compressLog, logUnits } from './log/index.js';
import { compressSearch, searchUnits } from './search/index.js';
import { compressTable, tableUnits } from './table/index.js';
import { createTextCompressor, sentenceUnits } from './text/index.js';

/** A compressor and how retrieval splits the originals it stores into queryable units. */
export interface CompressorSpec {
  compress: Compressor;
  units?: UnitSplitter;
}

/** The one place where content kinds meet their compressors. Kinds without an entry pass through. */
export const compressors: Partial<Record<ContentKind, CompressorSpec>> = {
  code: codeCompressor,
  diff: { compress: compressDiff, units: diffUnits },
  html: { compress: compressHtml, units: htmlUnits },
  json: smartCrusher,
  log: { compress: compressLog, units: logUnits },
  search: { compress: compressSearch, units: searchUnits },
  table: { compress: compressTable, units: tableUnits },
  text: { compress: createTextCompressor(), units: sentenceUnits },
};

/** Unit splitters by stored kind, for query retrieval. */
export function unitSplitters(): Partial<Record<ContentKind, UnitSplitter>> {
  const out: Partial<Record<ContentKind, UnitSplitter>> = {};
  for (const [kind, spec] of Object.entries(compressors) as Array<[ContentKind, CompressorSpec]>) {
    if (spec.units) out[kind] = spec.units;
  }
  return out;
}
