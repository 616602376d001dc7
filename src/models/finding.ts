/**
 * The one shape every model family, the advisor and the drills use to say something about a plan:
 * a stable rule id, a severity, one sentence naming what it concerns, why it matters with the
 * model figure behind it, and where the recommendation comes from. The UI lists them, highlights
 * their subjects and the CLI prints them like a linter (`file: severity RULE-ID message`).
 */

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

/**
 * A remedy a finding offers, as data: the editor turns it into one undoable edit
 * (`src/editor/actions/fixes.ts`). Models cannot import the editor, so the rule that finds the
 * problem names the remedy and the editor carries it out.
 */
export type FindingFix =
  /** Move each node to its rack (the rule picked racks with room, read from the physical report). */
  | { kind: 'moveNodes'; label: string; moves: readonly { nodeId: string; rackId: string }[] }
  /** Add control-plane nodes of a hardware profile, one in each rack. */
  | { kind: 'addControlPlanes'; label: string; hardwareId: string; rackIds: readonly string[] }
  /** Label storage nodes `node-role.kubernetes.io/storage=` and taint them NoSchedule. */
  | { kind: 'dedicateStorageNodes'; label: string; nodeIds: readonly string[] }
  /** Set each node's `topology.kubernetes.io/zone` to its rack id (Longhorn's zone = rack). */
  | { kind: 'zoneByRack'; label: string; nodeIds: readonly string[] }
  /** Set one cluster setting (a path under `plan.cluster`). */
  | { kind: 'setting'; label: string; path: readonly string[]; value: boolean | number | string };

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
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity)
    || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
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
