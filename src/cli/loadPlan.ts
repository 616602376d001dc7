import { readFileSync, statSync } from 'node:fs';
import { formatIssue, formatOf, readPlan, type Plan } from '../plan';
import { CliExit, EXIT_PLAN_FAILS, EXIT_USAGE } from './command';

/** The largest plan file read, bytes (a 5,000-node plan is about 2 MB of JSON). */
export const MAX_PLAN_FILE_BYTES = 20 * 2 ** 20;

/**
 * Reads, parses, migrates and validates a plan file. A file that cannot be read is a usage error
 * (exit 2); an invalid plan exits 1 with every problem by field path.
 */
export function loadPlan(file: string): Plan {
  let text: string;
  try {
    if (statSync(file).size > MAX_PLAN_FILE_BYTES) throw new CliExit(EXIT_PLAN_FAILS, `${file}: (file): plans may be at most 20 MiB`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof CliExit) throw error;
    throw new CliExit(EXIT_USAGE, `${file}: cannot read: ${(error as Error).message}`);
  }
  const result = readPlan(text, formatOf(file, text));
  if (!result.ok) {
    const n = result.issues.length;
    throw new CliExit(
      EXIT_PLAN_FAILS,
      `${file}: invalid plan (${n} problem${n === 1 ? '' : 's'})\n${result.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`,
    );
  }
  return result.plan;
}
