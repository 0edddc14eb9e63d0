import fc from 'fast-check';

/** Runs of one character class at sizes that make naive scanners or tokenizers super-linear. */
const RUN_UNITS = [
  'a',
  ' ',
  '\t',
  '\n',
  '.',
  ',',
  '{',
  '}',
  '[',
  ']',
  '(',
  '"',
  '\\',
  '<',
  '>',
  '/',
  '-',
  '=',
  '#',
  '0',
  '9',
  '🚀',
  '👩\u200d💻',
  'é',
  'e\u0301\u0302',
  '\u0000',
  '\u0007',
  '\uFFFD',
  '\uD800',
  '\uDFFF',
  'の',
  'Ω',
  '<<ccr:0123456789abcdef01234567 ',
  '<|endoftext|>',
  '<div>',
  'session id ',
  'ERROR ',
  'a.b:12:',
  '@@ -1 +1 @@\n',
];

/** Every adversarial unit repeated to about `chars` characters: the deterministic worst cases. */
export function adversarialRuns(chars: number): string[] {
  return RUN_UNITS.map((unit) => unit.repeat(Math.ceil(chars / unit.length)));
}

/** A run of one adversarial unit, repeated up to `max` times. */
export function adversarialRun(max = 20_000): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...RUN_UNITS), fc.integer({ min: 1, max }))
    .map(([unit, n]) => unit.repeat(n));
}

const LEVELS = ['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR', 'FATAL'];

/** Log lines with a shared shape and some variety, so the log compressor (not prose) takes them. */
export function logLines(): fc.Arbitrary<string[]> {
  return fc.array(
    fc
      .tuple(
        fc.integer({ min: 0, max: 86_399 }),
        fc.constantFrom(...LEVELS),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 9999 }),
      )
      .map(
        ([second, level, template, value]) =>
          `2026-11-30T${String(Math.floor(second / 3600)).padStart(2, '0')}:${String(Math.floor(second / 60) % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}Z ${level} worker-${template % 7} event ${template} value=${value}`,
      ),
    { minLength: 60, maxLength: 600 },
  );
}

/** Arrays of records, a few of them errors: SmartCrusher's main case. */
export function recordArray(): fc.Arbitrary<unknown[]> {
  return fc.array(
    fc.record({
      id: fc.integer({ min: 0, max: 1_000_000 }),
      status: fc.constantFrom('ok', 'ok', 'ok', 'error'),
      message: fc.constantFrom(
        'served',
        'cache hit',
        'timeout after 30000ms',
        'connection refused',
        '🚀 deployed',
      ),
      latency: fc.double({ min: 0, max: 5000, noNaN: true }),
    }),
    { minLength: 30, maxLength: 400 },
  );
}

/** Lines of grep output over a few files. */
export function searchLines(): fc.Arbitrary<string[]> {
  return fc.array(
    fc
      .tuple(
        fc.constantFrom('src/a.ts', 'src/b/c.go', 'lib/d.py', 'C:\\w\\e.java'),
        fc.integer({ min: 1, max: 5000 }),
        fc.string({ maxLength: 60 }),
      )
      .map(([path, line, text]) => `${path}:${line}:${text.replace(/\n/g, ' ')}`),
    { minLength: 40, maxLength: 400 },
  );
}

/** Tool outputs of every kind, each possibly spliced with an adversarial run at a random place. */
export function toolOutput(): fc.Arbitrary<string> {
  const base = fc.oneof(
    logLines().map((lines) => lines.join('\n')),
    recordArray().map((records) => JSON.stringify(records, null, 2)),
    searchLines().map((lines) => lines.join('\n')),
    fc
      .array(fc.lorem({ maxCount: 30, mode: 'sentences' }), { minLength: 20, maxLength: 80 })
      .map((p) => p.join('\n\n')),
    fc
      .array(fc.lorem({ maxCount: 12 }), { minLength: 20, maxLength: 80 })
      .map((rows) => `<html><body>${rows.map((r) => `<p>${r}</p>`).join('')}</body></html>`),
    fc
      .array(fc.tuple(fc.integer(), fc.lorem({ maxCount: 3 }), fc.double({ noNaN: true })), {
        minLength: 30,
        maxLength: 300,
      })
      .map((rows) => `id,name,score\n${rows.map(([a, b, c]) => `${a},${b},${c}`).join('\n')}`),
    adversarialRun(),
  );
  return fc
    .tuple(
      base,
      fc.option(adversarialRun(5_000), { nil: undefined }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    )
    .map(([text, run, at]) => {
      if (run === undefined) return text;
      const cut = Math.floor(text.length * at);
      return `${text.slice(0, cut)}${run}${text.slice(cut)}`;
    });
}
