import type { Sample } from '../sample.js';
import { lineShape, type LineShape } from './line-shape.js';

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
// A timestamp at the start of the line (optionally bracketed): ISO and slashed dates, syslog, Apache,
// logcat `03-17 16:13:38.811`, HDFS `081109 203615`, bare clock times, epoch seconds, logfmt `time=`.
const TIMESTAMP = new RegExp(
  [
    String.raw`^\[?\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T\s]|$)`,
    String.raw`^\[?\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}[\s,T]+\d{1,2}:\d{2}`,
    String.raw`^\[?\d{2}-\d{2}\s+\d{2}:\d{2}:\d{2}`,
    String.raw`^\[?\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b`,
    String.raw`^\[?(?:${DAY},?\s+)?${MONTH}\s+\d{1,2}\s+(?:\d{4}\s+)?\d{2}:\d{2}`,
    String.raw`^\[?\d{2}${MONTH}\d{4}|^\[?\d{1,2}/${MONTH}/\d{4}`,
    String.raw`^\d{6}\s\d{6}\s`,
    String.raw`^\[?\d{10}(?:\.\d+)?\]?\s`,
    String.raw`^(?:time|ts|timestamp)=`,
  ].join('|'),
);
// Bare level words count only in upper case (code says `Level.INFO`, `log.info(`, `error` as a type);
// bracketed and key=value forms count in any case (Apache `[error]`, logfmt `level=warn`).
const LEVEL_WORD =
  /(?:^|[\s[(|<])(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|CRIT|SEVERE|PANIC|ALERT|EMERG)(?=[\s\]):|>,]|$)/;
const LEVEL_TAG =
  /\[(?:trace|debug|info|notice|warn|warning|error|fatal|crit|critical|alert|emerg)\]|\blevel=\w+|"level":\s*"\w+"/i;
const ERROR =
  /(?:^|[\s[(|<])(?:ERROR|ERR|FATAL|CRITICAL|CRIT|SEVERE|PANIC|ALERT|EMERG)(?=[\s\]):|>,]|$)|\[(?:error|fatal|crit|critical|alert|emerg)\]|level=(?:error|fatal|crit|critical|panic)\b|(?:^|:\s)error(?:\[\w+\])?:|\berror [A-Z]+\d+:|^npm (?:ERR!|error)|\bFAIL(?:ED)?\b|^(?:[\w$]+\.)*\w*(?:Error|Exception)(?::\s|$)/;
