export {
  HeadroomChatModel,
  COMPRESS_EVENT,
  type HeadroomChatModelFields,
} from './headroom-chat-model.js';
export { langchainAdapter } from './message-adapter.js';
export type { CompressEvent, HeadroomLangChainOptions } from './types.js';
