import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { byCodeUnit } from '../order.js';

/** Kinds of large tool output the scaling table grows. */
export type ScaleKind = 'logs' | 'json' | 'code';

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir)
    .sort(byCodeUnit)
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? files(path, keep) : keep(entry) ? [path] : [];
    });
}

/** Real material repeated up to `bytes`; each repetition numbered so that no two are byte-identical. */
function grow(unit: (round: number) => string, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let round = 0; size < bytes; round++) {
    const part = unit(round);
    parts.push(part);
    size += part.length;
  }
  return parts.join('').slice(0, bytes);
}

/**
 * `bytes` characters of one kind of tool output built from the corpora: loghub lines (every log in
 * turn), a JSON array of records made of those lines, or the Python sources of requests.
 */
export function scaleInput(dataDir: string, kind: ScaleKind, bytes: number): string {
  const logLines = files(join(dataDir, 'logs'), (name) => name.endsWith('.log')).flatMap((path) =>
    readFileSync(path, 'utf8').split('\n').filter(Boolean),
  );
  if (kind === 'logs')
    return grow((round) => `${logLines.map((line) => `${line} seq=${round}`).join('\n')}\n`, bytes);
  if (kind === 'json') {
    let id = 0;
    const records = (round: number): string[] =>
      logLines.map((line) =>
        JSON.stringify({
          id: id++,
          round,
          level: /error|fail|fatal/i.test(line) ? 'error' : 'info',
          message: line,
        }),
      );
    const body = grow((round) => `${records(round).join(',')},`, bytes - 2);
    return `[${body.slice(0, body.lastIndexOf('},') + 1)}]`;
  }
  // Python: concatenated modules are still one valid module, as a large generated or bundled file would be.
  const sources = files(join(dataDir, 'code', 'python'), (name) => name.endsWith('.py')).map(
    (path) => readFileSync(path, 'utf8'),
  );
  return grow((round) => sources.map((source) => `# copy ${round}\n${source}`).join('\n'), bytes);
}
