import type { Detection, DetectionHints } from '../types.js';

// Placeholder until the full detector set lands: JSON only, everything else is text.
export function detectContent(text: string, _hints: DetectionHints = {}): Detection {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      JSON.parse(trimmed);
      return { kind: 'json', confidence: 1 };
    } catch {
      // not JSON
    }
  }
  return { kind: 'text', confidence: 0.5 };
}
