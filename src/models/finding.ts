/**
 * The one shape every model family, the advisor and the drills use to say something about a plan:
 * a stable rule id, a severity, one sentence naming what it concerns, why it matters with the
 * model figure behind it, and where the recommendation comes from. The UI lists them, highlights
 * their subjects and the CLI prints them like a linter (`file: severity RULE-ID message`).
 */
import type { PlanFix } from '../plan/planFix';

export type Severity = 'error' | 'warning' | 'info';

/** Most severe first, for sorting and for "worst of". */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A number a finding rests on, with its unit (`{ label: 'feed B after failover', value: 612, unit: '%' }`). */
export interface FindingFigure {
  label: string;
  value: number;
  unit: string;
}

/** What a finding concerns, by plan id: the rack view highlights these. */
export interface FindingSubjects {
  nodes?: readonly string[];
  racks?: readonly string[];
  /** Settings by field path (`cluster.kubespan.enabled`). */
  settings?: readonly string[];
}

/** A remedy a finding offers, as a plan edit described as data (see `src/plan/planFix.ts`). */
export type FindingFix = PlanFix;

export interface Finding {
  /** Stable id: an RA rule (`RA-CP-RACKS`) or a model finding (`POWER-FEED-OVERLOAD`, `ETCD-TIMER-ELECTION`). */
  ruleId: string;
  severity: Severity;
  /** One sentence naming the affected nodes, racks or settings. */
  message: string;
  /** Why it matters, with the model figure in words ("losing rack R2 loses quorum: 2 of 3 members are in it"). */
  why: string;
  figure?: FindingFigure;
  /** The recommendation or primary source it comes from (an RA id and its text, a doc, a paper). */
  source: string;
  subjects?: FindingSubjects;
  /** A one-step remedy, when the rule has a clear one ("move cp-2 to rack R3"). */
  fix?: FindingFix;
}

/** Orders findings most severe first, then by rule id, then by message, so lists are stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

/** Counts by severity: `{ error: 2, warning: 5, info: 1 }`. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The most severe severity present, or null for no findings. */
export function worstSeverity(findings: readonly Finding[]): Severity | null {
  for (const s of SEVERITIES) if (findings.some((f) => f.severity === s)) return s;
  return null;
}
