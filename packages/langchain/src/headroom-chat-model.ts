import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import type {
  BaseLanguageModelInput,
  StructuredOutputMethodOptions,
} from '@langchain/core/language_models/base';
import {
  BaseChatModel,
  type BaseChatModelCallOptions,
  type BindToolsInput,
  type LangSmithParams,
} from '@langchain/core/language_models/chat_models';
import { AIMessageChunk, type AIMessage, type BaseMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import { RunnableLambda, type Runnable, type RunnableConfig } from '@langchain/core/runnables';
import type { SerializableSchema } from '@langchain/core/utils/standard_schema';
import type { ZodV3Like, ZodV4Like } from '@langchain/core/utils/types';
import { HeadroomError, openaiRetrieveTool } from '@headroom/core/internal';
import { copyAIMessage } from './ai-message.js';
import { generateWithRetrieval } from './generate-with-retrieval.js';
import { createRuntime, type HeadroomRuntime } from './prepare-call.js';
import type { RetrievalContext, RoundCall } from './retrieval-calls.js';
import { streamWithRetrieval } from './stream-with-retrieval.js';
import type { HeadroomLangChainOptions, PreparedCall } from './types.js';

type Inner = Runnable<BaseLanguageModelInput, AIMessage>;
// biome-ignore lint/suspicious/noExplicitAny: LangChain's own bound for structured outputs
type StructuredOutput = Record<string, any>;
/** The schemas LangChain's own `withStructuredOutput` overloads take, typed by their output. */
type StructuredSchema<T extends StructuredOutput> =
  | SerializableSchema<T>
  | ZodV4Like<T>
  | ZodV3Like<T>
  // biome-ignore lint/suspicious/noExplicitAny: a JSON schema, as LangChain types it
  | Record<string, any>;
type CallOptions = BaseChatModelCallOptions & { tools?: unknown[] };

/** `new HeadroomChatModel({ llm, ...options })`: the one-object form LangChain's own constructors use. */
export interface HeadroomChatModelFields extends HeadroomLangChainOptions {
  llm: BaseChatModel;
}

/** Where the run's configurable values travel in the call options (a symbol: never sent to a provider). */
const RUN_CONFIG = Symbol('headroom.runConfig');

/** Event name under which callbacks receive each call's compression metrics (`handleCustomEvent`, `streamEvents`). */
export const COMPRESS_EVENT = 'headroom_compress';

/**
 * A LangChain chat model that compresses tool results before every call to the model it wraps and answers
 * that model's `headroom_retrieve` calls itself: `prompt.pipe(new HeadroomChatModel(new ChatOpenAI()))`.
 */
export class HeadroomChatModel extends BaseChatModel<CallOptions, AIMessageChunk> {
  static override lc_name(): string {
    return 'HeadroomChatModel';
  }

  /** The wrapped model. */
  readonly llm: BaseChatModel;
  readonly headroomOptions: HeadroomLangChainOptions;
  #runtime: HeadroomRuntime;
  /** `llm` bound to the application's tools plus `headroom_retrieve`, after `bindTools`. */
  #bound: Inner | undefined;
  /** `llm` bound to `headroom_retrieve` alone, made the first time a call needs it. */
  #withRetrieve: Inner | undefined;

  constructor(llm: BaseChatModel, options?: HeadroomLangChainOptions);
  constructor(fields: HeadroomChatModelFields);
  constructor(
    llmOrFields: BaseChatModel | HeadroomChatModelFields,
    options: HeadroomLangChainOptions = {},
  ) {
    super({});
    const isFields =
      !(llmOrFields instanceof BaseChatModel) &&
      typeof (llmOrFields as { llm?: unknown }).llm === 'object';
    const { llm, ...rest } = isFields
      ? (llmOrFields as HeadroomChatModelFields)
      : { llm: llmOrFields as BaseChatModel, ...options };
    if (!llm || typeof (llm as { invoke?: unknown }).invoke !== 'function') {
      throw new HeadroomError({
        code: 'config_error',
        message:
          'HeadroomChatModel needs the chat model to wrap: new HeadroomChatModel(llm, options?)',
      });
    }
    this.llm = llm;
    this.headroomOptions = rest;
    this.#runtime = createRuntime(this.headroomOptions);
  }

  _llmType(): string {
    return 'headroom';
  }

  override _identifyingParams(): Record<string, unknown> {
    return { model_name: 'headroom', llm: this.llm._llmType(), ...this.llm._identifyingParams() };
  }

  /** Tracing shows the model that answers, not the wrapper. */
  override getLsParams(options: this['ParsedCallOptions']): LangSmithParams {
    return this.llm.getLsParams(options);
  }

  /** A `HeadroomChatModel` sharing this one's store and sessions, whose model is bound to `tools` plus `headroom_retrieve`. */
  override bindTools(tools: BindToolsInput[], kwargs?: Partial<CallOptions>): HeadroomChatModel {
    if (typeof this.llm.bindTools !== 'function') {
      throw new HeadroomError({
        code: 'config_error',
        message: `${this.llm.getName()} does not support tool calling (it has no bindTools)`,
      });
    }
    const next = new HeadroomChatModel(this.llm, this.headroomOptions);
    next.#runtime = this.#runtime;
    next.#bound = this.llm.bindTools([...tools, openaiRetrieveTool], kwargs) as Inner;
    return next;
  }

  /**
   * Structured output. By default (`functionCalling`) the schema is bound as a tool beside
   * `headroom_retrieve`, so the model may retrieve before it answers. `jsonSchema`, `jsonMode` and
   * `strict` are the wrapped model's own: its `withStructuredOutput` answers the compressed messages.
   * A forced output format leaves the model no tool to call, so retrieval is not offered there.
   */
  override withStructuredOutput<RunOutput extends StructuredOutput = StructuredOutput>(
    outputSchema: StructuredSchema<RunOutput>,
    config?: StructuredOutputMethodOptions<false>,
  ): Runnable<BaseLanguageModelInput, RunOutput>;
  override withStructuredOutput<RunOutput extends StructuredOutput = StructuredOutput>(
    outputSchema: StructuredSchema<RunOutput>,
    config?: StructuredOutputMethodOptions<true>,
  ): Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }>;
  override withStructuredOutput(
    outputSchema: StructuredSchema<StructuredOutput>,
    config?: StructuredOutputMethodOptions<boolean>,
  ): Runnable<BaseLanguageModelInput, unknown> {
    const method = config?.method ?? 'functionCalling';
    if (method === 'functionCalling' && !config?.strict)
      return super.withStructuredOutput(
        outputSchema,
        config as StructuredOutputMethodOptions<true>,
      );
    const structured = this.llm.withStructuredOutput(
      outputSchema,
      config as StructuredOutputMethodOptions<true>,
    );
    return RunnableLambda.from(async (input: BaseLanguageModelInput, run?: RunnableConfig) => {
      const messages = HeadroomChatModel._convertInputToPromptValue(input).toChatMessages();
      const options = { signal: run?.signal } as this['ParsedCallOptions'];
      const prepared = await this.#compress(messages, options, {
        ...run?.metadata,
        ...run?.configurable,
      });
      return structured.invoke(prepared.messages, run);
    }).withConfig({ runName: 'HeadroomStructuredOutput' });
  }

  override async _generate(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    const call = await this.#prepare(messages, options, runManager);
    const first = await call.invoke(call.messages);
    const message = call.retrieval
      ? await generateWithRetrieval(first, call.messages, call.invoke, call.retrieval)
      : first;
    const chunk = AIMessageChunk.isInstance(message) ? message : copyAIMessage(message);
    return {
      generations: [{ message: chunk, text: chunk.text }],
      llmOutput: call.event ? { headroom: call.event } : {},
    };
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const call = await this.#prepare(messages, options, runManager);
    const chunks = call.retrieval
      ? streamWithRetrieval(call.messages, call.stream, call.retrieval)
      : await call.stream(call.messages);
    for await (const message of chunks) {
      const chunk = new ChatGenerationChunk({ message, text: message.text });
      yield chunk;
      await runManager?.handleLLMNewToken(chunk.text, undefined, undefined, undefined, undefined, {
        chunk,
      });
    }
  }

  /**
   * The run's configurable values (thread id, `headroom_scope`, the application's own) ride along with
   * the call options: LangChain hands those to `_generate`/`_streamResponseChunks`, while the run's
   * metadata reaches them only through a run manager, which exists only when callbacks are configured.
   */
  protected override _separateRunnableConfigFromCallOptionsCompat(
    options?: Partial<CallOptions>,
  ): [RunnableConfig, this['ParsedCallOptions']] {
    const [config, callOptions] = super._separateRunnableConfigFromCallOptionsCompat(options);
    const run = { ...config.metadata, ...config.configurable };
    return [config, Object.assign(callOptions, { [RUN_CONFIG]: run })];
  }

  #compress(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    config: Record<string, unknown>,
  ): Promise<PreparedCall> {
    const threadId = config.thread_id;
    return this.#runtime.prepare(messages, {
      model: this.headroomOptions.model ?? this.llm.getLsParams(options).ls_model_name ?? 'gpt-4o',
      threadId: threadId === undefined ? undefined : String(threadId),
      config,
      signal: options.signal,
    });
  }

  async #prepare(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager: CallbackManagerForLLMRun | undefined,
  ): Promise<
    PreparedCall & {
      /** The inner model's calls, with the final round's tool choice when the retrieval rounds ran out. */
      invoke: (input: BaseMessage[], round?: RoundCall) => Promise<AIMessage>;
      stream: (input: BaseMessage[], round?: RoundCall) => Promise<AsyncIterable<AIMessageChunk>>;
      /** The retrieval loop's context, when Headroom is enabled. */
      retrieval?: RetrievalContext;
    }
  > {
    // LangGraph puts the thread id in the run's metadata (TypeScript marks it protected), invoke in configurable.
    const config: Record<string, unknown> = {
      ...(runManager as unknown as { metadata?: Record<string, unknown> } | undefined)?.metadata,
      ...(options as { [RUN_CONFIG]?: Record<string, unknown> })[RUN_CONFIG],
    };
    const prepared = await this.#compress(messages, options, config);
    if (prepared.event) await runManager?.handleCustomEvent(COMPRESS_EVENT, prepared.event);
    // The inner model reports nothing itself: this run already streams its tokens and ends with its message,
    // and a second chat-model run would stream every token twice (streamEvents, LangGraph's messages mode).
    const callOptions: Partial<CallOptions> & { callbacks: [] } = { ...options, callbacks: [] };
    delete (callOptions as { [RUN_CONFIG]?: unknown })[RUN_CONFIG];
    let inner: Inner = this.#bound ?? this.llm;
    if (prepared.offer && !this.#bound) {
      // Tools given as call options (`withConfig({ tools })`) get it beside them; otherwise the model is bound to it.
      if (Array.isArray(options.tools)) callOptions.tools = [...options.tools, openaiRetrieveTool];
      else if (typeof this.llm.bindTools === 'function')
        inner = this.#withRetrieve ??= this.llm.bindTools([openaiRetrieveTool]) as Inner;
    }
    const retrieval = this.#runtime.enabled
      ? {
          ...this.#runtime.retrieval({ signal: options.signal, scope: prepared.scope }),
          onExhausted: prepared.onExhausted,
        }
      : undefined;
    return {
      ...prepared,
      invoke: (input, round) => inner.invoke(input, withToolChoice(callOptions, round)),
      // The inner run streams chunks: LangChain types a runnable's stream by its invoke output.
      stream: (input, round) =>
        inner.stream(input, withToolChoice(callOptions, round)) as Promise<
          AsyncIterable<AIMessageChunk>
        >,
      retrieval,
    };
  }
}

/** The final call after the rounds ran out may call no tool; the tools stay bound so the history stays valid. */
function withToolChoice<O extends object>(options: O, round: RoundCall | undefined): O {
  return round?.toolChoice ? { ...options, tool_choice: round.toolChoice } : options;
}
