import { findVolatileValues, type VolatileKind } from './volatile-values.js';

/** A volatile value replaced by a placeholder in the system prompt and listed in the dynamic block. */
export interface MovedValue {
  placeholder: string;
  kind: VolatileKind;
  value: string;
}

/** The system texts with volatile values replaced, and what was moved. */
export interface MovedVolatile {
  texts: string[];
  moved: MovedValue[];
  /** Indexes of texts left as they were because they already contain placeholder-like strings. */
  skipped: number[];
}

const PLACEHOLDER = /\[\[[a-z_]+_\d+\]\]/;
const BLOCK_OPEN = '<headroom-dynamic-context>';
const BLOCK_CLOSE = '</headroom-dynamic-context>';

/**
 * Replaces the volatile values of system texts with placeholders (`[[timestamp_1]]`), numbered per
 * kind in order of appearance, so the texts stay byte-identical while only the values change.
 * The same value gets the same placeholder everywhere. A text that already contains something
 * shaped like a placeholder is left alone, since the rewrite could not be undone unambiguously.
 */
export function moveVolatileValues(texts: readonly string[]): MovedVolatile {
  const moved: MovedValue[] = [];
  const byValue = new Map<string, MovedValue>();
  const perKind = new Map<VolatileKind, number>();
  const skipped: number[] = [];
  const out = texts.map((text, index) => {
    const values = findVolatileValues(text);
    if (values.length === 0) return text;
    if (PLACEHOLDER.test(text)) {
      skipped.push(index);
      return text;
    }
    let result = '';
    let at = 0;
    for (const { kind, value, start, end } of values) {
      let entry = byValue.get(`${kind}\u0000${value}`);
      if (!entry) {
        const n = (perKind.get(kind) ?? 0) + 1;
        perKind.set(kind, n);
        entry = { placeholder: `[[${kind}_${n}]]`, kind, value };
        byValue.set(`${kind}\u0000${value}`, entry);
        moved.push(entry);
      }
      result += text.slice(at, start) + entry.placeholder;
      at = end;
    }
    return result + text.slice(at);
  });
  return { texts: out, moved, skipped };
}

/** The short block appended at the end of the request that gives the placeholders their values. */
export function formatDynamicBlock(moved: readonly MovedValue[]): string {
  const lines = moved.map(({ placeholder, value }) => `${placeholder} = ${value}`);
  return [
    BLOCK_OPEN,
    'Current values of the placeholders in the system prompt:',
    ...lines,
    BLOCK_CLOSE,
  ].join('\n');
}

/** True for text produced by {@link formatDynamicBlock}. */
export function isDynamicBlock(text: string): boolean {
  return text.startsWith(BLOCK_OPEN) && text.trimEnd().endsWith(BLOCK_CLOSE);
}

/** Puts the moved values back into rewritten text: the inverse of {@link moveVolatileValues}. */
export function restoreVolatileValues(text: string, moved: readonly MovedValue[]): string {
  const values = new Map(moved.map((entry) => [entry.placeholder, entry.value]));
  return text.replace(
    /\[\[[a-z_]+_\d+\]\]/g,
    (placeholder) => values.get(placeholder) ?? placeholder,
  );
}
