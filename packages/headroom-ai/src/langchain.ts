// `headroom-ai/langchain`: needs `@langchain/core`, so it is not part of the main entry.
export {
  COMPRESS_EVENT,
  HeadroomChatModel,
  langchainAdapter,
  type HeadroomChatModelFields,
  type HeadroomLangChainOptions,
} from '@headroom/langchain';
