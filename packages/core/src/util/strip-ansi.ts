// Terminal colour and cursor codes, which build tools and test runners write around their keywords.
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** A line without its terminal colour and cursor codes. */
export function stripAnsi(line: string): string {
  return line.includes('\u001b') ? line.replace(ANSI, '') : line;
}
