import type { JsonNode } from './json-node.js';

/** Containers nested deeper than this are kept as their original text. */
export const MAX_DEPTH = 50;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const CONTROL = /[\u0000-\u001f]/;

class ParseFailure extends Error {}

/**
 * Strict JSON parser into {@link JsonNode}s, or `undefined` for anything that is not valid JSON.
 * Recursion stops at `maxDepth`: deeper containers are validated and kept as raw text, so
 * pathological nesting can neither overflow the stack nor be rewritten.
 */
export function parseJson(text: string, maxDepth = MAX_DEPTH): JsonNode | undefined {
  const parser = new Parser(text, maxDepth);
  try {
    const node = parser.value(0);
    parser.skipSpace();
    return parser.pos === text.length ? node : undefined;
  } catch {
    // ParseFailure, or a RangeError from validating pathological nesting: either way not ours to touch.
    return undefined;
  }
}

class Parser {
  pos = 0;
  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  skipSpace(): void {
    const { text } = this;
    let pos = this.pos;
    // Bounded by the length: a read past the end deoptimized the parser on every document's last space.
    for (; pos < text.length; pos++) {
      const c = text.charCodeAt(pos);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
    }
    this.pos = pos;
  }

  value(depth: number): JsonNode {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{' || c === '[') {
      if (depth > this.maxDepth) return this.raw();
      return c === '{' ? this.object(depth) : this.array(depth);
    }
    if (c === '"') return { t: 'string', v: this.string() };
    if (this.text.startsWith('true', this.pos)) return this.literal(4, { t: 'boolean', v: true });
    if (this.text.startsWith('false', this.pos)) return this.literal(5, { t: 'boolean', v: false });
    if (this.text.startsWith('null', this.pos)) return this.literal(4, { t: 'null', v: null });
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) throw new ParseFailure();
    this.pos += match[0].length;
    return { t: 'number', v: Number(match[0]), raw: match[0] };
  }

  private literal(length: number, node: JsonNode): JsonNode {
    this.pos += length;
    return node;
  }

  private object(depth: number): JsonNode {
    this.pos++;
    const entries: Array<[string, JsonNode]> = [];
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { t: 'object', entries };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') throw new ParseFailure();
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos++] !== ':') throw new ParseFailure();
      entries.push([key, this.value(depth + 1)]);
      this.skipSpace();
      const next = this.text[this.pos++];
      if (next === '}') return { t: 'object', entries };
      if (next !== ',') throw new ParseFailure();
    }
  }

  private array(depth: number): JsonNode {
    this.pos++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { t: 'array', items };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.pos++];
      if (next === ']') return { t: 'array', items };
      if (next !== ',') throw new ParseFailure();
    }
  }

  /** Decoded string at `pos`; strings without escapes are sliced, the rest decoded by the engine. */
  private string(): string {
    const start = this.pos;
    const end = this.stringEnd(start);
    this.pos = end + 1;
    const body = this.text.slice(start + 1, end);
    if (CONTROL.test(body)) throw new ParseFailure();
    return body.includes('\\') ? (JSON.parse(this.text.slice(start, end + 1)) as string) : body;
  }

  /** Index of the quote closing the string that opens at `start`. */
  private stringEnd(start: number): number {
    let at = start + 1;
    for (;;) {
      const quote = this.text.indexOf('"', at);
      if (quote < 0) throw new ParseFailure();
      let slashes = 0;
      while (this.text.charCodeAt(quote - 1 - slashes) === 92) slashes++;
      if (slashes % 2 === 0) return quote;
      at = quote + 1;
    }
  }

  /** A container too deep to walk: find its end by bracket counting, validate it, keep its text. */
  private raw(): JsonNode {
    const start = this.pos;
    let open = 0;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) throw new ParseFailure();
      if (c === '"') {
        this.pos = this.stringEnd(this.pos) + 1;
        continue;
      }
      this.pos++;
      if (c === '{' || c === '[') open++;
      else if ((c === '}' || c === ']') && --open === 0) break;
    }
    const text = this.text.slice(start, this.pos);
    JSON.parse(text);
    return { t: 'raw', text };
  }
}
