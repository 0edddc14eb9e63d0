// Vite's `import.meta.glob` as the edge-runtime test uses it: file texts, resolved at transform time.
interface ImportMeta {
  glob(
    patterns: string[],
    options: { query: '?raw'; import: 'default'; eager: true },
  ): Record<string, unknown>;
}
