import type { FailurePattern } from './find-patterns.js';

const START = '<!-- headroom:learn:start -->';
const END = '<!-- headroom:learn:end -->';

/** The marked section's body: a heading and one bullet per pattern, in the patterns' order. */
export function renderLearnings(
  patterns: readonly FailurePattern[],
  advice: readonly string[] = patterns.map((p) => p.advice),
): string {
  const lines = [
    '## Learned from past sessions (headroom learn)',
    '',
    'Recurring failures in this project and how to avoid them:',
    '',
  ];
  patterns.forEach((p, i) => {
    lines.push(
      `- ${advice[i] ?? p.advice} _(seen ${p.count}× in ${p.sessions} session${p.sessions === 1 ? '' : 's'})_`,
    );
    if (p.examples[0]) lines.push(`  - e.g. \`${p.examples[0].replaceAll('`', "'")}\``);
  });
  return lines.join('\n');
}

/**
 * The file with its marked section set to `body`: replaced in place when present, appended (after one
 * blank line) when not. Text outside the markers is kept byte for byte, so re-running changes nothing.
 */
export function withLearnings(file: string, body: string): string {
  const section = `${START}\n${body}\n${END}`;
  const start = file.indexOf(START);
  const end = file.indexOf(END, start);
  if (start !== -1 && end !== -1)
    return file.slice(0, start) + section + file.slice(end + END.length);
  if (file === '') return `${section}\n`;
  return `${file}${file.endsWith('\n') ? '' : '\n'}\n${section}\n`;
}
