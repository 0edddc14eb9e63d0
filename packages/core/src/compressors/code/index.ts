export {
  codeCompressor,
  createCodeCompressor,
  type CodeCompressorOptions,
} from './code-compressor.js';
export {
  createGrammars,
  type GrammarLoader,
  type GrammarName,
  type CodeParser,
  type GrammarSources,
  type Grammars,
  type TreeSitterLoader,
  type WasmSource,
} from './grammars.js';
export { declaredNamesIn, namesMissing } from './name-check.js';
