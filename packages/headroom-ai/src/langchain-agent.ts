// `headroom-ai/langchain/agent`: needs the `langchain` package (v1, `createAgent`).
export { headroomAgentMiddleware } from '@headroom/langchain/agent';
