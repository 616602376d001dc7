import type { Plan } from '../../plan/schema';
import type { Finding } from '../finding';
import type { ModelReport } from '../report';

/** What every advisor rule reads: the plan and the models' report on it. Rules never recompute a model. */
export interface RuleInput {
  plan: Plan;
  report: ModelReport;
}

/**
 * One reference-architecture rule that a plan can break. `check` returns the rule's findings:
 * none when the plan satisfies it, info-level verdicts where the rule asks for a choice.
 */
export interface PlanRule {
  /** The RA id (`RA-CP-RACKS`). */
  id: string;
  /** The recommendation in a few words, for lists and the report. */
  title: string;
  /** The recommendation in our words, with the document it comes from. */
  source: string;
  check(input: RuleInput): Finding[];
}

/** One line of the guidance checklist: a recommendation a plan cannot break, and what the plan says about it. */
export interface GuidanceItem {
  id: string;
  topic: string;
  /** The plan's answer ("monitoring stack: not specified in the plan"). */
  answer: string;
  /** True when the plan records an answer; false when the planner still has to decide. */
  answered: boolean;
  source: string;
}

export interface GuidanceRule {
  id: string;
  topic: string;
  source: string;
  answer(input: RuleInput): { answer: string; answered: boolean };
}

/** The document every RA rule comes from (Sidero Labs, 2025). */
export const RA_DOCUMENT = 'Sidero Labs, "Kubernetes Cluster Data Center Reference Architecture with Omni and Talos Linux"';

/** A rule's source line: the document, the id and the recommendation in our words. */
export function raSource(id: string, text: string): string {
  return `${RA_DOCUMENT}, ${id}: ${text}`;
}

/** "a", "a and b", "a, b and c", with at most `max` names then "and N more". */
export function nameList(names: readonly string[], max = 6): string {
  const shown = names.length > max ? [...names.slice(0, max), `${names.length - max} more`] : [...names];
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** "1 node", "2 nodes". */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : nouns}`;
}
