import { dispatchCustomEvent } from '@langchain/core/callbacks/dispatch/web';
import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import { AsyncLocalStorageProviderSingleton } from '@langchain/core/singletons';
import { openaiRetrieveTool } from '@headroom/core/internal';
import { createMiddleware, type AgentMiddleware } from 'langchain';
import { generateWithRetrieval } from './generate-with-retrieval.js';
import { COMPRESS_EVENT } from './headroom-chat-model.js';
import { createRuntime } from './prepare-call.js';
import type { RoundCall } from './retrieval-calls.js';
import type { HeadroomLangChainOptions } from './types.js';

/**
 * Headroom for LangChain v1 agents: `createAgent({ model, tools, middleware: [headroomAgentMiddleware()] })`.
 * Every model call sees its tool results compressed (the agent's state keeps the originals), and the
 * model's `headroom_retrieve` calls are answered inside the call, so the agent loop never sees them.
 */
export function headroomAgentMiddleware(options: HeadroomLangChainOptions = {}): AgentMiddleware {
  const runtime = createRuntime(options);
  return createMiddleware({
    name: 'HeadroomMiddleware',
    async wrapModelCall(request, handler) {
      if (!runtime.enabled) return handler(request);
      const { signal, configurable } = request.runtime;
      const threadId = configurable?.thread_id;
      const prepared = await runtime.prepare(request.messages, {
        model: options.model ?? modelName(request.model) ?? 'gpt-4o',
        threadId: threadId === undefined ? undefined : String(threadId),
        config: configurable ?? {},
        signal,
      });
      if (prepared.event) await reportToCallbacks(prepared.event);
      // A plain tool definition, not a tool object: the agent binds it for the model but never runs it.
      const tools = prepared.offer ? [...request.tools, openaiRetrieveTool] : request.tools;
      const call = (messages: BaseMessage[], round?: RoundCall) =>
        handler({
          ...request,
          messages,
          tools,
          ...(round?.toolChoice ? { toolChoice: round.toolChoice } : {}),
        }) as Promise<AIMessage>;
      const first = await call(prepared.messages);
      if (!AIMessage.isInstance(first)) return first;
      return generateWithRetrieval(first, prepared.messages, call, {
        ...runtime.retrieval({ signal, scope: prepared.scope }),
        onExhausted: prepared.onExhausted,
      });
    },
  });
}

/** The model id LangSmith knows the agent's model by, for token counting. */
function modelName(model: unknown): string | undefined {
  const getLsParams = (model as { getLsParams?: (options: object) => { ls_model_name?: string } })
    .getLsParams;
  return typeof getLsParams === 'function' ? getLsParams.call(model, {}).ls_model_name : undefined;
}

/** The compression metrics as a custom event of the agent's current run, when there is one. */
async function reportToCallbacks(event: object): Promise<void> {
  const config = AsyncLocalStorageProviderSingleton.getRunnableConfig();
  if (!config) return;
  try {
    await dispatchCustomEvent(COMPRESS_EVENT, event, config);
  } catch {
    // Metrics must not fail the model call they describe.
  }
}
