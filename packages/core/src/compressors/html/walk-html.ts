/** The events of {@link walkHtml}: htmlparser2's `onopentag`, `ontext` and `onclosetag`, as it calls them. */
export interface HtmlHandler {
  onopentag(name: string, attribs: Record<string, string>): void;
  /** Text in pieces; only their concatenation between two tag events is meaningful. */
  ontext(data: string): void;
  onclosetag(name: string): void;
}

/** Character references decoded as in text (legacy references without `;` too) and as in attribute values. */
export interface EntityDecoder {
  text(raw: string): string;
  attribute(raw: string): string;
}

/** Elements that never have a closing tag (what browsers treat as void, older names included). */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set(
  'area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(
    ' ',
  ),
);
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set('mi mo mn ms mtext annotation-xml foreignobject desc title'.split(' '));
const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const SECTION = new Set(['thead', 'tbody']);
const DDT = new Set(['dd', 'dt']);
const RTP = new Set(['rt', 'rp']);
/** An opening tag closes these elements when they are the innermost open one (htmlparser2's table). */
const IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM] as const),
  ...['dd', 'dt'].map((t) => [t, DDT] as const),
  ...['rt', 'rp'].map((t) => [t, RTP] as const),
  ...['tbody', 'tfoot'].map((t) => [t, SECTION] as const),
  ...'p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure footer form header hr main nav ol pre section table ul'
    .split(' ')
    .map((t) => [t, P] as const),
]);

const IS_VOID = 1;
const IS_FOREIGN = 2;
const IS_INTEGRATION = 4;
const CLOSES_OTHERS = 8;
/** The sets above a tag name belongs to, as bits: one lookup per tag instead of one per set. */
const TAG_FLAGS = new Map<string, number>();
for (const [names, flag] of [
  [VOID_ELEMENTS, IS_VOID],
  [FOREIGN, IS_FOREIGN],
  [INTEGRATION, IS_INTEGRATION],
  [IMPLIES_CLOSE.keys(), CLOSES_OTHERS],
] as const)
  for (const name of names) TAG_FLAGS.set(name, (TAG_FLAGS.get(name) ?? 0) | flag);

const hasOwn = Object.prototype.hasOwnProperty;

/** Space, tab, newline, form feed, carriage return: what ends a tag name in HTML's tokenizer. */
function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 12 || code === 13;
}

function isAlpha(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 97 && lower <= 122;
}

/**
 * Names most pages use, lowercase, bucketed by first letter and length: a name found here is compared in place and
 * shared, instead of sliced and lowercased into a new string that every Set lookup then hashes again.
 */
const COMMON_TAGS = buckets(
  'a abbr address article aside b blockquote body br button caption code col dd details dialog div dl dt em figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input kbd label li link main meta nav noscript ol option p path polygon pre script section select small source span strong style sub summary sup svg table tbody td template tfoot th thead title tr u ul',
);
const COMMON_ATTRIBUTES = buckets(
  'alt aria-hidden aria-label charset class content d fill fill-rule height hidden href id lang name points rel role src style target title type viewbox width',
);

function buckets(names: string): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const name of names.split(' ')) {
    const key = bucketKey(name.charCodeAt(0), name.length);
    map.set(key, [...(map.get(key) ?? []), name]);
  }
  return map;
}

function bucketKey(first: number, length: number): number {
  return (first | 0x20) * 64 + Math.min(length, 63);
}

/** `html.slice(start, end).toLowerCase()`, shared when it is one of `common`. */
function lowerName(
  html: string,
  start: number,
  end: number,
  common: Map<number, string[]>,
): string {
  const candidates = common.get(bucketKey(html.charCodeAt(start), end - start));
  if (candidates) for (const name of candidates) if (spells(html, start, name)) return name;
  return html.slice(start, end).toLowerCase();
}

/** Whether `html` at `at` spells lowercase `name` in any case of its ASCII letters (what toLowerCase would make). */
function spells(html: string, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = html.charCodeAt(at + i);
    const want = name.charCodeAt(i);
    if (code !== want && !(want >= 97 && want <= 122 && code === want - 32)) return false;
  }
  return true;
}

/**
 * The closing tag that ends raw text after the start tag `name`, as htmlparser2 matches it: a first letter picks
 * the sequence and the rest must follow it, so `<tmp>` waits for `</xmp` and `<xitle>` for `</title`.
 */
function rawTextEnd(name: string): string | undefined {
  if (name === 'script' || name === 'style') return name;
  const first = name.charCodeAt(0);
  if (first !== 116 && first !== 120) return undefined; // t, x
  const rest = name.slice(1);
  return rest === 'itle'
    ? 'title'
    : rest === 'extarea'
      ? 'textarea'
      : rest === 'mp'
        ? 'xmp'
        : undefined;
}

/** Whether an unfinished tag name at the end of the input is one htmlparser2 was still matching as raw-text. */
function isRawTextPrefix(partial: string): boolean {
  const name = partial.toLowerCase();
  if (name.length === 1) return name === 's' || name === 't' || name === 'x';
  for (const full of ['script', 'style', 'title', 'textarea', 'xmp']) {
    const first = full === 'title' || full === 'textarea' || full === 'xmp' ? 'tx' : 's';
    if (first.includes(name[0]!) && full.slice(1).startsWith(name.slice(1))) return true;
  }
  return false;
}

