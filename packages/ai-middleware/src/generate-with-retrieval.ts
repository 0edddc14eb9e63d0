import type {
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3GenerateResult,
} from '@ai-sdk/provider';
import { nextRound } from './next-round.js';
import {
  inlineAnswer,
  isRetrieveCall,
  roundLimitReason,
  type RetrievalContext,
} from './retrieval-round.js';
import { addUsage } from './usage.js';

type Generate = (options: LanguageModelV3CallOptions) => PromiseLike<LanguageModelV3GenerateResult>;

/**
 * The generate side of the retrieval loop. While the model answers with nothing but `headroom_retrieve`
 * calls, answer them and ask again (at most `maxRounds` times); if it asks once more, those calls get a
 * note and the model a final call in which it can call no tool. The caller gets one result: the text of
 * every round in order, no retrieval calls, and the usage of all rounds added up.
 */
export async function generateWithRetrieval(
  first: LanguageModelV3GenerateResult,
  params: LanguageModelV3CallOptions,
  doGenerate: Generate,
  ctx: RetrievalContext,
): Promise<LanguageModelV3GenerateResult> {
  let result = first;
  let prompt = params.prompt;
  let usage = first.usage;
  const earlier: LanguageModelV3Content[] = [];
  const done = (
    content: LanguageModelV3Content[],
    finishReason: LanguageModelV3FinishReason = result.finishReason,
  ) =>
    result === first && content === result.content && finishReason === result.finishReason
      ? result
      : {
          ...result,
          content: [...earlier, ...content],
          finishReason,
          usage,
          warnings: first.warnings,
        };

  for (let round = 0; ; round++) {
    const step = await nextRound(result.content, { round, prompt, params, ctx });
    if (step.outcome === 'done') return done(result.content);
    if (step.outcome === 'over')
      return done(
        result.content.filter((part) => !isRetrieveCall(part)),
        roundLimitReason,
      );
    if (step.outcome === 'inline') {
      return done(
        result.content.flatMap((part) =>
          isRetrieveCall(part) ? inlineAnswer(step.answers.find((a) => a.call === part)!) : [part],
        ),
      );
    }
    prompt = step.prompt;
    earlier.push(...result.content.filter((part) => !isRetrieveCall(part)));
    result = await doGenerate(step.options);
    usage = addUsage(usage, result.usage);
  }
}
