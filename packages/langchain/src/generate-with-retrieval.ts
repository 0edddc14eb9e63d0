import {
  mergeContent,
  mergeUsageMetadata,
  type AIMessage,
  type BaseMessage,
  type MessageContent,
} from '@langchain/core/messages';
import { copyAIMessage } from './ai-message.js';
import { withInlineRetrievals } from './inline-retrievals.js';
import { nextRound } from './next-round.js';
import {
  isRetrieveCall,
  withoutCalls,
  type RetrievalContext,
  type RoundCall,
} from './retrieval-calls.js';

/**
 * The invoke side of the retrieval loop. While the model answers with nothing but `headroom_retrieve`
 * calls, answer them and ask again (at most `maxRounds` times); if it asks once more, those calls get a
 * note and the model a final call in which it may call no tool (`tool_choice: 'none'`, same tools, so the
 * history stays valid). The caller gets one message: the text of every round in order, no retrieval
 * calls, and the usage of all rounds added up.
 */
export async function generateWithRetrieval(
  first: AIMessage,
  messages: readonly BaseMessage[],
  invoke: (messages: BaseMessage[], call?: RoundCall) => Promise<AIMessage>,
  ctx: RetrievalContext,
): Promise<AIMessage> {
  let result = first;
  let history = [...messages];
  let usage = first.usage_metadata;
  let earlier: MessageContent | undefined;
  const done = (message: AIMessage) =>
    earlier === undefined && message === first
      ? message
      : copyAIMessage(message, {
          content: earlier === undefined ? message.content : mergeContent(earlier, message.content),
          usage_metadata: usage,
        });

  for (let round = 0; ; round++) {
    const step = await nextRound(result, { round, history, ctx });
    if (step.outcome === 'done') return done(result);
    if (step.outcome === 'over')
      return done(
        withoutCalls(
          result,
          new Set(result.tool_calls?.filter(isRetrieveCall).map((call) => call.id)),
        ),
      );
    if (step.outcome === 'inline') return done(withInlineRetrievals(result, step.answers));
    history = step.history;
    earlier =
      earlier === undefined
        ? visibleContent(result)
        : mergeContent(earlier, visibleContent(result));
    result = await invoke(history, step.call);
    usage =
      usage && result.usage_metadata
        ? mergeUsageMetadata(usage, result.usage_metadata)
        : (usage ?? result.usage_metadata);
  }
}

/** What the caller may see of a retrieval round: its text, without the retrieval calls' blocks. */
function visibleContent(message: AIMessage): MessageContent {
  return withoutCalls(message, new Set(message.tool_calls?.map((call) => call.id))).content;
}
