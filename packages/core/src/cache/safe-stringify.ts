/** `JSON.stringify` that never throws: cycles and BigInts fall back to `String(value)`. */
export function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}
