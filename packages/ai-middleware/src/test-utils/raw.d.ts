// Vite's `?raw` imports (used by the tests, in Node and in the edge runtime alike) are file text.
declare module '*?raw' {
  const text: string;
  export default text;
}
