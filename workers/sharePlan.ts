/**
 * `next` with every part deep-equal to the same part of `prev` replaced by `prev`'s object, so
 * a plan that arrives by postMessage (a fresh structured clone, every object new) shares its
 * untouched parts with the previous plan again, and the evaluator's identity keys work across
 * messages. Array elements with an `id` are matched by id (deleting a node shifts the others);
 * other elements by index. Mutates and returns `next` (the worker owns the clone); returns `prev`
 * itself when nothing changed. Cost: one walk over the plan, no allocation for unchanged parts.
 */
export function sharePlan<T>(prev: T, next: T): T {
  return share(prev, next) as T;
}

type Obj = Record<string, unknown>;

function share(prev: unknown, next: unknown): unknown {
  if (Object.is(prev, next)) return prev;
  if (typeof prev !== 'object' || typeof next !== 'object' || prev === null || next === null) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    const byId = new Map<unknown, unknown>();
    for (const item of prev) if (isObj(item) && 'id' in item) byId.set(item.id, item);
    let same = prev.length === next.length;
    for (let i = 0; i < next.length; i++) {
      const item = next[i];
      const match = isObj(item) && 'id' in item && byId.has(item.id) ? byId.get(item.id) : prev[i];
      next[i] = share(match, item);
      if (next[i] !== prev[i]) same = false;
    }
    return same ? prev : next;
  }
  if (Array.isArray(prev) || Object.getPrototypeOf(next) !== Object.prototype || Object.getPrototypeOf(prev) !== Object.prototype) return next;
  const p = prev as Obj;
  const n = next as Obj;
  const keys = Object.keys(n);
  let same = keys.length === Object.keys(p).length;
  for (const key of keys) {
    const shared = share(p[key], n[key]);
    n[key] = shared;
    if (shared !== p[key] || !(key in p)) same = false;
  }
  return same ? prev : next;
}

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
