import { headroomMiddleware } from '@headroom/ai-middleware';
import { convertToModelMessages, stepCountIs, streamText, wrapLanguageModel, type UIMessage } from 'ai';
import { ccrStore } from '../../../lib/ccr-store';
import { chatModel } from '../../../lib/model';
import { tools } from '../../../lib/tools';

// One middleware per server instance, created once: its store and its per-conversation sessions
// (earlier turns keep their bytes, so the provider's prompt cache keeps hitting) outlive a single request.
const headroom = headroomMiddleware({ store: ccrStore() });

export const maxDuration = 60;

/** The `useChat()` endpoint: tool outputs are compressed before the model sees them, and retrievals answered in place. */
export async function POST(req: Request): Promise<Response> {
  const { messages } = (await req.json()) as { messages: UIMessage[] };
  const result = streamText({
    model: wrapLanguageModel({ model: chatModel(), middleware: headroom }),
    system: 'You are a research assistant. Read pages with readUrl and answer from what they say.',
    messages: await convertToModelMessages(messages),
    tools,
    stopWhen: stepCountIs(5),
    abortSignal: req.signal,
  });
  return result.toUIMessageStreamResponse();
}
