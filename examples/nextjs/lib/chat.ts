import {
  convertToModelMessages,
  stepCountIs,
  streamText,
  wrapLanguageModel,
  type UIMessage,
} from 'ai';
import { headroomMiddleware } from 'headroom-ai';
import { ccrStore } from './ccr-store';
import { chatModel } from './model';
import { tools } from './tools';

// One middleware per server instance, created once: its store and its conversation sessions outlive a request.
const headroom = headroomMiddleware({ store: ccrStore() });

/** The `useChat()` endpoint, shared by the Node and Edge routes: tool outputs are compressed before the model reads them. */
export async function chat(req: Request): Promise<Response> {
  const { messages } = (await req.json()) as { messages: UIMessage[] };
  const result = streamText({
    model: wrapLanguageModel({ model: chatModel(), middleware: headroom }),
    system:
      'You are an on-call assistant. Read service logs with serviceLog and answer from what they say.',
    messages: await convertToModelMessages(messages),
    tools,
    stopWhen: stepCountIs(5),
    abortSignal: req.signal,
  });
  return result.toUIMessageStreamResponse();
}
