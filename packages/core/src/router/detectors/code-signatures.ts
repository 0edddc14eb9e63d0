import type { CodeLanguage } from '../../types.js';

/** A line pattern and how much it says about a language: 3 only that language writes it, 1 several do. */
export type Signature = readonly [pattern: RegExp, weight: number];

/** Languages told apart by line signatures; TypeScript and TSX are refined from `javascript` afterwards. */
export type SignatureLanguage = Exclude<CodeLanguage, 'typescript' | 'tsx'>;

/** Line signatures per language; a line scores the weights of every pattern it matches (capped at 4). */
export const signatures: Record<SignatureLanguage, readonly Signature[]> = {
  python: [
    [/^\s*(?:async\s+)?def \w+\s*\(/, 3],
    [/^\s*class \w+(?:\(.*\))?:\s*(?:#.*)?$/, 3],
    [/^from [\w.]+ import [\w*(]/, 3],
    [/^import [\w.]+(?: as \w+)?(?:, [\w.]+(?: as \w+)?)*\s*$/, 2],
    [/^\s*(?:if|elif|while|for|with|async with|async for) .+:\s*(?:#.*)?$/, 2],
    [/^\s*(?:else|try|finally|except(?: .+)?)\s*:\s*(?:#.*)?$/, 3],
    [/^\s*(?:[rbuf]?"""|[rbuf]?''')/, 2],
    [/\bself\.\w/, 2],
    [/^\s*(?:raise|pass|yield|assert|del|nonlocal|global)\b/, 2],
    [/^if __name__ == ['"]__main__['"]:|^__\w+__\s*=/, 3],
    [/^\s*@[\w.]+(?:\(.*\))?\s*$/, 1],
    [/\b(?:None|True|False)\b/, 1],
    [/^\s*return\b/, 1],
  ],
  javascript: [
    [/^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*[\w$]*\s*\(/, 3],
    [/^\s*import\s+(?:[\w${},*\s]+\s+from\s+)?['"][^'"]+['"];?\s*$/, 3],
    [/\brequire\(\s*['"][^'"]+['"]\s*\)/, 3],
    [/^\s*\}\s*from\s+['"][^'"]+['"];?\s*$|^\s*import\s*\{\s*$/, 3],
    [/\bmodule\.exports\b|^\s*exports\.[\w$]+\s*=/, 3],
    [/^\s*export\s+(?:default|const|let|var|function|class|async|\{|\*)/, 3],
    [/\b(?:const|let|var)\s+(?:[\w$]+|\{[^}]*\}|\[[^\]]*\])\s*=/, 1],
    [/[)\w$]\s*=>\s*[{(\w$'"`[]|=>\s*$/, 1],
    [/\bconsole\.\w+\(|\b(?:document|window)\.\w/, 2],
    [/[\w)\]'"]\s*(?:===|!==)\s*[\w'"([{-]/, 2],
    [/\bthis\.[\w$]/, 1],
    [/\bawait\s/, 1],
  ],
  go: [
    [/^package \w+\s*$/, 3],
    [/^func\s+(?:\([^)]*\)\s*)?\w+\s*[[(]/, 3],
    [/^import\s+(?:\(\s*$|"[^"]+"\s*$)/, 3],
    [/^type \w+(?:\[.*\])? (?:struct|interface)\s*\{/, 3],
    [/\bif err != nil\b|\berr := |\bdefer\s|\bchan\s+\w|\bgo func\b/, 3],
    [/\w\s*:=\s*/, 2],
    [/\bfmt\.\w+\(|`(?:json|yaml|xml):"/, 2],
    [/\bnil\b/, 1],
  ],
  rust: [
    [
      /^\s*(?:pub(?:\([\w:\s]+\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?(?:extern\s+"\w+"\s+)?fn\s+\w+/,
      3,
    ],
    [/^\s*pub(?:\([\w:\s]+\))?\s+(?:struct|enum|trait|mod|type|use|const|static)\s/, 3],
    [/^\s*(?:trait|mod)\s+\w+/, 2],
    [/^\s*impl\b/, 3],
    [/^\s*use\s+[\w:{}*,\s]+;\s*$/, 3],
    [/^\s*#!?\[\w+/, 3],
    [/\blet\s+(?:mut\s+)?\w+(?:\s*:\s*[^=]+)?\s*=/, 1],
    [/\blet mut\b|&mut\b|&self\b|&'\w+|'static\b/, 3],
    [/\b\w+!\(|\b(?:Option|Result|Vec|Box|Rc|Arc)</, 2],
    [
      /\bmacro_rules!|^\s*(?:pub(?:\([\w:\s]+\))?\s+)?(?:const|static)\s+(?:mut\s+)?[A-Z_][A-Z0-9_]*\s*:\s*(?:&'?\w*\s*)?\[?(?:[ui](?:8|16|32|64|128|size)|f32|f64|bool|char|str)\b/,
      3,
    ],
    [/\b(?:Some|Ok|Err)\(|\bmatch\s+.+\{\s*$/, 1],
    [/\)\s*->\s*[\w&(<[]/, 1],
  ],
  java: [
    [/^package [\w.]+;\s*$/, 3],
    [/^import (?:static )?[\w.]+(?:\.\*)?;\s*$/, 3],
    [
      /^\s*(?:public|protected|private)\s+(?:static\s+)?(?:final\s+)?(?:abstract\s+)?(?:class|interface|enum|record|@interface)\s+\w+/,
      3,
    ],
    [
      /^\s*(?:(?:public|protected|private|static|final|synchronized|abstract|native)\s+)+(?:<[^>]+>\s+)?[\w.<>[\],?\s]+\s+\w+\s*\(/,
      3,
    ],
    [
      /^\s*(?:(?:public|protected|private|static|final|transient|volatile)\s+)+[\w.<>[\],?\s]+\s+\w+\s*(?:=.*)?;\s*$/,
      3,
    ],
    [
      /^\s*@(?:Override|Nullable|NonNull|Test|Deprecated|SuppressWarnings|FunctionalInterface|SafeVarargs)\b/,
      3,
    ],
    [
      /^\s*(?:open\s+)?module\s+[\w.]+\s*\{|^\s*(?:exports|requires|opens|uses|provides)\s+(?:static\s+|transitive\s+)?[\w.]+(?:\s+(?:to|with)\s+[\w.,\s]+)?;\s*$/,
      3,
    ],
    [/\bthrows\s+[A-Z]\w*|\bSystem\.(?:out|err)\.|\w\.class\b|\binstanceof\s+[A-Z]/, 2],
    [/\bnew\s+[A-Z]\w*(?:<.*>)?\(/, 1],
    [/\bfinal\s+[A-Z]\w*/, 1],
  ],
  cpp: [
    [
      /^\s*#\s*(?:include\s*[<"]|define\s+[A-Z_]\w*|ifn?def\s+[A-Z_]\w*|if\s+defined\b|endif\b|pragma\s+\w|undef\s+\w)/,
      3,
    ],
    [/\bstd::\w/, 3],
    [/^\s*template\s*</, 3],
    [/^\s*namespace\s+[\w:]*\s*\{|^\s*using\s+namespace\s|\}\s*\/\/\s*namespace\b/, 3],
    [/^\s*(?:public|private|protected):\s*$/, 3],
    [
      /\b(?:nullptr|constexpr|noexcept|static_cast|reinterpret_cast|const_cast|dynamic_cast|decltype)\b/,
      3,
    ],
    [/^\s*(?:virtual|explicit|inline|static_assert|typedef|friend)\b/, 2],
    [/\bconst\s+[\w:<>]+\s*[&*]|\b(?:unsigned|size_t|char\s*\*|void\s*\*)/, 2],
    [/\w::\w/, 1],
    [/\w->\w/, 1],
    [/\bauto\s+\w+\s*=/, 1],
  ],
};

/** Signatures only TypeScript writes; each line that has one moves a JavaScript verdict to TypeScript. */
export const typescriptOnly: readonly RegExp[] = [
  /^\s*(?:export\s+)?(?:declare\s+)?(?:interface|type)\s+[\w$]+(?:<.*>)?\s*(?:=|\{|extends\b)/,
  /^\s*(?:export\s+)?(?:declare\s+)?(?:const\s+)?enum\s+[\w$]+\s*\{/,
  /^\s*(?:export\s+)?declare\s+(?:const|let|var|function|class|module|namespace|global|type|interface|abstract)\b/,
  /^\s*import\s+type\s|^\s*export\s+type\s|\{\s*type\s+[\w$]|^\s*type\s+[\w$]+(?:\s+as\s+[\w$]+)?,?\s*$|\bas\s+(?:const|any|unknown)\b|\bkeyof\s|\breadonly\s+[\w$[]/,
  // An annotated parameter or variable; a ternary's `? a : undefined` has no `(`, `,` or `let` before it.
  /(?:\(|,\s*|\b(?:let|const|var)\s+)[\w$]+\??\s*:\s*(?:string|number|boolean|void|any|unknown|never|undefined|bigint|symbol|object)\b/,
  /\b(?:const|let|var)\s+[\w$]+\s*:\s*[^=;]+=/,
  /(?:\(|,\s*)[\w$]+\??\s*:\s*[A-Z][\w$.]*(?:<[^>]*>)?(?:\[\])?\s*(?:[,)|=&]|$)/,
  /^\s*(?:(?:public|private|protected|readonly|static|declare|override)\s+)*[\w$]+[?!]?\s*:\s*[\w$.<>[\]|&\s]+=[^;]*;\s*$/,
  /\bnew\s+[\w$.]+<[^>]+>+\(/,
  /^\s*(?:public|private|protected)\s+(?:readonly\s+)?[\w$]+\??\s*:/,
  /\):\s*[\w$.<>[\]|&{}()=>,?\s]+\s*(?:\{|=>)\s*$/,
  // Interface members and method signatures: `name?: Type;`, `size(): number;` (object literals use commas;
  // a ternary's `) : X;` has a space before the colon, an annotation does not).
  /^\s*(?:readonly\s+)?[\w$]+\??\s*:\s*(?:[A-Z][\w$.]*|string|number|boolean|any|unknown|never|void|undefined|bigint|symbol|object)(?:<.*>)?(?:\[\])*(?:\s*\|\s*[\w$.<>[\]"']+)*;\s*$/,
  /\):\s*(?:[A-Z][\w$.]*|string|number|boolean|void|any|unknown|never|undefined|this)(?:<.*>)?(?:\[\])*;\s*$/,
];

/** JSX markup: with TypeScript signatures it makes TSX (plain JavaScript grammars parse JSX already). */
export const jsxMarkup: readonly RegExp[] = [
  /<\/[A-Za-z][\w.]*>/,
  /<[A-Za-z][\w.]*(?:\s[^<>]*)?\/>/,
  /\bclassName=/,
  /^\s*<>\s*$|<\/>/,
];
