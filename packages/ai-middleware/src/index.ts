export { headroomMiddleware } from './headroom-middleware.js';
export { aiSdkPromptAdapter } from './prompt-adapter.js';
export { retrieveFunctionTool } from './retrieve-tool.js';
export {
  answerCalls,
  roundOutcome,
  type RetrievalContext,
  type RetrieveAnswer,
  type RoundOutcome,
} from './retrieval-round.js';
export { reportExhausted, unansweredCalls } from './round-limit.js';
export type {
  CallOptionsLike,
  CompressEvent,
  GenerateResultLike,
  HeadroomMiddleware,
  HeadroomMiddlewareOptions,
  ModelLike,
  StreamResultLike,
} from './types.js';