// Stack frames and exception headers of Java, JS, Python, Go and Rust.
const FRAME =
  /^\s+at [\w.$<>[\]/ ]+\(.*\)$|^\s+at (?:async )?\S+:\d+:\d+\)?$|^\s*File ".+", line \d+|^Traceback \(most recent call last\)|^\s*\.\.\. \d+ more$|^Caused by: |^goroutine \d+ \[|^\s+\/\S+\.go:\d+ \+0x|^thread '.+' panicked at|^stack backtrace:|^(?:[\w$]+\.)*\w*(?:Error|Exception)(?::\s|$)/;
// Build tools, compilers and test runners: cargo/rustc, gcc/clang, tsc, javac, make, npm, maven/gradle,
// pytest, jest/vitest, mocha, go test, docker.
const BUILD = new RegExp(
  [
    String.raw`^\s*(?:Compiling|Finished|Running|Checking|Downloaded|Downloading|Updating|Fresh|Blocking|Locking|Documenting|Doc-tests)\s+\S`,
    String.raw`^(?:error|warning)(?:\[[A-Z]?\d+\])?: `,
    String.raw`^\s+--> \S+:\d+:\d+`,
    String.raw`^\S+:\d+(?::\d+)?: (?:fatal error|error|warning|note):`,
    String.raw`^\S+\(\d+,\d+\): (?:error|warning) [A-Z]+\d+`,
    String.raw`:\d+:\d+ - (?:error|warning) [A-Z]+\d+`,
    String.raw`^In file included from |^\S+: In (?:function|member function|instantiation) |^collect2: |^make(?:\[\d+\])?: `,
    String.raw`^\d+ (?:errors?|warnings?)(?: generated)?\.?$`,
    String.raw`^npm (?:ERR!|WARN|error|warn|notice|info|http)|^yarn (?:error|warn)|^ERR_PNPM_`,
    String.raw`BUILD (?:SUCCESS|SUCCESSFUL|FAILED|FAILURE)|^> Task :|Tests run: \d+, Failures: `,
    String.raw`^(?:PASS|FAIL)\s|^--- (?:PASS|FAIL|SKIP):|^=== (?:RUN|PAUSE|CONT)\s|^ok\s+\S+\s+[\d.]+s|^FAIL\t`,
    String.raw`\b(?:PASSED|FAILED|SKIPPED|XFAIL|XPASS)\b|^={3,} .+ ={3,}$|^_{3,} .+ _{3,}$|^E\s{2,}\S|^collected \d+ items`,
    String.raw`^\s*(?:Test Files|Tests|Test Suites|Snapshots|Start at|Duration)\s+\d|^\s*(?:Test Files|Tests|Test Suites):?\s+\d+ (?:passed|failed)`,
    String.raw`^\s*[✓✔✗✘×√❯]\s|⎯{3,}|^\s*\d+ (?:passing|failing|pending)\b`,
    String.raw`^Step \d+/\d+ :|^#\d+ \[|^#\d+ (?:DONE|CACHED|ERROR)`,
    // Source excerpts under diagnostics (rustc, gcc, vitest gutters; caret lines), pytest's `>` and locations.
    String.raw`^(?:\s+\d*|\s*\d+)\s*\|(?:\s|$)|^\s+= (?:help|note):|^(?:help|note): |^\s+::: \S+:\d+|^\s*\^[\^~]*\s*$`,
    // Installer and build progress: dpkg's `Unpacking x (1.2) ...`, `Setting up x ...`, `Building wheel ... done`.
    String.raw`\S(?: \.\.\.|…)(?: ?(?:done|ok|\d+%))?\.?$`,
    String.raw`^>\s{3,}\S|\[\s*\d+%\]$|^\S+:\d+: (?:in \S+|[\w.]*(?:Error|Exception|Failed)\w*)?\s*$`,
  ].join('|'),
);

/**
 * How sure we are that the sample is a log or build/test output: the best of what its lines say (levels,
 * timestamps, frames, runner lines) and what their shape says (time-like fields, one repeated layout).
 */
export function logConfidence(sample: Sample, shape: LineShape = lineShape(sample)): number {
  return Math.max(signalConfidence(sample), shapeConfidence(shape));
}

/**
 * Any line-oriented record stream is a log, whatever its format: most lines carry a time-like token in
 * their first fields (after a file name, an id, a host…), or one tag followed by a level word. Unless
 * sentences dominate, which is prose that happens to mention times.
 */
export function shapeConfidence(shape: LineShape): number {
  if (shape.lines < 2 || shape.sentences >= 0.5) return 0;
  if (shape.timed >= 0.5) return Math.min(1, 0.5 + 0.4 * shape.timed + 0.1 * shape.layout);
  if (shape.tagged >= 0.6) return 0.55 + 0.3 * shape.tagged;
  // Multi-line records: a timestamped line, then `Key: value` lines, then the next record.
  if (shape.timed >= 0.25 && shape.timed + shape.keyed >= 0.9) return 0.5 + 0.2 * shape.timed;
  return 0;
}

function signalConfidence(sample: Sample): number {
  let counted = 0;
  let signals = 0;
  let errors = 0;
  for (const line of sample.nonEmpty) {
    // Separator rules carry no evidence either way (logs and markdown both have them).
    if (/^\s*(?:[=\-*_~#]\s*){3,}$/.test(line)) continue;
    counted++;
    if (ERROR.test(line)) {
      signals++;
      errors++;
    } else if (
      TIMESTAMP.test(line) ||
      LEVEL_WORD.test(line) ||
      LEVEL_TAG.test(line) ||
      FRAME.test(line) ||
      BUILD.test(line)
    ) {
      signals++;
    }
  }
  if (counted === 0) return 0;
  const ratio = signals / counted;
  if (ratio >= 0.3) return Math.min(1, 0.5 + 0.5 * ratio + 0.02 * errors);
  return ratio >= 0.1 && errors >= 3 ? 0.55 : 0;
}
