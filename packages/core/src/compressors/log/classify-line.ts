/** Severity of a log line, most severe first. `none` when the line names no level. */
export type LogLevel = 'fatal' | 'error' | 'fail' | 'warn' | 'info' | 'debug' | 'trace' | 'none';

const KEYWORD_LEVELS: Record<string, LogLevel> = {};
for (const [level, words] of [
  ['fatal', 'FATAL fatal Fatal CRITICAL critical Critical CRIT PANIC panic EMERG ALERT'],
  ['error', 'ERROR error Error ERR'],
  ['fail', 'FAIL FAILED fail failed Fail Failed FAILURE failure Failure'],
  ['warn', 'WARN WARNING warn warning Warn Warning'],
  ['info', 'INFO info Info NOTICE notice Notice'],
  ['debug', 'DEBUG debug Debug'],
  ['trace', 'TRACE trace Trace VERBOSE'],
] as const) {
  for (const word of words.split(' ')) KEYWORD_LEVELS[word] = level;
}
// Not followed by `(`: `new Error(…)`, `log.warn(…)` are code quoted in the log, not its level.
const KEYWORD = new RegExp(
  `(?<![A-Za-z0-9_])(${Object.keys(KEYWORD_LEVELS).join('|')})(?![A-Za-z0-9_(])`,
);

// Android logcat: `03-17 16:13:38.811  1702  2395 D Tag: …`, the level is one letter.
const LOGCAT = /^\d\d-\d\d \d\d:\d\d:\d\d\.\d+\s+\d+\s+\d+\s+([VDIWEF])\s/;
const LOGCAT_LEVELS: Record<string, LogLevel> = {
  V: 'trace',
  D: 'debug',
  I: 'info',
  W: 'warn',
  E: 'error',
  F: 'fatal',
};

/** The level a line declares: a logcat letter or the leftmost level keyword, as a log line puts it first. */
export function lineLevel(line: string): LogLevel {
  const logcat = LOGCAT.exec(line);
  if (logcat) return LOGCAT_LEVELS[logcat[1] as string] ?? 'none';
  const match = KEYWORD.exec(line);
  return match ? (KEYWORD_LEVELS[match[1] as string] ?? 'none') : 'none';
}

/**
 * The message of a line: what follows its level (`… RAS KERNEL FATAL data TLB error` → ` data TLB error`),
 * so errors are told apart by what they say, not by the tags and ids in front. The whole line when it names no level.
 */
export function lineMessage(line: string): string {
  const logcat = LOGCAT.exec(line);
  if (logcat) return line.slice(logcat[0].length);
  const match = KEYWORD.exec(line);
  return match ? line.slice(match.index + match[0].length) : line;
}

const ERROR_WORDS =
  /(?<![A-Za-z0-9-])(?:error|errors|exception|failed|failure|fatal|panic|panicked|traceback|segfault|denied|refused|timed out|timeout|abort(?:ed)?|crash(?:ed)?)(?![a-z(-])/i;
// `IOException`, `TypeError`: case matters, or a package named `liberror-perl` would be an error.
const ERROR_TYPE = /[A-Za-z0-9](?:Exception|Error)\b/;

/**
 * True when a line talks about a failure whatever level it declares (`INFO … failed to connect`);
 * not inside a hyphenated name (`libgpg-error-dev`) nor as a call in quoted code (`new Error(…)`).
 */
export function hasErrorWord(line: string): boolean {
  return ERROR_WORDS.test(line) || ERROR_TYPE.test(line);
}

/** True for levels whose every distinct message is kept. */
export function isImportantLevel(level: LogLevel): boolean {
  return level === 'fatal' || level === 'error' || level === 'fail' || level === 'warn';
}

const SUMMARY = [
  /^\s*(?:={3,}|-{3,})[^=-]*[A-Za-z]/, // pytest / unittest section rules with a title
  /^\s*\d+ (?:passed|failed|skipped|errors?|warnings?|passing|failing|pending|tests?)\b/i,
  /^\s*(?:Tests?|Test Suites|Test Files|Suites?|Snapshots|Duration|Time|Ran)\s*:?\s+\d/,
  /^\s*(?:TOTAL|Total|Summary|SUMMARY)\b/,
  /^\s*test result: /, // cargo
  /^\s*ℹ (?:tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) \d/, // node --test
  /^\s*(?:Build|BUILD|Compile|Compilation|Test|Tests)\b.*\b(?:succeeded|SUCCEEDED|SUCCESS|successful|failed|FAILED|FAILURE|complete|completed)\b/,
  /^(?:ok|FAIL|PASS)\s+\S+\s+[\d.]+s\b/, // go test package lines
  /^\s*(?:OK|FAILED)(?: \(.*\))?\s*$/, // unittest
  /\b(?:exit(?:ed)? (?:with )?(?:code|status)|exit code|Process finished with)\b/i,
  /^\s*(?:npm ERR!|error Command failed|make(?:\[\d+\])?: \*\*\*)/,
  /^\s*Finished\b.*\btarget\(s\) in\b/, // cargo build
];

/** Test-runner and build summary lines: counts, final status, exit codes. */
export function isSummaryLine(line: string): boolean {
  return SUMMARY.some((pattern) => pattern.test(line));
}

const TEST_FAILURE = [
  /^\s*(?:FAIL|FAILED|ERROR)\b[\s:]+\S/, // jest `FAIL src/x.test.ts`, pytest `FAILED tests/x.py::test_y`
  /^\s*(?:✕|✗|×|✖)\s+\S/, // jest / vitest / mocha failure ticks
  /^\s*--- FAIL: \S/, // go test
  /^\s*test \S+ \.\.\. FAILED\b/, // cargo test
  /::\S+ FAILED\b/, // pytest -v
];

/** A line naming one failing test; each is kept verbatim because the names differ in what matters. */
export function isTestFailureLine(line: string): boolean {
  return TEST_FAILURE.some((pattern) => pattern.test(line));
}
