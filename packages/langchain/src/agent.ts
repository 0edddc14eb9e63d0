// Its own entry point: it needs the `langchain` package, which HeadroomChatModel users may not have.
export { headroomAgentMiddleware } from './agent-middleware.js';
