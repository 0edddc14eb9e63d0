import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findMarkerKeys } from '../../../ccr/marker.js';
import { retrieve } from '../../../test-utils/retrieve.js';
import { createTestContext } from '../../../test-utils/compressor-context.js';
import { createTextCompressor } from '../text-compressor.js';
import { compressWithKompress } from './kompress.js';
import { loadKompressModel } from './load-model.js';
// The tiny ONNX model writer is a dev tool of the bench, which uses it too.
import { writeTinyKompressModel } from '../../../../../../bench/src/kompress/tiny-model.js';

const KEEP = [
  'deploy',
  'database',
  'migration',
  'rollback',
  'replica',
  'latency',
  'unbelievably',
  'checkpoint',
  'incident',
];
const DROP = [
  'the',
  'a',
  'of',
  'to',
  'and',
  'was',
  'we',
  'then',
  'very',
  'really',
  'it',
  'is',
  'that',
  'after',
];
const MUST_KEEP = [
  '8080',
  '/etc/nginx/nginx.conf',
  'https://status.example.com/incidents/42',
  '--dry-run',
  'MAX_RETRIES',
  'replicaSetName',
  'shard_id',
  '0xdeadbeef',
  '"connection refused"',
];

const root = mkdtempSync(join(tmpdir(), 'kompress-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A model directory like the real repo; only the files asked for exist. */
function modelDir(
  name: string,
  files?: Parameters<typeof writeTinyKompressModel>[1]['files'],
): string {
  const dir = join(root, name);
  writeTinyKompressModel(dir, { keep: KEEP, drop: DROP, files });
  return dir;
}

const prose = [
  'We then really deploy the database migration after the incident.',
  `The replica was very slow and the latency of it was unbelievably high on port ${MUST_KEEP[0]}.`,
  `It is the checkpoint that we edit in ${MUST_KEEP[1]} and we link ${MUST_KEEP[2]} to the rollback.`,
  `Then we run it with ${MUST_KEEP[3]} and set ${MUST_KEEP[4]} and ${MUST_KEEP[5]} and ${MUST_KEEP[6]}.`,
  `The error was ${MUST_KEEP[7]} and it said ${MUST_KEEP[8]} to the replica.`,
].join(' ');

describe('Kompress on a tiny model with the real contract', () => {
  const fp32Only = modelDir('fp32-only');

  it('loads the first model file that exists, with the tokenizer from the same directory', async () => {
    const model = await loadKompressModel({ model: fp32Only });
    expect(model.file).toBe('onnx/kompress-fp32.onnx');
    expect(model.source).toBe(fp32Only);
    expect(model.runtime).toMatch(/^onnxruntime-node \d+\.\d+/);
    expect(model.prefix).toEqual([2]); // [CLS]
    expect(model.suffix).toEqual([3]); // [SEP]
    expect(model.encodeWord('unbelievably').length).toBe(3); // unbel ##ievab ##ly
  });

  it('finds a hub id in the Hugging Face hub cache, as huggingface_hub lays it out', async () => {
    const cache = join(root, 'hf-hub');
    const repo = join(cache, 'models--headroom-test--tiny-kompress');
    writeTinyKompressModel(join(repo, 'snapshots', 'abc123'), { keep: KEEP, drop: DROP });
    mkdirSync(join(repo, 'refs'));
    writeFileSync(join(repo, 'refs', 'main'), 'abc123\n');
    const previous = process.env.HF_HUB_CACHE;
    process.env.HF_HUB_CACHE = cache;
    try {
      const model = await loadKompressModel({ model: 'headroom-test/tiny-kompress' });
      expect(model.source).toBe(join(repo, 'snapshots', 'abc123'));
      expect(model.file).toBe('onnx/kompress-fp32.onnx');
    } finally {
      if (previous === undefined) delete process.env.HF_HUB_CACHE;
      else process.env.HF_HUB_CACHE = previous;
    }
  });

  it('prefers the weight-only int8 file, whose MatMulNBits op the runtime runs', async () => {
    const dir = modelDir('all-files', [
      'onnx/kompress-int8-wo.onnx',
      'onnx/kompress-fp32.onnx',
      'onnx/kompress-int8.onnx',
    ]);
    const model = await loadKompressModel({ model: dir });
    expect(model.file).toBe('onnx/kompress-int8-wo.onnx');
    const deploy = model.encodeWord('deploy');
    const the = model.encodeWord('the');
    const scores = await model.score([...model.prefix, ...deploy, ...the, ...model.suffix]);
    const at = model.prefix.length;
    for (let i = 0; i < deploy.length; i += 1) expect(scores[at + i]).toBeGreaterThan(0.9);
    expect(scores[at + deploy.length]).toBeLessThan(0.1);
  });

  it('keeps the words the model scores above the threshold plus every must-keep word, and stashes the original', async () => {
    const { ctx, stashed } = await createTestContext();
    const result = await createTextCompressor({ kompress: { model: fp32Only } }).compress(
      prose,
      ctx,
    );
    expect(result.strategy).toBe('kompress');
    const [key] = findMarkerKeys(result.text);
    expect(stashed.get(key!)?.original).toBe(prose);
    const body = result.text.slice(0, result.text.indexOf('<<ccr:'));
    for (const word of [
      'deploy',
      'database',
      'migration',
      'incident',
      'replica',
      'latency',
      'unbelievably',
      'checkpoint',
      'rollback',
    ]) {
      expect(body).toContain(word);
    }
    for (const fact of MUST_KEEP) expect(body).toContain(fact);
    // Dropped words are gone, as whole words.
    expect(body.split(/\s+/)).not.toContain('the');
    expect(body.split(/\s+/)).not.toContain('very');
    expect(result.text).toMatch(/\d+ of \d+ words omitted by Kompress/);
  });

  it('scores every word of long text: chunks close before 350 words or 512 tokens', async () => {
    // 1,200 words, every word 3 sub-tokens long: without chunking, words past the first 170 would go unseen.
    const filler = Array.from({ length: 400 }, () => 'unbelievably the a').join(' ');
    const text = `${filler} checkpoint ${filler} rollback`;
    const model = await loadKompressModel({ model: fp32Only });
    const seen: number[] = [];
    const counting = {
      ...model,
      score: (ids: readonly number[]) => {
        seen.push(ids.length);
        return model.score(ids);
      },
    };
    const output = await compressWithKompress(text, (await createTestContext()).ctx, counting);
    expect(Math.max(...seen)).toBeLessThanOrEqual(512);
    expect(output).toContain('checkpoint');
    expect(output.slice(0, output.indexOf('<<ccr:')).trimEnd().endsWith('rollback')).toBe(true);
    expect(output.match(/unbelievably/g)).toHaveLength(800);
  });

  it('with a target ratio keeps the best-scoring share of words', async () => {
    const text = 'deploy the a of database to and migration was we';
    const output = await createTextCompressor({
      kompress: { model: fp32Only, targetRatio: 0.3 },
    }).compress(text, (await createTestContext()).ctx);
    expect(output.text.split('\n\n')[0]).toBe('deploy database migration');
  });

  it('leaves texts over maxWords to the extractive fallback, which bounds model time', async () => {
    const text = Array.from(
      { length: 12 },
      (_, i) => `The checkpoint ${i} was restored after the incident number ${i}.`,
    ).join(' ');
    const result = await createTextCompressor({
      kompress: { model: fp32Only, maxWords: 50 },
    }).compress(text, (await createTestContext()).ctx);
    expect(result.strategy).toBe('kompress:too_long');
    expect(result.text).toMatch(/sentences omitted/);
  });

  it('rejects target ratios outside (0, 1] when created', () => {
    expect(() => createTextCompressor({ targetRatio: 0 })).toThrow(
      expect.objectContaining({ code: 'config_error' }),
    );
    expect(() => createTextCompressor({ kompress: { targetRatio: 1.5 } })).toThrow(
      expect.objectContaining({ code: 'config_error' }),
    );
  });

  it('is deterministic', async () => {
    const { compress } = createTextCompressor({ kompress: { model: fp32Only } });
    const first = await compress(prose, (await createTestContext()).ctx);
    const second = await compress(prose, (await createTestContext()).ctx);
    expect(second.text).toBe(first.text);
  });

  it('stores the original so retrieve with a query returns the matching sentences', async () => {
    const { ctx, store } = await createTestContext();
    const result = await createTextCompressor({ kompress: { model: fp32Only } }).compress(
      prose,
      ctx,
    );
    const [key] = findMarkerKeys(result.text);
    const found = await retrieve(store, key!, { query: 'nginx checkpoint' });
    expect(found.content).toBe(
      `It is the checkpoint that we edit in ${MUST_KEEP[1]} and we link ${MUST_KEEP[2]} to the rollback.`,
    );
  });
});

describe('Kompress when the model is missing', () => {
  it('rejects with model_unavailable naming where it looked', async () => {
    const empty = join(root, 'empty');
    const error = await loadKompressModel({ model: empty }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'model_unavailable' });
    expect(String((error as Error).message)).toContain(empty);
  });

  it('runs the extractive fallback, says so in the strategy, and keeps every must-keep fact retained or recoverable', async () => {
    const filler = Array.from(
      { length: 10 },
      (_, i) => `Meanwhile the team talked about topic ${i % 3} at some length here.`,
    );
    const text = [prose, ...filler].join(' ');
    const { ctx, store } = await createTestContext();
    const withMissingModel = await createTextCompressor({
      kompress: { model: join(root, 'no-such-model') },
    }).compress(text, ctx);
    const extractive = await createTextCompressor().compress(text, (await createTestContext()).ctx);
    expect(withMissingModel.strategy).toBe('kompress:fallback');
    expect(extractive.strategy).toBe('extractive');
    expect(withMissingModel.text).toBe(extractive.text);
    const [key] = findMarkerKeys(withMissingModel.text);
    for (const fact of MUST_KEEP) {
      if (withMissingModel.text.includes(fact)) continue;
      expect((await retrieve(store, key!, { query: fact })).content, fact).toContain(fact);
    }
  });

  it('falls back when the directory has a tokenizer but no model file', async () => {
    const dir = modelDir('tokenizer-only', []);
    const error = await loadKompressModel({ model: dir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'model_unavailable' });
    expect(String((error as Error).message)).toContain('onnx/kompress-int8-wo.onnx');
    expect(String((error as Error).message)).toContain('onnx/kompress-int8.onnx');
  });
});
