import { evaluate } from '../../models/evaluate';
import { JSON_OPTION, PLAN_FILE, type CliCommand } from '../command';
import { formatSummary } from '../format';
import { loadPlan } from '../loadPlan';

export const evaluateCommand: CliCommand = {
  name: 'evaluate',
  summary: 'run every model; print a summary or the full report as JSON',
  args: [PLAN_FILE],
  options: [JSON_OPTION],
  run({ args, options, io }) {
    const report = evaluate(loadPlan(args[0]));
    io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatSummary(report)}\n`);
    return 0;
  },
};
