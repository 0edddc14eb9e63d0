import type { ContentKind, Detection, DetectionHints } from '../types.js';
import { codeGuess } from './detectors/code.js';
import { diffConfidence } from './detectors/diff.js';
import { htmlConfidence } from './detectors/html.js';
import { lineShape } from './detectors/line-shape.js';
import { jsonConfidence } from './detectors/json.js';
import { logConfidence } from './detectors/log.js';
import { searchConfidence } from './detectors/search.js';
import { searchJsonConfidence } from './detectors/search-json.js';
import { searchJsonLinesConfidence } from './detectors/search-json-lines.js';
import { tableConfidence } from './detectors/table.js';
import { fileKind, type FileKind } from './file-kind.js';
import { takeSample, type Sample } from './sample.js';
import { splitSections } from './split-sections.js';

/**
 * Decides what kind of content a text is, looking at a bounded head of it (64 KB, 500 lines) so a
 * 50 MB tool result costs no more than a small one. Detectors run in a fixed order and the first
 * confident one wins; a file name from the tool call settles code and steers json/md/log/csv/html.
 */
export function detectContent(text: string, hints: DetectionHints = {}): Detection {
  const json = jsonConfidence(text);
  if (json >= 0.5) {
    // Code-search hits are search results whatever prints them: grep lines or JSON objects.
    const search = searchJsonConfidence(text);
    return search >= 0.6
      ? { kind: 'search', confidence: search, scores: { json, search } }
      : { kind: 'json', confidence: json };
  }
  const sample = takeSample(text);
  if (sample.nonEmpty.length === 0) return { kind: 'text', confidence: 0.5 };
  if (looksBinary(sample.head)) return { kind: 'text', confidence: 1, binary: true };
  const named = hints.fileName ? fileKind(hints.fileName) : undefined;
  return (named && fromFileName(sample, named)) ?? fromContent(sample);
}

// A grep or diff scoped to a file names that file too, so output that is plainly one of those keeps its
// kind; otherwise the name decides (a file read is code even when it is short on signatures).
function fromFileName(sample: Sample, named: FileKind): Detection | undefined {
  const diff = diffConfidence(sample);
  if (diff >= 0.7) return { kind: 'diff', confidence: diff };
  const search = searchConfidence(sample);
  if (search >= 0.6) return { kind: 'search', confidence: search };
  switch (named.kind) {
    case 'code':
      return {
        kind: 'code',
        language: named.language,
        confidence: Math.max(0.9, codeGuess(sample)?.confidence ?? 0),
      };
    case 'table': {
      const table = tableConfidence(sample);
      return table >= 0.6 ? { kind: 'table', confidence: table } : undefined;
    }
    case 'log':
      return { kind: 'log', confidence: Math.max(0.8, logConfidence(sample)) };
    case 'html':
      return { kind: 'html', confidence: Math.max(0.8, htmlConfidence(sample)) };
    case 'text':
      return { kind: 'text', confidence: 0.8 };
    default:
      // A .json name whose content does not parse (comments, a cut-off read) says nothing more.
      return undefined;
  }
}

function fromContent(sample: Sample): Detection {
  const shape = lineShape(sample);
  const code = codeGuess(sample);
  const scores: Partial<Record<ContentKind, number>> = {
    diff: diffConfidence(sample),
    html: htmlConfidence(sample),
    // grep-style lines, or hits printed one JSON object a line (`rg --json`).
    search: Math.max(searchConfidence(sample), searchJsonLinesConfidence(sample)),
    table: tableConfidence(sample),
    log: logConfidence(sample, shape),
    code: code?.confidence ?? 0,
    text: round(shape.sentences),
  };
  for (const kind of Object.keys(scores) as ContentKind[]) scores[kind] = round(scores[kind]!);
  const decide = (kind: ContentKind, confidence: number): Detection =>
    kind === 'code' && code
      ? { kind, language: code.language, confidence, scores }
      : { kind, confidence, scores };
  const { diff = 0, html = 0, search = 0, table = 0, log = 0 } = scores;
  if (diff >= 0.7) return decide('diff', diff);
  // Prose with fenced blocks is mixed: it stays text here and is split into sections before routing.
  // (After diffs, whose context lines may hold a fence; before HTML, which a fence may quote.)
  if (splitSections(sample.head).some((section) => section.lang !== undefined))
    return decide('text', 0.6);
  if (html >= 0.7) return decide('html', html);
  if (search >= 0.6) return decide('search', search);
  // A CSV with a header row is a data file even when its rows start with timestamps like a log's.
  if (table >= 0.9) return decide('table', table);
  if (log >= 0.5) return decide('log', log);
  if (table >= 0.6) return decide('table', table);
  if (code && code.confidence >= 0.6) return decide('code', code.confidence);
  return decide('text', 0.5);
}

const round = (n: number): number => Math.round(n * 100) / 100;

// NUL bytes, or a high share of control characters and U+FFFD (what invalid UTF-8 decodes to, as a
// PNG or a gzip read as text does): decoded binary, which no compressor should touch.
// Escape (27) does not count: coloured terminal output is full of it.
function looksBinary(head: string): boolean {
  const probe = head.length > 4096 ? head.slice(0, 4096) : head;
  let junk = 0;
  for (let i = 0; i < probe.length; i++) {
    const code = probe.charCodeAt(i);
    if (code === 0) return true;
    if (
      (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12 && code !== 27) ||
      code === 0xfffd
    )
      junk++;
  }
  return junk > probe.length * 0.1;
}
