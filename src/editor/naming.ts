import type { Role } from '../plan/schema';

/** The name prefix the samples use for each role: cp-01, w-0001, st-01. */
export const ROLE_PREFIX: Record<Role, { prefix: string; digits: number }> = {
  controlplane: { prefix: 'cp-', digits: 2 },
  worker: { prefix: 'w-', digits: 4 },
  storage: { prefix: 'st-', digits: 2 },
};

/**
 * Hands out fresh names like `w-0042` that collide with none of `taken` (ids and names alike),
 * continuing after the highest number in use so new nodes sort after old ones.
 */
export function nameAllocator(taken: Iterable<string>): (role: Role) => string {
  const used = new Set(taken);
  const next = new Map<Role, number>();
  return (role) => {
    const { prefix, digits } = ROLE_PREFIX[role];
    let n = next.get(role);
    if (n === undefined) {
      n = 0;
      for (const name of used) {
        if (!name.startsWith(prefix)) continue;
        const k = Number(name.slice(prefix.length));
        if (Number.isInteger(k) && k > n) n = k;
      }
    }
    let name: string;
    do {
      n += 1;
      name = `${prefix}${String(n).padStart(digits, '0')}`;
    } while (used.has(name));
    next.set(role, n);
    used.add(name);
    return name;
  };
}

/** A fresh id `base`, `base-2`, `base-3`… not in `taken`. */
export function freshId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** The role a hardware profile is most likely meant for, from its id and name (a palette default). */
export function roleForHardware(hw: { id: string; name: string }): Role {
  const text = `${hw.id} ${hw.name}`.toLowerCase();
  if (/\bcp\b|control/.test(text) || text.startsWith('cp-')) return 'controlplane';
  if (/storage|ceph|osd/.test(text)) return 'storage';
  return 'worker';
}
