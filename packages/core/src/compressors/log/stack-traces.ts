/** A stack trace in a log: lines `start`..`end` inclusive; `start` is its message line when there is one. */
export interface TraceBlock {
  start: number;
  end: number;
}

const PY_START = /Traceback \(most recent call last\)/;
const PY_CHAIN =
  /^(?:During handling of the above exception|The above exception was the direct cause)/;
const PY_FILE = /^\s+File ".*", line \d+/;
const AT_FRAME = /^\s+at\s+\S/; // JVM, JavaScript, .NET
const JVM_CONTINUATION =
  /^\s*(?:\.\.\. \d+ (?:more|common frames omitted)|Caused by: |Suppressed: )/;
const GO_START = /^goroutine \d+ \[/;
const GO_HEADER = /^(?:panic: |fatal error: )/;
const RUST_START = /^\s*stack backtrace:/;
const RUST_FRAME = /^\s+\d+:\s+\S|^\s+at \S+:\d+(?::\d+)?\s*$/;
const RUST_HEADER = /panicked at /;

const blank = (line: string | undefined): boolean => line === undefined || line.trim() === '';
const indented = (line: string): boolean => /^\s/.test(line) && line.trim() !== '';

/**
 * Finds Python, JVM/JavaScript, Go and Rust stack traces. Each block includes the message line
 * before the frames (`java.lang.X: msg`, `TypeError: …`, `panic: …`) and Python's closing exception line.
 */
export function findStackTraces(lines: readonly string[]): TraceBlock[] {
  const blocks: TraceBlock[] = [];
  let floor = 0; // first line a new block may claim as its header
  let i = 0;
  while (i < lines.length) {
    const found = traceAt(lines, i, floor);
    if (!found) {
      i++;
      continue;
    }
    blocks.push(found);
    floor = found.end + 1;
    i = found.end + 1;
  }
  return blocks;
}

function traceAt(lines: readonly string[], i: number, floor: number): TraceBlock | undefined {
  const line = lines[i] as string;
  if (PY_START.test(line)) return { start: i, end: pythonEnd(lines, i + 1) };
  if (PY_FILE.test(line))
    return { start: headerBefore(lines, i, floor), end: pythonEnd(lines, i + 1) };
  if (AT_FRAME.test(line)) {
    let j = i + 1;
    while (
      j < lines.length &&
      (AT_FRAME.test(lines[j] as string) || JVM_CONTINUATION.test(lines[j] as string))
    )
      j++;
    return { start: headerBefore(lines, i, floor), end: j - 1 };
  }
  if (GO_START.test(line)) {
    let j = i + 1;
    while (j < lines.length && !blank(lines[j])) j++;
    return { start: lookBack(lines, i, floor, GO_HEADER), end: j - 1 };
  }
  if (RUST_START.test(line)) {
    let j = i + 1;
    while (j < lines.length && RUST_FRAME.test(lines[j] as string)) j++;
    return { start: lookBack(lines, i, floor, RUST_HEADER), end: j - 1 };
  }
  return undefined;
}

/** Python frames are indented; the first unindented line after them is the exception, and ends the trace. */
function pythonEnd(lines: readonly string[], from: number): number {
  let j = from;
  while (j < lines.length && (indented(lines[j] as string) || PY_CHAIN.test(lines[j] as string)))
    j++;
  return j < lines.length && !blank(lines[j]) ? j : j - 1;
}

/** The message line just above the first frame, unless it is blank or belongs to an earlier block. */
function headerBefore(lines: readonly string[], i: number, floor: number): number {
  return i - 1 >= floor && !blank(lines[i - 1]) ? i - 1 : i;
}

/** The nearest line within three above `i` that matches `header` (Go and Rust put a blank line or two between). */
function lookBack(lines: readonly string[], i: number, floor: number, header: RegExp): number {
  for (let j = i - 1; j >= Math.max(floor, i - 3); j--)
    if (header.test(lines[j] as string)) return j;
  return i;
}

/**
 * A frame in the language runtime or its standard library (`node:internal/…`, `java.base/…`,
 * `<frozen importlib…>`, Go's `runtime/`, Rust's `std::`): the same under every trace, rarely where
 * the bug is. Frames of the application and its dependencies do not match.
 */
const RUNTIME_FRAME =
  /^\s*at (?:.*\()?(?:node:|internal\/)|^\s*at (?:java|javax|jdk|sun|com\.sun|kotlin|scala|System|Microsoft)\.|File "<frozen |File ".*\/lib\/python\d[\d.]*\/(?!site-packages)|^\s*(?:runtime|runtime\/\w+)\.\w|\/usr\/(?:local\/)?go\/src\/|^\s*\d+:\s+(?:std|core|alloc)::|\/rustc\/[0-9a-f]+\//;

/** Whether a frame line is the runtime's own (see {@link RUNTIME_FRAME}). */
export function isRuntimeFrame(line: string): boolean {
  return RUNTIME_FRAME.test(line);
}
