/** How Kompress finds and runs its model. Everything is optional; the defaults are the reference model's. */
export interface KompressOptions {
  /** Hugging Face model id or a local directory laid out like the model repo. Default `chopratejas/kompress-v2-base`. */
  model?: string;
  /**
   * Where the tokenizer comes from when the model directory has none (id or directory).
   * Default: the model's own files, then `answerdotai/ModernBERT-base`.
   */
  tokenizer?: string;
  /** A word is kept when any of its sub-tokens scores above this. Default 0.5. */
  threshold?: number;
  /** When set (0..1), keep this share of words, best-scoring first, instead of using the threshold. */
  targetRatio?: number;
  /** Longer texts go to the extractive fallback instead (strategy `kompress:too_long`), bounding model time. Default 10,000. */
  maxWords?: number;
  /**
   * Allow downloading the model (about 260 MB) from the Hugging Face hub on first use.
   * Default false: only a local directory, the HF hub cache or transformers.js's own cache are used.
   */
  allowRemote?: boolean;
}

/** The reference model, a ModernBERT encoder with a keep/discard head exported to ONNX. */
export const DEFAULT_KOMPRESS_MODEL = 'chopratejas/kompress-v2-base';
/** The reference model's tokenizer, for model directories that ship without one. */
export const DEFAULT_KOMPRESS_TOKENIZER = 'answerdotai/ModernBERT-base';
/** The model files, tried in this order (weight-only int8 is the smallest and uses `com.microsoft` MatMulNBits). */
export const KOMPRESS_MODEL_FILES = [
  'onnx/kompress-int8-wo.onnx',
  'onnx/kompress-fp32.onnx',
  'onnx/kompress-int8.onnx',
] as const;
