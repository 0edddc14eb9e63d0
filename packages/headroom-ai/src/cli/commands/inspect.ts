import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { CliCommand } from '../command.js';
import { checkedModel, modelOption, queryOption } from '../model-option.js';
import { readInput } from '../read-input.js';
import { inspectReport } from '../../inspect/inspect-report.js';
import { reportHtml } from '../../inspect/report-html.js';

/** `headroom inspect [file|-]`: what the pipeline did to each tool output, as an HTML report or JSON. */
export const inspectCommand: CliCommand = {
  name: 'inspect',
  arguments: '[file|-]',
  summary:
    'show what compression does to a tool output or messages file, side by side (HTML report or JSON)',
  description: [
    'Runs the pipeline on a tool output or an OpenAI/Anthropic messages JSON file and writes one self-contained',
    'HTML report: per tool output, the detected kind and every detector score, the strategy, tokens before and',
    'after, the original and the compressed text side by side with dropped and added lines highlighted, and each',
    '<<ccr:KEY …>> marker linked to the original it stores (and what --query would retrieve). Nothing is stored',
    'or recorded: the report holds the originals itself.',
  ].join('\n'),
  maxPositionals: 1,
  options: {
    model: modelOption,
    query: queryOption,
    out: {
      type: 'string',
      valueName: 'file',
      description: 'where to write the HTML report (default headroom-inspect.html)',
    },
    json: { type: 'boolean', description: 'print the report data as JSON on stdout instead' },
  },
  async run({ values, positionals }, io) {
    const path = 'headroom inspect';
    const model = checkedModel(path, values.model);
    const query = typeof values.query === 'string' ? values.query : undefined;
    const source = positionals[0] ?? '-';
    const input = await readInput(source, io, path);
    const report = await inspectReport(input, {
      model,
      query,
      fileName: source === '-' ? undefined : basename(source),
    });
    if (values.json) {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    const out = resolve(typeof values.out === 'string' ? values.out : 'headroom-inspect.html');
    await writeFile(out, reportHtml(report));
    io.stdout(`${out}\n`);
    return 0;
  },
};
