import { chat } from '../../../lib/chat';

// Node.js runtime (the default): code outputs are compressed with tree-sitter too.
export const runtime = 'nodejs';
export const maxDuration = 60;

export const POST = chat;
