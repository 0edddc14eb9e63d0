/** `JSON.parse` that returns `undefined` instead of throwing on text that is not JSON. */
export function parseJsonSafe(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
