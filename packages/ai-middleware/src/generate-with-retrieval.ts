import type {
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3GenerateResult,
} from '@ai-sdk/provider';
import { throwIfAborted } from '@headroom/core/internal';
import {
  answerCalls,
  inlineAnswer,
  isRetrieveCall,
  nextPrompt,
  roundLimitReason,
  roundOutcome,
  type RetrievalContext,
} from './retrieval-round.js';
import { finalCallOptions, reportExhausted, unansweredCalls } from './round-limit.js';
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
    const outcome = roundOutcome(result.content, round, ctx.maxRounds);
    if (outcome === 'done') return done(result.content);
    // Past the final call, where no tool was callable: the model called ours anyway.
    if (outcome === 'limit' && round > ctx.maxRounds)
      return done(
        result.content.filter((part) => !isRetrieveCall(part)),
        roundLimitReason,
      );
    throwIfAborted(params.abortSignal);
    const answers =
      outcome === 'limit'
        ? unansweredCalls(result.content, ctx)
        : await answerCalls(result.content, ctx);
    if (outcome === 'inline') {
      return done(
        result.content.flatMap((part) =>
          isRetrieveCall(part) ? inlineAnswer(answers.find((a) => a.call === part)!) : [part],
        ),
      );
    }
    prompt = nextPrompt(prompt, result.content, answers);
    earlier.push(...result.content.filter((part) => !isRetrieveCall(part)));
    if (outcome === 'limit') reportExhausted(ctx, answers.length);
    else ctx.stats.recordRetrievalRound();
    const next = { ...params, prompt };
    result = await doGenerate(outcome === 'limit' ? finalCallOptions(next) : next);
    usage = addUsage(usage, result.usage);
  }
}
