import { describe, expect, test } from 'vitest';
import type { CodeLanguage } from '../../types.js';
import { parse } from './__fixtures__/corpora.node.js';
import { docstringFirstLine } from './docstring.js';
import { applyEdits } from './edits.js';
import { languageSpecs } from './languages.js';
import { missingClosers } from './missing-closers.js';
import { collectOutline } from './outline.js';
import { trimComments } from './trim-comments.js';

async function trimmed(language: CodeLanguage, source: string): Promise<string> {
  const tree = await parse(language, source);
  try {
    return applyEdits(
      source,
      trimComments(source, collectOutline(tree, languageSpecs[language], source).comments),
    );
  } finally {
    tree.delete();
  }
}

describe('comment trimming', () => {
  test('a Go doc comment keeps its first line and its tool directives', async () => {
    const source = [
      '// Package cobra is a commander providing a simple interface.',
      '// It is used by many Go projects.',
      '//',
      '//go:generate stringer -type=Kind',
      'package cobra',
      '',
      'type Command struct {',
      '\t// Use is the one-line usage message.',
      '\t// Recommended syntax is as follows:',
      '\tUse string // trailing comments stay',
      '}',
    ].join('\n');
    expect(await trimmed('go', source)).toBe(
      [
        '// Package cobra is a commander providing a simple interface.',
        '//go:generate stringer -type=Kind',
        'package cobra',
        '',
        'type Command struct {',
        '\t// Use is the one-line usage message.',
        '\tUse string // trailing comments stay',
        '}',
      ].join('\n'),
    );
  });

  test('a Java licence block and Javadoc become one line each; Rust runs split by kind', async () => {
    const java =
      '/*\n * Copyright (C) 2008 Google Inc.\n *\n * Licensed under the Apache License.\n */\npackage a;\n/**\n * Creates a Gson.\n * @param x the x\n */\nclass A {}\n';
    expect(await trimmed('java', java)).toBe(
      '/* Copyright (C) 2008 Google Inc. */\npackage a;\n/** Creates a Gson. */\nclass A {}\n',
    );
    const rust =
      '//! A map of String to Value.\n//! More about it.\n\n/// Represents a JSON key/value type.\n/// With details.\npub struct Map {}\n';
    expect(await trimmed('rust', rust)).toBe(
      '//! A map of String to Value.\n\n/// Represents a JSON key/value type.\npub struct Map {}\n',
    );
  });

  test('comments inside a signature or template argument list are left alone', async () => {
    const cpp =
      'template <typename T>\nstruct has_begin<\n    T, void_t<decltype(begin(T())),\n              // the extra int here is for MSVC,\n              // which needs distinct types\n              int>> : std::true_type {};\n';
    expect(await trimmed('cpp', cpp)).toBe(cpp);
  });
});

describe('docstring first lines', () => {
  test('keep the first line and close it with the same quotes', () => {
    expect(
      docstringFirstLine('"""\n    Determines appropriate setting.\n\n    More.\n    """'),
    ).toBe('"""Determines appropriate setting."""');
    expect(docstringFirstLine("r'''Regex helpers.\n  Details'''")).toBe("r'''Regex helpers.'''");
  });

  test('leave alone what one line cannot hold safely', () => {
    expect(docstringFirstLine('"""One line."""')).toBeUndefined();
    expect(docstringFirstLine('f"""Value {x\n}"""')).toBeUndefined();
    expect(docstringFirstLine('"""Ends in a "quote"\n more"""')).toBeUndefined();
    expect(docstringFirstLine('"""\n\n"""')).toBeUndefined();
  });
});

describe('missing closers', () => {
  test('close what a cut-off read leaves open, ignoring brackets in strings and comments', async () => {
    const ts =
      'class A {\n  f(x: string) {\n    const s = "{[(";\n    // }\n    if (x) {\n      g(`${x}`,\n';
    const tree = await parse('typescript', ts);
    expect(missingClosers(tree)).toBe('\n)}}}');
    tree.delete();
    const cpp = '#ifndef A_H\n#define A_H\nnamespace a {\nint f() {\n';
    const cppTree = await parse('cpp', cpp);
    expect(missingClosers(cppTree)).toBe('\n}}\n#endif\n');
    cppTree.delete();
  });
});
