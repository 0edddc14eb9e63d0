import { describe, expect, it } from 'vitest';
import { loadParser } from './load-parser.js';

describe('loadParser', () => {
  it("imports htmlparser2's Parser once and hands the same class to every page", async () => {
    const [first, second] = await Promise.all([loadParser(), loadParser()]);
    expect(first).toBe(second);
    const names: string[] = [];
    new first({ onopentag: (name) => names.push(name) }).end('<p>a<b>b</b></p>');
    expect(names).toEqual(['p', 'b']);
  });
});
