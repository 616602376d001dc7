import type { Plan } from '../plan/schema';

/**
 * What one edit changed: for each top-level field of the plan, its value before and after.
 * Plans are immutable and share untouched parts, so keeping `before` costs only the references
 * (a 5,000-node `nodes` array is one array of pointers, not a copy of the nodes).
 */
export type PlanDiff = { [K in keyof Plan]?: { before: Plan[K]; after: Plan[K] } };

/** The fields that differ by reference between two plans. */
export function diffPlans(before: Plan, after: Plan): PlanDiff {
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof Plan)[]);
  for (const key of keys) {
    if (before[key] !== after[key]) diff[key] = { before: before[key], after: after[key] };
  }
  return diff as PlanDiff;
}

export function isEmptyDiff(diff: PlanDiff): boolean {
  return Object.keys(diff).length === 0;
}

/** Applies a diff forwards (`after`) or backwards (`before`, the inverse). */
export function applyDiff(plan: Plan, diff: PlanDiff, direction: 'forward' | 'backward'): Plan {
  const next: Record<string, unknown> = { ...plan };
  for (const [key, change] of Object.entries(diff) as [string, { before: unknown; after: unknown }][]) {
    const value = direction === 'forward' ? change.after : change.before;
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as Plan;
}
