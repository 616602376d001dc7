import type { Finding } from '../../models/finding';
import type { PlanIssue } from '../../plan/issues';

export interface FindingCounts {
  /** Validation problems: the plan cannot be evaluated until they are fixed. */
  problems: number;
  error: number;
  warning: number;
  info: number;
  /** What the tab and the header show: problems, errors and warnings (never 0 while an error stands). */
  actionable: number;
}

/** Counts for the Findings tab and the header badge, from the validation issues and the last report's findings. */
export function findingCounts(issues: readonly PlanIssue[], findings: readonly Finding[]): FindingCounts {
  const c = { problems: issues.length, error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity] += 1;
  return { ...c, actionable: c.problems + c.error + c.warning };
}

/** "17 errors, 18 warnings, 11 info" for labels and titles (problems count as errors: they block the models). */
export function countsText(c: FindingCounts): string {
  const errors = c.problems + c.error;
  return `${errors} error${errors === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} info`;
}
