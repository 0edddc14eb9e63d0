import { barChart } from '../charts/bar-chart.js';
import { writeChart } from '../charts/write-chart.js';
import { messageText } from '../context.js';
import { int, pct, table } from '../report.js';
import { messageIndexOfStep, stepsOf } from '../workloads/workload.js';
import type { BenchSection } from './section.js';

/** The headline table: each workload's token savings beside the reference product's published number. */
export const savingsSection: BenchSection = {
  title: 'Headline workloads: token savings',
  async run(ctx) {
    const rows: string[][] = [];
    const details: string[] = [];
    const chart = { ours: [] as number[], reference: [] as number[] };
    for (const workload of ctx.workloads) {
      const { result } = await ctx.compressed(workload);
      const saved = result.tokensBefore === 0 ? 0 : result.tokensSaved / result.tokensBefore;
      const { reference } = workload;
      const theirs = reference.tokens
        ? `${pct(reference.savings, 0)} (${int(reference.tokens.before)} → ${int(reference.tokens.after)})`
        : pct(reference.savings, 0);
      chart.ours.push(saved * 100);
      chart.reference.push(reference.savings * 100);
      rows.push([
        workload.title,
        int(result.tokensBefore),
        int(result.tokensAfter),
        `**${pct(saved)}**`,
        theirs,
      ]);

      const stepRows = stepsOf(workload).map((step, index) => {
        const messageIndex = messageIndexOfStep(workload, index);
        const transform = result.transforms.find((t) => t.messageIndex === messageIndex);
        const before = ctx.countTokens(step.output);
        const after = ctx.countTokens(messageText(result.messages[messageIndex]));
        const how = transform
          ? `${transform.kind} → \`${transform.strategy}\`${transform.ccrKeys.length ? `, ${transform.ccrKeys.length} CCR key(s)` : ''}`
          : 'unchanged';
        return [
          `\`${step.name}\``,
          `\`${JSON.stringify(step.args)}\``,
          step.summary,
          int(before),
          int(after),
          how,
        ];
      });
      details.push(
        [
          `### ${workload.title}`,
          '',
          workload.data,
          '',
          `Question: _${workload.messages[1]?.content as string}_ — then: _${workload.messages.at(-1)?.content as string}_`,
          '',
          `Reference workload: ${workload.reference.shape}.`,
          '',
          table(['Tool', 'Arguments', 'Holds', 'Tokens', 'After', 'What happened'], stepRows, [
            'l',
            'l',
            'l',
            'r',
            'r',
            'l',
          ]),
        ].join('\n'),
      );
    }
    return [
      "Four agent conversations shaped like the reference product's headline table (system prompt, question, assistant",
      'tool calls, JSON tool results, final question), built deterministically from real data instead of generators.',
      'Ours: one `compress()` call with default options (model `gpt-4o`, relevance query = the user question before each',
      'tool result). Reference: the savings its README reports for its own, synthetic, version of each workload',
      '(provider-reported tokens, one-off runs) — same shape, different data, so compare with care.',
      '',
      table(
        ['Workload', 'Tokens before', 'Tokens after', 'Saved (ours)', 'Saved (reference)'],
        rows,
      ),
      '',
      writeChart(
        'savings.svg',
        "Token savings per workload, ours and the reference product's",
        barChart({
          title: "Tokens saved per workload (%): ours vs the reference product's published figure",
          categories: ctx.workloads.map((w) => w.title),
          series: [
            { name: 'Headroom TS (this run)', values: chart.ours },
            { name: 'Reference (its README, synthetic data)', values: chart.reference },
          ],
          label: (v) => `${v.toFixed(1)}%`,
        }),
      ),
      '',
      ...details.flatMap((d) => [d, '']),
    ].join('\n');
  },
};
