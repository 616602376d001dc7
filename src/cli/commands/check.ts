import { evaluate } from '../../models/evaluate';
import { countBySeverity, SEVERITIES, type Finding, type Severity } from '../../models/finding';
import { JSON_OPTION, PLAN_FILE, EXIT_OK, EXIT_PLAN_FAILS, type CliCommand } from '../command';
import { loadPlan } from '../loadPlan';

/** Whether a finding of `severity` fails a gate set at `failOn` (`warning` fails on warnings and errors). */
export function failsGate(severity: Severity, failOn: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(failOn);
}

/** One linter line: `file: severity RULE-ID message`; with `explain`, why it matters on the next line. */
export function checkLine(file: string, f: Finding, explain = false): string {
  const line = `${file}: ${f.severity} ${f.ruleId} ${f.message}`;
  return explain ? `${line}\n    why: ${f.why}${f.fix ? `\n    fix: ${f.fix.label}` : ''}` : line;
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'check a plan against the reference architecture and the models, like a linter; exit 1 at --fail-on',
  args: [PLAN_FILE],
  options: [
    JSON_OPTION,
    {
      name: 'fail-on',
      type: 'string',
      valueName: 'SEVERITY',
      choices: ['warning', 'error'],
      description: 'lowest severity that fails the check (default error)',
    },
    { name: 'info', type: 'boolean', description: 'also print info-level findings (verdicts and export reminders)' },
    { name: 'explain', type: 'boolean', description: 'print why each finding matters and its fix under it' },
  ],
  run({ args, options, io }) {
    const file = args[0];
    const report = evaluate(loadPlan(file));
    const failOn = (options['fail-on'] as Severity | undefined) ?? 'error';
    const failing = report.findings.filter((f) => failsGate(f.severity, failOn));
    const code = failing.length > 0 ? EXIT_PLAN_FAILS : EXIT_OK;
    if (options.json) {
      io.out(
        `${JSON.stringify({ file, failOn, passed: code === EXIT_OK, counts: countBySeverity(report.findings), findings: report.findings, guidance: report.guidance }, null, 2)}\n`,
      );
      return code;
    }
    const shown = options.info ? report.findings : report.findings.filter((f) => f.severity !== 'info');
    const c = countBySeverity(report.findings);
    const lines = shown.map((f) => checkLine(file, f, options.explain === true));
    lines.push(`${file}: ${c.error} error(s), ${c.warning} warning(s), ${c.info} info; ${code === EXIT_OK ? 'passes' : 'fails'} at --fail-on ${failOn}`);
    io.out(`${lines.join('\n')}\n`);
    return code;
  },
};
