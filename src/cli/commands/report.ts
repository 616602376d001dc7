import { writeFileSync } from 'node:fs';
import { evaluate } from '../../models/evaluate';
import { planReportHtml } from '../../report/html';
import { planReportMarkdown } from '../../report/markdown';
import { planReportData } from '../../report/reportData';
import { CliExit, EXIT_USAGE, PLAN_FILE, type CliCommand } from '../command';
import { loadPlan } from '../loadPlan';

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'one-page plan report (summary, bill of materials, sizing, findings, predictions) as Markdown or printable HTML',
  args: [PLAN_FILE],
  options: [
    {
      name: 'format',
      type: 'string',
      valueName: 'FORMAT',
      choices: ['md', 'html'],
      description: 'md for a ticket or pull request, html to print (default md)',
    },
    { name: 'out', type: 'string', valueName: 'FILE', description: 'write the report to FILE instead of stdout' },
  ],
  run({ args, options, io }) {
    const plan = loadPlan(args[0]);
    const data = planReportData(plan, evaluate(plan));
    const text = options.format === 'html' ? planReportHtml(data, plan) : planReportMarkdown(data);
    const out = options.out as string | undefined;
    if (out) {
      try {
        writeFileSync(out, text);
      } catch (error) {
        throw new CliExit(EXIT_USAGE, `${out}: cannot write: ${(error as Error).message}`);
      }
      io.err(`wrote ${out}\n`);
    } else {
      io.out(text);
    }
    return 0;
  },
};