/**
 * Walks `html` calling `handler` as htmlparser2's Parser (HTML mode, entities decoded, names lowercased) would:
 * same implied closes, void and raw-text elements, comments, attribute rules and end-of-input quirks. One indexOf
 * scan per construct instead of a state per character, and a stack with its top at the end (htmlparser2 shifts
 * its front), so deep nesting stays linear.
 */
export function walkHtml(html: string, handler: HtmlHandler, decode: EntityDecoder): void {
  const n = html.length;
  const stack: string[] = [];
  const foreign: boolean[] = [false];
  let textStart = 0;
  let at = 0;

  const text = (start: number, end: number, decoded = true): void => {
    if (end <= start) return;
    const raw = html.slice(start, end);
    handler.ontext(decoded && raw.includes('&') ? decode.text(raw) : raw);
  };
  /** Opens `name` (closing what it implies) and returns its {@link TAG_FLAGS}. */
  const open = (name: string): number => {
    const flags = TAG_FLAGS.get(name) ?? 0;
    if (flags & CLOSES_OTHERS) {
      const closes = IMPLIES_CLOSE.get(name)!;
      while (stack.length > 0 && closes.has(stack[stack.length - 1]!))
        handler.onclosetag(stack.pop()!);
    }
    if (flags & IS_VOID) return flags;
    stack.push(name);
    if (flags & IS_FOREIGN) foreign.push(true);
    else if (flags & IS_INTEGRATION) foreign.push(false);
    return flags;
  };
  const close = (name: string): void => {
    const flags = TAG_FLAGS.get(name) ?? 0;
    if (flags & (IS_FOREIGN | IS_INTEGRATION)) foreign.pop();
    if (!(flags & IS_VOID)) {
      const pos = stack.lastIndexOf(name);
      if (pos !== -1) while (stack.length > pos) handler.onclosetag(stack.pop()!);
      else if (name === 'p') {
        open('p');
        handler.onopentag('p', {});
        stack.pop();
        handler.onclosetag('p');
      }
    } else if (name === 'br') {
      handler.onopentag('br', {});
      handler.onclosetag('br');
    }
  };
  /** After a closing tag's name at `from`: past its `>`, or -1 when the input ends first. */
  const skipToGt = (from: number): number => {
    const gt = html.charCodeAt(from) === 62 ? from : html.indexOf('>', from + 1);
    if (gt === -1) {
      // htmlparser2 then emits the slice from its cleared section start (-1): the last character.
      handler.ontext(html.slice(-1));
      return -1;
    }
    return gt + 1;
  };
  /** Raw text after a `script`, `style`, `title`… start tag ending at `from`, and its closing tag. */
  const rawText = (from: number, end: string): number => {
    let search = from;
    for (;;) {
      const lt = html.indexOf('<', search);
      const after = lt + 2 + end.length;
      if (lt === -1 || after >= n) {
        text(from, n, end === 'title');
        return -1;
      }
      if (html.charCodeAt(lt + 1) === 47 && matchesLower(html, lt + 2, end)) {
        const next = html.charCodeAt(after);
        if (next === 62 || isSpace(next)) {
          text(from, lt, end === 'title');
          close(lowerName(html, lt + 2, after, COMMON_TAGS));
          return skipToGt(after);
        }
      }
      search = lt + 1;
    }
  };
  /** A start tag at `lt`: past its `>`, or -1 when the input ends first. */
  const startTag = (lt: number): number => {
    let p = lt + 2;
    while (p < n && !isTagNameEnd(html.charCodeAt(p))) p++;
    if (p >= n) {
      if (isRawTextPrefix(html.slice(lt + 1))) handler.ontext(html.slice(lt + 1));
      return -1;
    }
    const name = lowerName(html, lt + 1, p, COMMON_TAGS);
    const flags = open(name);
    const attribs: Record<string, string> = {};
    for (;;) {
      while (p < n && isSpace(html.charCodeAt(p))) p++;
      if (p >= n) return -1;
      let code = html.charCodeAt(p);
      if (code === 62) {
        handler.onopentag(name, attribs);
        if (flags & IS_VOID) handler.onclosetag(name);
        const end = rawTextEnd(name);
        return end === undefined ? p + 1 : rawText(p + 1, end);
      }
      if (code === 47) {
        p++;
        while (p < n && isSpace(html.charCodeAt(p))) p++;
        if (p >= n) {
          handler.ontext(html.slice(-1));
          return -1;
        }
        if (html.charCodeAt(p) !== 62) continue;
        handler.onopentag(name, attribs);
        if (flags & IS_VOID) handler.onclosetag(name);
        if (foreign[foreign.length - 1] && stack[stack.length - 1] === name) {
          stack.pop();
          handler.onclosetag(name);
        }
        return p + 1;
      }
      // An attribute name: its first character may be anything that does not end it, `=` too.
      const nameStart = p;
      p++;
      while (p < n && !isAttributeNameEnd(html.charCodeAt(p))) p++;
      if (p >= n) return -1;
      const attribute = lowerName(html, nameStart, p, COMMON_ATTRIBUTES);
      while (p < n && isSpace((code = html.charCodeAt(p)))) p++;
      if (p >= n) return -1;
      if (code !== 61) {
        if (!hasOwn.call(attribs, attribute)) attribs[attribute] = '';
        continue;
      }
      p++;
      while (p < n && isSpace(html.charCodeAt(p))) p++;
      if (p >= n) return -1;
      code = html.charCodeAt(p);
      let value: string;
      if (code === 34 || code === 39) {
        const quote = html.indexOf(code === 34 ? '"' : "'", p + 1);
        if (quote === -1) return -1;
        value = html.slice(p + 1, quote);
        p = quote + 1;
      } else {
        const start = p;
        while (p < n && (code = html.charCodeAt(p)) !== 62 && !isSpace(code)) p++;
        if (p >= n) return -1;
        value = html.slice(start, p);
      }
      if (!hasOwn.call(attribs, attribute))
        attribs[attribute] = value.includes('&') ? decode.attribute(value) : value;
    }
  };
  /** A closing tag at `lt`: past its `>`, -1 when the input ends first, or `-2 - lt` when `</>` is text. */
  const endTag = (lt: number): number => {
    let p = lt + 2;
    while (p < n && isSpace(html.charCodeAt(p))) p++;
    if (p >= n) {
      handler.ontext(html.slice(lt));
      return -1;
    }
    const code = html.charCodeAt(p);
    if (code === 62) return -2 - p;
    if (!isAlpha(code)) return declarationEnd(p + 1, p);
    const nameStart = p;
    let c = code;
    while (p < n && c !== 62 && !isSpace(c)) c = html.charCodeAt(++p);
    if (p >= n) return -1;
    close(lowerName(html, nameStart, p, COMMON_TAGS));
    return skipToGt(p);
  };
  /** Past the first `>` from `from`; at the end of the input, what is left from `section` is text. */
  const declarationEnd = (from: number, section: number): number => {
    const gt = html.indexOf('>', from);
    if (gt === -1) {
      if (section < n) handler.ontext(html.slice(section));
      return -1;
    }
    return gt + 1;
  };
  /** `<!…`: a comment, CDATA (a comment in HTML) or a declaration. */
  const bang = (lt: number): number => {
    const a = lt + 2;
    if (a >= n) return -1;
    const code = html.charCodeAt(a);
    if (code === 91) {
      for (let k = 0; k < CDATA.length; k++) {
        if (a + 1 + k >= n) {
          handler.ontext(html.slice(a));
          return -1;
        }
        if (html.charCodeAt(a + 1 + k) !== CDATA.charCodeAt(k)) return declarationEnd(a + 1 + k, a);
      }
      const end = html.indexOf(']]>', a + 1 + CDATA.length);
      return end === -1 ? -1 : end + 3;
    }
    if (code !== 45) return declarationEnd(a + 1, a);
    if (a + 1 >= n) {
      handler.ontext(html.slice(a));
      return -1;
    }
    if (html.charCodeAt(a + 1) !== 45) return declarationEnd(a + 2, a);
    // `<!-->` and `<!--->` are whole comments: the tokenizer starts as if it had seen `--`.
    const body = a + 2;
    if (html.charCodeAt(body) === 62) return body + 1;
    if (html.charCodeAt(body) === 45 && html.charCodeAt(body + 1) === 62) return body + 2;
    const end = html.indexOf('-->', body);
    return end === -1 ? -1 : end + 3;
  };

  while (at < n) {
    const lt = html.indexOf('<', at);
    if (lt === -1 || lt + 1 >= n) break;
    const code = html.charCodeAt(lt + 1);
    const tag = isAlpha(code) || code === 47 || code === 33 || code === 63; // a letter / ! ?
    if (!tag) {
      at = lt + 1;
      continue;
    }
    text(textStart, lt);
    const next = isAlpha(code)
      ? startTag(lt)
      : code === 47
        ? endTag(lt)
        : code === 33
          ? bang(lt)
          : declarationEnd(lt + 2, lt + 2);
    if (next === -1) {
      textStart = at = n;
      break;
    }
    if (next < -1) {
      // `</>`: no tag; its characters stay in the text.
      textStart = lt;
      at = -2 - next + 1;
      continue;
    }
    textStart = at = next;
  }
  text(textStart, n);
  for (let i = stack.length - 1; i >= 0; i--) handler.onclosetag(stack[i]!);
}

const CDATA = 'CDATA[';

function isTagNameEnd(code: number): boolean {
  return code === 47 || code === 62 || isSpace(code);
}

function isAttributeNameEnd(code: number): boolean {
  return code === 61 || isTagNameEnd(code);
}

/** Whether `html` at `at` spells `word` (lowercase ASCII) in any case, as the tokenizer compares (`c | 0x20`). */
export function matchesLower(html: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++)
    if ((html.charCodeAt(at + i) | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}
