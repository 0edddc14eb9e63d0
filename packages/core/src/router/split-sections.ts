/** A piece of a text that can be routed on its own; `lang` is set (maybe to '') for fenced code. */
export interface Section {
  text: string;
  /** Offset of `text` in the original string. */
  start: number;
  /** The fence's info word (`ts`, `python`, `diff`…) for the body of a fenced block; undefined for prose. */
  lang?: string;
}

// CommonMark fences: up to three spaces, then three or more backticks (no backtick in the info) or tildes.
const OPEN = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)[^`\n]*$/;

/**
 * Splits prose with fenced code blocks (``` or ~~~) into sections that can each be routed on their
 * own. Fence lines belong to no section, and whitespace-only sections are left out: replace each
 * section's range `[start, start + text.length)` and the fences and gaps around it stay as they were.
 * A fence that is never closed runs to the end of the text, as in CommonMark.
 */
export function splitSections(text: string): Section[] {
  const sections: Section[] = [];
  const push = (start: number, end: number, lang?: string) => {
    const body = text.slice(start, end);
    if (body.trim() === '') return;
    sections.push(lang === undefined ? { text: body, start } : { text: body, start, lang });
  };
  let prose = 0;
  let at = 0;
  while (at < text.length) {
    const lineEnd = endOfLine(text, at);
    const open = OPEN.exec(text.slice(at, lineEnd).replace(/\r$/, ''));
    const next = Math.min(text.length, lineEnd + 1);
    if (!open || isUnderline(text, at, open)) {
      at = next;
      continue;
    }
    const fence = open[1]!;
    const close = findClosing(text, next, fence);
    push(prose, at);
    push(next, close?.start ?? text.length, open[2] ?? '');
    if (!close) return sections;
    prose = at = close.end;
  }
  push(prose, text.length);
  return sections;
}

// reStructuredText underlines its headings with `~~~~`: a bare tilde line right under text is a heading.
function isUnderline(text: string, at: number, open: RegExpExecArray): boolean {
  if (!open[1]!.startsWith('~') || open[2] || at === 0) return false;
  const previousStart = text.lastIndexOf('\n', at - 2) + 1;
  return text.slice(previousStart, at).trim() !== '';
}

function findClosing(
  text: string,
  from: number,
  fence: string,
): { start: number; end: number } | undefined {
  const closing = new RegExp(
    `^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*\\r?$`,
  );
  for (let at = from; at < text.length; ) {
    const lineEnd = endOfLine(text, at);
    if (closing.test(text.slice(at, lineEnd)))
      return { start: at, end: Math.min(text.length, lineEnd + 1) };
    at = lineEnd + 1;
  }
  return undefined;
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}
