import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { FailurePattern } from './find-patterns.js';

/**
 * One sentence of advice per pattern, phrased by a model from the patterns and their examples. Falls back to
 * the rule-based advice for the whole list when the model fails or answers with the wrong number of lines.
 */
export async function phraseWithModel(
  model: LanguageModelV3,
  patterns: readonly FailurePattern[],
): Promise<{ advice: string[]; usedModel: boolean }> {
  const fallback = { advice: patterns.map((p) => p.advice), usedModel: false };
  if (patterns.length === 0) return fallback;
  const listing = patterns
    .map(
      (p, i) =>
        `${i + 1}. [${p.kind}] ${p.subject} — ${p.count}× — e.g. ${p.examples.join(' | ')}\n   rule-based advice: ${p.advice}`,
    )
    .join('\n');
  const prompt = [
    'These failures recur in a coding agent’s sessions on one project. For each numbered item, write one short,',
    'concrete instruction for the agent (imperative, under 30 words) that would avoid it. Answer with exactly',
    `${patterns.length} lines, "N. instruction", nothing else.`,
    '',
    listing,
  ].join('\n');
  try {
    const result = await model.doGenerate({
      prompt: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
      maxOutputTokens: 200 * patterns.length,
      temperature: 0,
    });
    const text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
    const lines = text
      .split('\n')
      .map((l) => /^\s*(\d+)\.\s+(.+)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null);
    if (lines.length !== patterns.length || lines.some((m, i) => Number(m[1]) !== i + 1))
      return fallback;
    return { advice: lines.map((m) => m[2]!.trim()), usedModel: true };
  } catch {
    return fallback;
  }
}
