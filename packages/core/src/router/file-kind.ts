import type { CodeLanguage, ContentKind } from '../types.js';

/** What a file name says about the content read from it. */
export interface FileKind {
  kind: ContentKind;
  language?: CodeLanguage;
}

const LANGUAGES: Record<string, CodeLanguage> = {
  py: 'python',
  pyi: 'python',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  go: 'go',
  rs: 'rust',
  java: 'java',
  c: 'cpp',
  cc: 'cpp',
  cpp: 'cpp',
  cxx: 'cpp',
  'c++': 'cpp',
  h: 'cpp',
  hh: 'cpp',
  hpp: 'cpp',
  hxx: 'cpp',
  ipp: 'cpp',
};

const KINDS: Record<string, ContentKind> = {
  json: 'json',
  md: 'text',
  markdown: 'text',
  mdx: 'text',
  txt: 'text',
  rst: 'text',
  log: 'log',
  csv: 'table',
  tsv: 'table',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
};

/** The kind (and language) a file name's extension implies, or undefined for names we know nothing about. */
export function fileKind(fileName: string): FileKind | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot < 0) return undefined;
  const extension = base.slice(dot + 1).toLowerCase();
  const language = LANGUAGES[extension];
  if (language) return { kind: 'code', language };
  const kind = KINDS[extension];
  return kind ? { kind } : undefined;
}
