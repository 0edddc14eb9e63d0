import type { JsonNode } from './json-node.js';

/** An item's leaves by dotted path, as the analysis reads them (a `Map` is one). */
export interface ItemFields extends Iterable<[string, JsonNode]> {
  get(path: string): JsonNode | undefined;
  has(path: string): boolean;
  values(): Iterable<JsonNode>;
}

/**
 * The fields of a flat row (scalar values, distinct keys) read from its own entries: `columns` maps
 * each key to its entry and is shared by every row of one layout. A table of 100k rows then builds
 * no `Map` per row; a class, so that rows share its methods instead of holding closures.
 */
export class RowFields implements ItemFields {
  readonly #entries: ReadonlyArray<[string, JsonNode]>;
  readonly #columns: ReadonlyMap<string, number>;

  constructor(entries: ReadonlyArray<[string, JsonNode]>, columns: ReadonlyMap<string, number>) {
    this.#entries = entries;
    this.#columns = columns;
  }

  get(path: string): JsonNode | undefined {
    const column = this.#columns.get(path);
    return column === undefined ? undefined : this.#entries[column]![1];
  }

  has(path: string): boolean {
    return this.#columns.has(path);
  }

  values(): Iterable<JsonNode> {
    return this.#entries.map((entry) => entry[1]);
  }

  [Symbol.iterator](): Iterator<[string, JsonNode]> {
    return this.#entries[Symbol.iterator]();
  }
}
