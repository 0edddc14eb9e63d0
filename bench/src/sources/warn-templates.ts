// Level words as logs write them, found independently of core's classifier: bare, bracketed, Apache's
// `[module:level]`, logfmt and pino JSON.
const WARN_PLUS =
  /(?:^|[\s[(|:<])(?:WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|CRIT|SEVERE|EMERG|ALERT|PANIC|Warning|Error|Fatal)(?=[\s\]):|>,]|$)|\[(?:\w+:)?(?:warn|warning|error|crit|alert|emerg|fatal)\]|level=(?:warn|warning|error|fatal)\b|"level":(?:40|50|60)\b/;
// Ids, numbers, paths, key=value pairs: what one message template varies in.
const VARIABLE = /\S*[\d\-_./:=@<>#'"()[\]{}]\S*/g;
const REPEATS = / \(×\d+(?:, last [^)]*)?\)$/;

/** The template of a WARN+ line: the plain words after its level word; undefined for other lines. */
function warnTemplate(line: string): string | undefined {
  const match = WARN_PLUS.exec(line);
  if (!match) return undefined;
  return line
    .slice(match.index + match[0].length)
    .replace(REPEATS, '')
    .replace(VARIABLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Distinct WARN/ERROR/FATAL templates of a log, and how many of them a compressed version still shows. */
export function warnTemplatesVisible(
  original: string,
  compressed: string,
): { total: number; visible: number } {
  const collect = (text: string) =>
    new Set(text.split('\n').flatMap((line) => warnTemplate(line) ?? []));
  const wanted = collect(original);
  const shown = collect(compressed);
  let visible = 0;
  for (const template of wanted) if (shown.has(template)) visible++;
  return { total: wanted.size, visible };
}
