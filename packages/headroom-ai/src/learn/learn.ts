import { readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { findPatterns, type FailurePattern } from './find-patterns.js';
import { CONTEXT_FILES, loadSessions } from './find-sessions.js';
import { renderLearnings, withLearnings } from './learnings-section.js';
import { phraseWithModel } from './phrase-with-model.js';
import type { LearnAgent } from './tool-event.js';

/** Options of {@link learn}. */
export interface LearnOptions {
  agent: LearnAgent;
  /** The project whose sessions are read and whose context file is written. */
  project: string;
  /** Home directory holding `.claude`, `.codex`, `.gemini`. */
  home: string;
  /** Write the file; otherwise only report what would change. */
  apply?: boolean;
  /** Phrases the learnings when given; the rule-based text otherwise. */
  model?: LanguageModelV3;
}

/** What {@link learn} found and did. */
export interface LearnResult {
  file: string;
  sessionFiles: string[];
  patterns: FailurePattern[];
  before: string;
  after: string;
  written: boolean;
  usedModel: boolean;
}

/**
 * Reads an agent's session logs for a project, finds recurring failures, and sets the marked learnings
 * section of the project's context file (CLAUDE.md, AGENTS.md, GEMINI.md). Without `apply` nothing is
 * written. With no pattern found the file is left alone.
 */
export async function learn({
  agent,
  project,
  home,
  apply = false,
  model,
}: LearnOptions): Promise<LearnResult> {
  const { files, sessions } = await loadSessions(agent, { home, project });
  const patterns = findPatterns(sessions);
  const file = join(resolve(project), CONTEXT_FILES[agent]);
  const before = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const phrased = model
    ? await phraseWithModel(model, patterns)
    : { advice: patterns.map((p) => p.advice), usedModel: false };
  const after =
    patterns.length === 0
      ? before
      : withLearnings(before, renderLearnings(patterns, phrased.advice));
  const written = apply && after !== before;
  if (written) {
    const temp = `${file}.headroom-${process.pid}.tmp`;
    await writeFile(temp, after);
    await rename(temp, file);
  }
  return {
    file,
    sessionFiles: files,
    patterns,
    before,
    after,
    written,
    usedModel: phrased.usedModel,
  };
}
