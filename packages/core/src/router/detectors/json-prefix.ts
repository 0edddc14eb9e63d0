type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';

const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const OPEN_STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{0,4})?)*$/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

/**
 * True when `text[start, start + limit)` is a valid beginning of one JSON document: the grammar is
 * checked token by token with an explicit stack (no recursion, so no depth limit), and a token cut
 * by the window's end counts as valid. Lets the router accept huge JSON without parsing it twice.
 */
export function isJsonPrefix(text: string, start: number, limit: number): boolean {
  const window = text.slice(start, start + limit);
  const cut = start + limit < text.length;
  const stack: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  while (i < window.length) {
    const c = window[i]!;
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') {
      i++;
      continue;
    }
    if (expect === 'end') return false;
    if (expect === 'colon') {
      if (c !== ':') return false;
      expect = 'value';
      i++;
      continue;
    }
    if (expect === 'commaOrClose' || expect === 'valueOrClose' || expect === 'keyOrClose') {
      const top = stack[stack.length - 1];
      if (
        (c === ']' && top === '[' && expect !== 'keyOrClose') ||
        (c === '}' && top === '{' && expect !== 'valueOrClose')
      ) {
        stack.pop();
        expect = stack.length === 0 ? 'end' : 'commaOrClose';
        i++;
        continue;
      }
      if (expect === 'commaOrClose') {
        if (c !== ',') return false;
        expect = top === '{' ? 'key' : 'value';
        i++;
        continue;
      }
      expect = expect === 'keyOrClose' ? 'key' : 'value';
    }
    if (expect === 'key') {
      const end = matchString(window, i, cut);
      if (end < 0) return false;
      i = end;
      expect = 'colon';
      continue;
    }
    // expect === 'value'
    if (c === '[' || c === '{') {
      stack.push(c);
      expect = c === '[' ? 'valueOrClose' : 'keyOrClose';
      i++;
      continue;
    }
    const end = c === '"' ? matchString(window, i, cut) : matchScalar(window, i, cut);
    if (end < 0) return false;
    i = end;
    expect = stack.length === 0 ? 'end' : 'commaOrClose';
  }
  return cut || expect === 'end';
}

/** End index of the string at `i`, or -1; a string running into the window's end is fine when cut. */
function matchString(window: string, i: number, cut: boolean): number {
  STRING.lastIndex = i;
  if (STRING.test(window)) return STRING.lastIndex;
  OPEN_STRING.lastIndex = i;
  return cut && OPEN_STRING.test(window) ? window.length : -1;
}

function matchScalar(window: string, i: number, cut: boolean): number {
  const rest = window.length - i;
  // The window's end may fall inside the last token: a fragment of a number or literal is fine then.
  if (
    cut &&
    rest <= 24 &&
    /^[-+.\deE]+$|^t(?:r(?:ue?)?)?$|^f(?:a(?:l(?:se?)?)?)?$|^n(?:u(?:ll?)?)?$/.test(window.slice(i))
  ) {
    return window.length;
  }
  NUMBER.lastIndex = i;
  if (NUMBER.test(window)) return NUMBER.lastIndex;
  for (const literal of LITERALS) if (window.startsWith(literal, i)) return i + literal.length;
  return -1;
}
