import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;
const { AttributeType } = onnx.AttributeProto;

/** What the tiny model knows: words it keeps, words it drops; anything else is `[UNK]`, which it drops. */
export interface TinyKompressModelSpec {
  keep: readonly string[];
  drop: readonly string[];
  /** Which model files to write (default only `onnx/kompress-fp32.onnx`, so the int8-wo file is missing). */
  files?: readonly string[];
}

const SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'];
/** Hidden width of the tiny encoder; MatMulNBits needs a block of at least 16. */
const HIDDEN = 16;
/** Logits the model gives kept and dropped tokens: sigmoid(±4) ≈ 0.98 / 0.02. */
const KEEP_LOGIT = 4;

/**
 * Writes a tiny model with the Kompress contract — `input_ids`, `attention_mask` (int64 [batch, seq]) →
 * `final_scores` (float [batch, seq]) — and a WordPiece tokenizer into `dir`, laid out like the real model repo
 * (`onnx/*.onnx`, `tokenizer.json`, `tokenizer_config.json`). Words longer than 5 letters are split into
 * `##` sub-tokens so word-to-token mapping is exercised. `onnx/kompress-int8-wo.onnx`, when asked for, uses the
 * same `com.microsoft` MatMulNBits (8-bit, weight-only) op as the real file. For tests and the bench only.
 */
export function writeTinyKompressModel(dir: string, spec: TinyKompressModelSpec): void {
  const vocab = new Map<string, number>(SPECIALS.map((token, id) => [token, id]));
  const logits: number[] = SPECIALS.map(() => -KEEP_LOGIT);
  const add = (token: string, logit: number) => {
    if (vocab.has(token)) return;
    vocab.set(token, vocab.size);
    logits.push(logit);
  };
  for (const [words, logit] of [
    [spec.keep, KEEP_LOGIT],
    [spec.drop, -KEEP_LOGIT],
  ] as const) {
    for (const word of words) for (const piece of wordPieces(word.toLowerCase())) add(piece, logit);
  }
  for (const mark of '.,;:!?()"\'`-/'.split('')) add(mark, -KEEP_LOGIT);

  const files = spec.files ?? ['onnx/kompress-fp32.onnx'];
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  for (const file of files) {
    writeFileSync(join(dir, file), encodeGraph(logits, file === 'onnx/kompress-int8-wo.onnx'));
  }
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
  writeFileSync(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: 'PreTrainedTokenizerFast',
      model_max_length: 512,
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      pad_token: '[PAD]',
      unk_token: '[UNK]',
    }),
  );
}

/** Splits a word the way the tiny vocabulary stores it: 5-letter pieces, continuation pieces marked `##`. */
function wordPieces(word: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < word.length; i += 5)
    pieces.push((i === 0 ? '' : '##') + word.slice(i, i + 5));
  return pieces;
}

/**
 * Embedding (one logit per token in the first hidden unit) → projection to one unit (MatMul, or MatMulNBits
 * for the weight-only int8 file) → squeeze → sigmoid → times the attention mask.
 */
function encodeGraph(logits: readonly number[], weightOnlyInt8: boolean): Uint8Array {
  const embedding = logits.flatMap((logit) => [logit, ...new Array<number>(HIDDEN - 1).fill(0)]);
  const projection = weightOnlyInt8
    ? {
        node: {
          opType: 'MatMulNBits',
          domain: 'com.microsoft',
          input: ['hidden', 'proj_q', 'proj_scale'],
          output: ['projected'],
          attribute: [
            intAttr('K', HIDDEN),
            intAttr('N', 1),
            intAttr('bits', 8),
            intAttr('block_size', HIDDEN),
          ],
        },
        // w = (q - 128) · scale with scale 1/16: q = 144 encodes 1, q = 128 encodes 0.
        initializers: [
          {
            name: 'proj_q',
            dataType: DataType.UINT8,
            dims: [1, 1, HIDDEN],
            rawData: Uint8Array.from({ length: HIDDEN }, (_, k) => (k === 0 ? 144 : 128)),
          },
          { name: 'proj_scale', dataType: DataType.FLOAT, dims: [1], floatData: [1 / 16] },
        ],
      }
    : {
        node: { opType: 'MatMul', input: ['hidden', 'proj'], output: ['projected'] },
        initializers: [
          {
            name: 'proj',
            dataType: DataType.FLOAT,
            dims: [HIDDEN, 1],
            floatData: Array.from({ length: HIDDEN }, (_, k) => (k === 0 ? 1 : 0)),
          },
        ],
      };
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'headroom-tiny-kompress',
    opsetImport: [
      { domain: '', version: 17 },
      { domain: 'com.microsoft', version: 1 },
    ],
    graph: {
      name: 'tiny_kompress',
      initializer: [
        {
          name: 'embedding',
          dataType: DataType.FLOAT,
          dims: [logits.length, HIDDEN],
          floatData: embedding,
        },
        { name: 'last_axis', dataType: DataType.INT64, dims: [1], int64Data: [-1] },
        ...projection.initializers,
      ],
      node: [
        { opType: 'Gather', input: ['embedding', 'input_ids'], output: ['hidden'] },
        projection.node,
        { opType: 'Squeeze', input: ['projected', 'last_axis'], output: ['logits'] },
        { opType: 'Sigmoid', input: ['logits'], output: ['probabilities'] },
        {
          opType: 'Cast',
          input: ['attention_mask'],
          output: ['mask'],
          attribute: [intAttr('to', DataType.FLOAT)],
        },
        { opType: 'Mul', input: ['probabilities', 'mask'], output: ['final_scores'] },
      ],
      input: [
        tensorInfo('input_ids', DataType.INT64),
        tensorInfo('attention_mask', DataType.INT64),
      ],
      output: [tensorInfo('final_scores', DataType.FLOAT)],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

function intAttr(name: string, value: number) {
  return { name, type: AttributeType.INT, i: value };
}

function tensorInfo(name: string, elemType: number) {
  return {
    name,
    type: {
      tensorType: { elemType, shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'seq' }] } },
    },
  };
}

/** A BERT-style WordPiece tokenizer: lowercase, split on whitespace and punctuation, `[CLS] … [SEP]`. */
function tokenizerJson(vocab: ReadonlyMap<string, number>) {
  const special = (token: string) => ({ id: token, ids: [vocab.get(token)], tokens: [token] });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [],
      special_tokens: { '[CLS]': special('[CLS]'), '[SEP]': special('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab),
    },
  };
}
