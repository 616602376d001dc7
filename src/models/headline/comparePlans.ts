import type { Plan, PlanNode } from '../../plan/schema';
import type { HeadlineFigure, Verdict } from './headline';
import { sig } from '../../format/units';

/** One headline figure of two plans side by side. */
export interface FigureComparison {
  id: string;
  label: string;
  a: { text: string; verdict: Verdict } | null;
  b: { text: string; verdict: Verdict } | null;
  /** b − a in the figure's unit, as text ("+12 ms", "−3 racks"); null when either is not a number or the figure is a unitless rank. */
  difference: string | null;
  /** Which plan reads better on this figure; `same` when equal, null when the figure has no order. */
  better: 'a' | 'b' | 'same' | null;
}

const VERDICT_RANK: Record<Verdict, number> = { ok: 0, info: 0, warn: 1, bad: 2 };

function differenceText(d: number, unit: string): string {
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  if (unit === 'fraction') return `${sign}${sig(Math.abs(d) * 100)} points`;
  return `${sign}${sig(Math.abs(d))}${unit ? ` ${unit}` : ''}`;
}

/**
 * Pairs the headline figures of plan a and plan b by id. The better plan on a figure is the one
 * with the better verdict; with equal verdicts, the one whose value moves in the figure's better
 * direction (lower latency, higher tolerance).
 */
export function compareHeadlines(a: readonly HeadlineFigure[], b: readonly HeadlineFigure[]): FigureComparison[] {
  const ids = [...new Set([...a.map((f) => f.id), ...b.map((f) => f.id)])];
  return ids.map((id) => {
    const fa = a.find((f) => f.id === id) ?? null;
    const fb = b.find((f) => f.id === id) ?? null;
    const both = fa && fb;
    const d = both && fa.value !== null && fb.value !== null ? fb.value - fa.value : null;
    // A figure without a unit carries a rank (sizing: fits < no headroom < too small), not a
    // quantity: it orders the plans, but "±0" or "+1" of it would read as a measurement.
    const measured = d !== null && fa!.unit !== '';
    let better: FigureComparison['better'] = null;
    if (both) {
      const ra = VERDICT_RANK[fa.verdict];
      const rb = VERDICT_RANK[fb.verdict];
      if (ra !== rb) better = ra < rb ? 'a' : 'b';
      else if (d !== null && fa.better) better = d === 0 ? 'same' : d < 0 === (fa.better === 'lower') ? 'b' : 'a';
      else if (fa.text === fb.text) better = 'same';
    }
    return {
      id,
      label: (fa ?? fb)!.label,
      a: fa && { text: fa.text, verdict: fa.verdict },
      b: fb && { text: fb.text, verdict: fb.verdict },
      difference: measured ? differenceText(d, fa!.unit) : null,
      better,
    };
  });
}

export interface PlanChanges {
  added: string[];
  removed: string[];
  /** Nodes in another rack or at another U: `w-0001: R1 U2 → R2 U12`. */
  moved: string[];
  /** Nodes whose role, hardware, feeds, ToRs, labels or taints changed. */
  changedNodes: string[];
  /** Setting paths that differ, with before and after (`cluster.kubespan.enabled: false → true`). */
  settings: string[];
}

const short = (v: unknown): string => {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

/** Leaf paths where two JSON values differ; arrays are compared whole. */
function leafDiffs(a: unknown, b: unknown, path: string, out: string[]): void {
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (isObj(a) && isObj(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) leafDiffs(a[k], b[k], path ? `${path}.${k}` : k, out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${path}: ${short(a)} → ${short(b)}`);
}

/**
 * What changed from plan a to plan b: nodes added, removed, moved (by id), nodes otherwise
 * changed, and every other setting that differs by path. Racks, hardware and layout count as
 * settings (by path), so a renamed rack shows as `racks: … → …`.
 */
export function planChanges(a: Plan, b: Plan): PlanChanges {
  const na = new Map(a.nodes.map((n) => [n.id, n]));
  const nb = new Map(b.nodes.map((n) => [n.id, n]));
  const where = (n: PlanNode) => `${n.rackId} U${n.positionU}`;
  const moved: string[] = [];
  const changedNodes: string[] = [];
  for (const [id, x] of na) {
    const y = nb.get(id);
    if (!y) continue;
    if (x.rackId !== y.rackId || x.positionU !== y.positionU) moved.push(`${id}: ${where(x)} → ${where(y)}`);
    const rest = (n: PlanNode) => JSON.stringify({ ...n, rackId: undefined, positionU: undefined });
    if (rest(x) !== rest(y)) changedNodes.push(id);
  }
  const settings: string[] = [];
  const { nodes: _a, ...sa } = a;
  const { nodes: _b, ...sb } = b;
  leafDiffs(sa, sb, '', settings);
  return {
    added: [...nb.keys()].filter((id) => !na.has(id)),
    removed: [...na.keys()].filter((id) => !nb.has(id)),
    moved,
    changedNodes,
    settings,
  };
}
