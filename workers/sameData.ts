type Obj = Record<string, unknown>;

/**
 * Whether two values of plain data (what a report holds: numbers, strings, booleans, null,
 * arrays and plain objects) are equal all the way down, with `Object.is` at the leaves. Anything
 * else (a Map, a class instance, a function) counts as different unless it is the same object,
 * so a caller that treats "same" as "need not be sent again" errs only towards sending.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || !sameData((a as Obj)[key], (b as Obj)[key])) return false;
  return true;
}
