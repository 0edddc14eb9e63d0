// Vite's `?raw` imports (used by the tests, in Node and in the edge runtime alike) are file text.
declare module '*?raw' {
  const text: string;
  export default text;
}

// Vite's `import.meta.glob`, as the edge-runtime test uses it (file texts, resolved at transform time).
interface ImportMeta {
  glob(
    patterns: string[],
    options: { query: '?raw'; import: 'default'; eager: true },
  ): Record<string, string>;
}
