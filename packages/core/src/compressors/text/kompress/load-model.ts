import type * as Transformers from '@huggingface/transformers';
import { HeadroomError } from '../../../errors/headroom-error.js';
import { platform } from '#platform';
import {
  DEFAULT_KOMPRESS_MODEL,
  DEFAULT_KOMPRESS_TOKENIZER,
  KOMPRESS_MODEL_FILES,
  type KompressOptions,
} from './options.js';

/** A loaded Kompress model: its tokenizer's view of words and the ONNX session's keep scores. */
export interface KompressModel {
  /** Where the model was loaded from and which file, e.g. `onnx/kompress-fp32.onnx`. */
  source: string;
  file: string;
  /** The ONNX runtime transformers.js runs it on, e.g. `onnxruntime-node 1.30.0`. */
  runtime: string;
  /** Token ids of one word on its own, without special tokens (how pre-split words are tokenized). */
  encodeWord(word: string): number[];
  /** The special tokens the tokenizer puts before and after a sequence (`[CLS]` … `[SEP]`). */
  prefix: readonly number[];
  suffix: readonly number[];
  /** Keep probability of every token of one sequence (`final_scores` for `input_ids` with a full attention mask). */
  score(ids: readonly number[]): Promise<Float32Array>;
}

// Held in a variable so bundlers don't try to resolve the optional peer dependency when Kompress is off.
const TRANSFORMERS = '@huggingface/transformers';
const loaded = new Map<string, Promise<KompressModel>>();

/**
 * Loads the Kompress model once per configuration (later calls share the same promise, failures included).
 * Rejects with a `model_unavailable` HeadroomError when the package, the files or the runtime are missing;
 * call it at startup to warm the model up or to see why the extractive fallback is running.
 */
export function loadKompressModel(options: KompressOptions = {}): Promise<KompressModel> {
  const key = JSON.stringify([options.model, options.tokenizer, options.allowRemote]);
  let promise = loaded.get(key);
  if (!promise) {
    promise = load(options);
    promise.catch(() => undefined); // a failed load is an answer too; callers see it when they await
    loaded.set(key, promise);
  }
  return promise;
}

async function load(options: KompressOptions): Promise<KompressModel> {
  const model = options.model ?? DEFAULT_KOMPRESS_MODEL;
  const source = locate(model);
  const local = { local_files_only: !options.allowRemote };
  let transformers: typeof Transformers;
  try {
    transformers = (await import(
      /* webpackIgnore: true */ /* @vite-ignore */ TRANSFORMERS
    )) as typeof Transformers;
  } catch (cause) {
    throw unavailable(
      `${TRANSFORMERS} is not installed (it is an optional peer dependency of @headroom/core)`,
      cause,
    );
  }

  const tokenizerSources = options.tokenizer
    ? [locate(options.tokenizer)]
    : [source, locate(DEFAULT_KOMPRESS_TOKENIZER)];
  const tokenizer = await firstOf(
    tokenizerSources,
    (from) => transformers.AutoTokenizer.from_pretrained(from, local),
    'tokenizer',
  );
  const { value: session, from: file } = await firstOf(
    KOMPRESS_MODEL_FILES,
    (path) =>
      transformers.AutoModel.from_pretrained(source, {
        ...local,
        // The graph is a ModernBERT encoder with a custom head; no config.json is needed to run it.
        config: { model_type: 'modernbert' } as unknown as Transformers.PretrainedConfig,
        subfolder: path.slice(0, path.lastIndexOf('/')),
        model_file_name: path.slice(path.lastIndexOf('/') + 1, -'.onnx'.length),
        dtype: 'fp32',
        device: 'cpu',
      }),
    `model (${model})`,
  );
  const { inputNames, outputNames } = session.sessions.model as {
    inputNames: string[];
    outputNames: string[];
  };
  if (!inputNames.includes('input_ids') || !outputNames.includes('final_scores')) {
    throw unavailable(
      `${source}/${file} is not a Kompress model: inputs [${inputNames}], outputs [${outputNames}]`,
    );
  }

  const { prefix, suffix } = specialTokens((text, special) =>
    tokenizer.value.encode(text, { add_special_tokens: special }),
  );
  const versions =
    (transformers.env.backends.onnx as { versions?: Record<string, string> }).versions ?? {};
  return {
    source,
    file,
    runtime: versions.node
      ? `onnxruntime-node ${versions.node}`
      : `onnxruntime-web ${versions.web ?? versions.common ?? ''}`.trim(),
    prefix,
    suffix,
    encodeWord: (word) => tokenizer.value.encode(word, { add_special_tokens: false }),
    async score(ids) {
      const shape = [1, ids.length];
      const inputs: Record<string, Transformers.Tensor> = {
        input_ids: new transformers.Tensor('int64', BigInt64Array.from(ids, BigInt), shape),
      };
      if (inputNames.includes('attention_mask'))
        inputs.attention_mask = new transformers.Tensor(
          'int64',
          new BigInt64Array(ids.length).fill(1n),
          shape,
        );
      const output = (await session(inputs)) as Record<string, Transformers.Tensor>;
      const scores = output.final_scores;
      if (!scores || scores.size !== ids.length)
        throw unavailable(
          `${file} returned ${scores?.dims ?? 'no'} final_scores for ${ids.length} tokens`,
        );
      return Float32Array.from(scores.data as ArrayLike<number>);
    },
  };
}

/** A local directory stays as is; a hub id becomes its HF hub cache snapshot when one exists. */
function locate(modelOrPath: string): string {
  const isPath =
    /^(\/|\.{1,2}[\\/]|[A-Za-z]:[\\/])/.test(modelOrPath) || modelOrPath.split('/').length > 2;
  return isPath ? modelOrPath : (platform.findHubSnapshot?.(modelOrPath) ?? modelOrPath);
}

/** Tries each candidate in order and returns the first that loads, or one error naming every failure. */
async function firstOf<C extends string, T>(
  candidates: readonly C[],
  attempt: (candidate: C) => Promise<T>,
  what: string,
): Promise<{ value: T; from: C }> {
  const failures: string[] = [];
  for (const candidate of candidates) {
    try {
      return { value: await attempt(candidate), from: candidate };
    } catch (error) {
      failures.push(`${candidate}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw unavailable(`could not load the Kompress ${what}; tried ${failures.join('; ')}`);
}

/** The ids the tokenizer adds around any text, found by encoding one word with and without them. */
function specialTokens(encode: (text: string, special: boolean) => number[]): {
  prefix: number[];
  suffix: number[];
} {
  const bare = encode('a', false);
  const full = encode('a', true);
  for (let at = 0; at + bare.length <= full.length; at += 1) {
    if (bare.every((id, i) => full[at + i] === id))
      return { prefix: full.slice(0, at), suffix: full.slice(at + bare.length) };
  }
  return { prefix: [], suffix: [] };
}

function unavailable(message: string, cause?: unknown): HeadroomError {
  return new HeadroomError({ code: 'model_unavailable', message, cause });
}
