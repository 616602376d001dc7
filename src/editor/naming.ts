import type { Plan, Role } from '../plan/schema';

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

/** Every id in the plan: ids share one namespace across sites, rooms, rows, racks, hardware and nodes. */
export function planIds(plan: Plan): Set<string> {
  return new Set([...plan.sites, ...plan.rooms, ...plan.rows, ...plan.racks, ...plan.hardware, ...plan.nodes].map((x) => x.id));
}

/** A rack name split around its last number: "A-07b" is { head: "A-", digits: "07", tail: "b" }. */
function numbered(name: string): { head: string; digits: string; tail: string } | null {
  const m = /^(.*?)(\d+)(\D*)$/u.exec(name);
  return m ? { head: m[1], digits: m[2], tail: m[3] } : null;
}

/** The id a rack name suggests ("A-03" → "a-03"), or null when it would not be a valid id. */
function idFromName(name: string): string | null {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '');
  return id.length > 0 && id.length <= 64 ? id : null;
}

/** Longest display name the plan schema allows. */
const MAX_NAME = 120;

/**
 * The name and id of a rack added to a row, continuing the row's numbering: R1, R2 → R3;
 * "A-01", "A-02" → "A-03" (zero padding kept, "A-09" → "A-10"). The pattern is the one of the
 * row's last numbered rack; a row of unnumbered racks appends a number to its last name; an empty
 * row continues the plan's last numbered rack (halls often number racks across rows), and
 * otherwise, or when the pattern would outgrow a name, the name is "R<n>". Numbers are skipped
 * while the name is another rack's or the id it suggests is taken by anything, so name and id
 * stay unique and alike ("R9" is "r9").
 */
export function rackNameInRow(rowNames: readonly string[], planNames: readonly string[], takenIds: ReadonlySet<string>): { name: string; id: string } {
  const source = rowNames.length > 0 ? rowNames : planNames;
  const last = source.findLast((n) => numbered(n) !== null);
  let base = last !== undefined ? numbered(last)! : rowNames.length > 0 ? { head: `${rowNames.at(-1)} `, digits: '1', tail: '' } : null;
  if (!base || base.head.length + base.digits.length + 1 + base.tail.length > MAX_NAME) base = { head: 'R', digits: '0', tail: '' };
  let { head, tail } = base;
  // Names of the row with the same head and tail set where numbering resumes and its padding.
  const kin = [...rowNames, ...(last !== undefined ? [last] : [])].map(numbered).filter((p) => p !== null && p.head === head && p.tail === tail) as {
    digits: string;
  }[];
  let width = Math.max(1, ...kin.filter((k) => k.digits.startsWith('0')).map((k) => k.digits.length));
  // BigInt, so a 30-digit rack number still counts up instead of rounding to itself forever.
  let n = [base.digits, ...kin.map((k) => k.digits)].map(BigInt).reduce((a, b) => (b > a ? b : a));
  const names = new Set(planNames);
  for (;;) {
    n += 1n;
    const digits = String(n).padStart(width, '0');
    const name = `${head}${digits}${tail}`;
    if (name.length > MAX_NAME) {
      [head, tail, width, n] = ['R', '', 1, 0n];
      continue;
    }
    if (names.has(name)) continue;
    // A name whose id is taken (a node "r9" beside a new rack "R9") falls back to an id that
    // changes with the number, so the search always ends.
    const id = [idFromName(name), `rack-${digits}`].find((x) => x !== null && !takenIds.has(x));
    if (id) return { name, id };
  }
}
