import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Node, Tree } from 'web-tree-sitter';
import { installedPackageDir } from '../../../test-utils/package-file.node.js';
import { dataDir } from '../../../test-utils/data-dir.node.js';
import type { CodeLanguage } from '../../../types.js';
import { createGrammars } from '../grammars.js';
import { sourceParser } from '../tree-sitter-parser.js';
import { languageSpecs } from '../languages.js';
import { nameNode } from '../outline.js';

/** A real source tree for one language. */
export interface Corpus {
  language: CodeLanguage;
  name: string;
  files: string[];
}

/** Real projects from the shared data dir (empty without it). */
export function dataCorpora(): Corpus[] {
  if (!dataDir) return [];
  const code = join(dataDir, 'code');
  return [
    { language: 'python', name: 'requests', files: filesUnder(join(code, 'python/requests'), /\.py$/) },
    { language: 'go', name: 'cobra', files: filesUnder(join(code, 'go/cobra'), /\.go$/) },
    { language: 'rust', name: 'serde_json', files: filesUnder(join(code, 'rust/serde_json'), /\.rs$/) },
    { language: 'java', name: 'gson', files: filesUnder(join(code, 'java/gson'), /\.java$/) },
    { language: 'cpp', name: 'fmt', files: filesUnder(join(code, 'cpp/fmt'), /\.(h|cc)$/) },
  ];
}

/** TypeScript, TSX and JavaScript shipped by installed packages (the AI SDK's sources, Hono's build, a Turbo doc page). */
export function packageCorpora(): Corpus[] {
  const ai = join(installedPackageDir('ai'), 'src');
  const hono = join(installedPackageDir('hono'), 'dist');
  const turboDocs = join(installedPackageDir('turbo'), 'docs');
  const typescript = [...filesUnder(join(ai, 'ui'), /\.ts$/), ...filesUnder(join(ai, 'generate-text'), /\.ts$/)].filter(
    (file) => !/\.(test|d)\.ts$/.test(file),
  );
  return [
    { language: 'typescript', name: 'ai/src', files: typescript },
    // The AI SDK's UI sources are valid TSX too; Turbo's docs ship the one real .tsx component installed here.
    { language: 'tsx', name: 'ai/src/ui + turbo docs', files: [...filesUnder(turboDocs, /\.tsx$/), ...typescript.filter((f) => f.includes('/ui/'))] },
    { language: 'javascript', name: 'hono/dist', files: filesUnder(hono, /\.js$/).filter((file) => !file.includes('/cjs/')) },
  ];
}

function filesUnder(root: string, pattern: RegExp): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  for (const name of readdirSync(root).sort()) {
    const full = join(root, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, pattern));
    else if (pattern.test(name)) out.push(full);
  }
  return out;
}

const grammars = createGrammars();

/** Parses `text` with the compressor's own grammar, read as it reads it (C++ macros masked); the caller deletes the tree. */
export async function parse(language: CodeLanguage, text: string): Promise<Tree> {
  const tree = sourceParser(await grammars.parser(language), languageSpecs[language])(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/** A top-level or class-level definition: its name and the text that declares it up to the name. */
export interface Definition {
  name: string;
  /** From the start of the definition's line through its name, e.g. `    def resolve_redirects`. */
  head: string;
  /** The whole definition node's text. */
  text: string;
  /** The function body, when it has one. */
  body?: string;
}

/** Every named definition at top level and inside classes, impls and namespaces (independent of the splitter). */
export function definitions(tree: Tree, source: string, language: CodeLanguage): Definition[] {
  const spec = languageSpecs[language];
  const out: Definition[] = [];
  const visit = (scope: Node, depth: number): void => {
    for (const child of scope.namedChildren) {
      if (!child || depth > 8) continue;
      // Go declares types in specs: `type ( A struct{…}; B int )`.
      if (child.type === 'type_declaration') visit(child, depth + 1);
      const node = unwrap(child);
      const name = nameNode(node);
      // An `#ifdef` names a macro it tests, not one it declares (as in declared-names.ts).
      if (name && name.text.trim() && !spec.groups.has(node.type)) {
        const lineStart = source.lastIndexOf('\n', node.startIndex - 1) + 1;
        const bodyField = spec.functions.get(node.type);
        const body = bodyField ? node.childForFieldName(bodyField) : null;
        out.push({ name: name.text, head: source.slice(lineStart, name.endIndex), text: node.text, body: body?.text });
      }
      if (spec.groups.has(node.type)) visit(node, depth + 1);
      const members = spec.containers.has(node.type) ? node.childForFieldName('body') : null;
      if (members) visit(members, depth + 1);
    }
  };
  const unwrap = (node: Node): Node => {
    if (!spec.wrappers.has(node.type)) return node;
    const inner = node.namedChildren.find((c) => c && (spec.functions.has(c.type) || spec.containers.has(c.type) || nameNode(c)));
    return inner ? unwrap(inner) : node;
  };
  visit(tree.rootNode, 0);
  return out;
}
