#!/usr/bin/env node
/**
 * The Rackplan command line: the same model code as the app, for plans kept in git.
 *   plan validate <file>          exit 0 if valid, 1 with field-path errors
 *   plan evaluate <file> [--json] a summary, or the whole Report as JSON
 *   plan schema                   print the plan JSON Schema
 *   plan examples <dir>           write the sample plans
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue, formatOf, readPlan, writePlan, type Plan } from '../plan';
import { planJsonSchema } from '../plan/jsonSchema';
import { SAMPLES } from '../plan/samples/samples';
import { evaluate } from '../models/evaluate';
import { formatSummary } from './format';
import { COMMANDS } from './commands';

const USAGE = `usage: plan <command> [args]
  validate <file>            check a plan (JSON or YAML); exit 1 with field-path errors
  evaluate <file> [--json]   run every model; print a summary or the full report as JSON
${COMMANDS.map((c) => `  ${c.usage.padEnd(27)}${c.summary}`).join('\n')}
  schema                     print the plan's JSON Schema
  examples <dir>             write the sample plans into <dir>`;

function load(file: string | undefined): Plan {
  if (!file) fail(USAGE, 2);
  let text: string;
  try {
    if (statSync(file).size > 20 * 2 ** 20) fail(`${file}: (file): plans may be at most 20 MiB`, 1);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`${file}: cannot read: ${(error as Error).message}`, 2);
  }
  const result = readPlan(text, formatOf(file, text));
  if (!result.ok) fail(`${file}: invalid plan (${result.issues.length} problem${result.issues.length === 1 ? '' : 's'})\n${result.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`, 1);
  return result.plan;
}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function main(argv: string[]): void {
  const [command, ...rest] = argv;
  const json = rest.includes('--json');
  const args = rest.filter((a) => !a.startsWith('--'));
  switch (command) {
    case 'validate': {
      const plan = load(args[0]);
      process.stdout.write(`${args[0]}: valid (${plan.nodes.length} nodes, ${plan.racks.length} racks)\n`);
      return;
    }
    case 'evaluate': {
      const report = evaluate(load(args[0]));
      process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${formatSummary(report)}\n`);
      return;
    }
    case 'schema':
      process.stdout.write(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
      return;
    case 'examples': {
      const dir = args[0] ?? fail(USAGE, 2);
      mkdirSync(dir, { recursive: true });
      for (const [file, build] of Object.entries(SAMPLES)) writeFileSync(join(dir, file), writePlan(build(), 'json'));
      process.stdout.write(`wrote ${Object.keys(SAMPLES).length} plans to ${dir}\n`);
      return;
    }
    default: {
      const extra = COMMANDS.find((c) => c.name === command);
      if (extra) {
        process.stdout.write(`${extra.run(evaluate(load(args[0])), { json })}\n`);
        return;
      }
      if (command === 'help' || command === '--help' || command === '-h') {
        process.stdout.write(`${USAGE}\n`);
        return;
      }
      fail(USAGE, 2);
    }
  }
}

main(process.argv.slice(2));
