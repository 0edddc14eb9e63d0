import {
  createTokenCounter,
  type CompressResult,
  type Headroom,
  type OpenAIMessage,
} from '@headroom/core/internal';
import { asRequest } from './as-messages.js';

/** One tool output compressed, with token counts of that text alone. */
export interface CompressedToolOutput {
  output: string;
  tokensBefore: number;
  tokensAfter: number;
  result: CompressResult<OpenAIMessage>;
}

/**
 * Compresses a raw tool output (what `headroom compress` reads and `headroom_compress` receives) as the
 * result of one tool call. Counts the text itself, not the user and assistant messages wrapped around it.
 */
export async function compressToolOutput(
  headroom: Pick<Headroom, 'compress'>,
  {
    text,
    model,
    query,
    fileName,
  }: { text: string; model?: string; query?: string; fileName?: string },
): Promise<CompressedToolOutput> {
  const request = asRequest(text, { shape: 'tool-output', fileName, query });
  // The user handed over this text to be compressed: nothing in it is "being edited".
  const result = await headroom.compress(request.messages as OpenAIMessage[], {
    model,
    query,
    protectRecent: 0,
  });
  const output = String(result.messages.at(-1)!.content);
  const counter = await createTokenCounter(model);
  return { output, tokensBefore: counter.count(text), tokensAfter: counter.count(output), result };
}
