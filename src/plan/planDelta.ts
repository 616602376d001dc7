import type { Plan } from './schema';

/** A changed top-level field: its new value whole, or (for a long list) the length and the changed elements by index. */
export type FieldChange = { value: unknown } | { length: number; items: [index: number, item: unknown][] };

/**
 * What changed between two plans, field by field, as little as a postMessage needs to carry.
 * Plans are immutable and an edit copies only the path it changes, so unchanged fields and list
 * elements keep their identity and are left out: moving one node of 5,000 is one node, not a
 * structured clone of them all. Fields missing from the newer plan are listed in `removed`.
 */
export interface PlanDelta {
  changed: Record<string, FieldChange>;
  removed: string[];
}

/**
 * Lists at least this long are sent element by element, when fewer than half their elements
 * changed; shorter ones (sites, racks of a small plan) are sent whole, which is as cheap.
 */
const ITEMWISE_FROM = 64;

/** The delta that turns `prev` into `next` (compared by identity: one pointer comparison per element). */
export function planDelta(prev: Plan, next: Plan): PlanDelta {
  const before = prev as unknown as Record<string, unknown>;
  const after = next as unknown as Record<string, unknown>;
  const changed: Record<string, FieldChange> = {};
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    if (a === b && key in before) continue;
    changed[key] = Array.isArray(a) && Array.isArray(b) && b.length >= ITEMWISE_FROM ? listChange(a, b) : { value: b };
  }
  const removed = Object.keys(before).filter((key) => !(key in after));
  return { changed, removed };
}

function listChange(a: readonly unknown[], b: readonly unknown[]): FieldChange {
  const items: [number, unknown][] = [];
  for (let i = 0; i < b.length; i++) {
    if (a[i] !== b[i]) {
      items.push([i, b[i]]);
      if (items.length * 2 > b.length) return { value: b };
    }
  }
  return { length: b.length, items };
}

/** Whether a delta changes nothing. */
export function isEmptyDelta(delta: PlanDelta): boolean {
  return delta.removed.length === 0 && Object.keys(delta.changed).length === 0;
}

/**
 * `base` with `delta` applied: a new plan object whose unchanged fields and list elements are
 * `base`'s own (so identity-keyed caches keep working across messages). `base` is not modified.
 * Works on any document (the receiving side validates the result).
 */
export function applyPlanDelta(base: unknown, delta: PlanDelta): unknown {
  const next: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const key of delta.removed) delete next[key];
  for (const [key, change] of Object.entries(delta.changed)) {
    let value = 'value' in change ? change.value : undefined;
    if (!('value' in change)) {
      const old = next[key];
      const list = Array.isArray(old) ? old.slice(0, change.length) : [];
      list.length = change.length;
      for (const [i, item] of change.items) list[i] = item;
      value = list;
    }
    // Defined, not assigned: a key named "__proto__" stays an own key for validation to refuse,
    // instead of silently setting the plan's prototype.
    Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return next;
}
