/** Whether a UTF-16 code unit is an ASCII letter or digit (what identifiers, tag names and base64 share). */
export function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
