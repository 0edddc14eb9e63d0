import type { UnitSplitter } from '../../types.js';
import { parseTable } from './parse-table.js';

/** Retrieval units of a stored table: its rows as written (lines, when it no longer parses as a table). */
export const tableUnits: UnitSplitter = (original) =>
  parseTable(original)?.rawRows ?? original.split('\n').filter((line) => line.trim() !== '');
