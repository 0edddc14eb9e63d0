import { chat } from '../../../../lib/chat';

// Edge runtime: the same handler; code passes through uncompressed unless grammars are configured.
export const runtime = 'edge';

export const POST = chat;
