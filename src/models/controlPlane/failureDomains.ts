import type { EtcdMember } from './members';
import { quorumSize, toleratedFailures } from './quorum';

export type FailureLevel = 'node' | 'rack' | 'tor' | 'power' | 'row' | 'room' | 'site';

export const FAILURE_LEVELS: readonly FailureLevel[] = ['node', 'rack', 'tor', 'power', 'row', 'room', 'site'];

/** A domain at one level and the members that depend on it. */
export interface MemberDependencies {
  /** Domain id → human label ("rack R2", "ToR B of rack R2", "circuit PDU-3"). */
  labels: Map<string, string>;
  /** Per member, the domains it depends on at this level; the member is down only when all of them fail. */
  deps: string[][];
}

/**
 * What each member depends on at a failure-domain level. Single-homed levels (node, rack, row,
 * room, site) give one domain per member. A node cabled to two top-of-rack switches, or fed from
 * two power feeds, depends on both: it goes down only when both fail. A feed's domain is its
 * upstream `circuit` (a PDU / UPS circuit that may feed many racks) when named, else the rack's feed.
 */
export function memberDependencies(members: readonly EtcdMember[], level: FailureLevel): MemberDependencies {
  const labels = new Map<string, string>();
  const deps = members.map((m): string[] => {
    const { node, rack, row, room, site } = m.place;
    const one = (id: string, label: string) => {
      labels.set(id, label);
      return [id];
    };
    switch (level) {
      case 'node':
        return one(`node:${node.id}`, `node ${node.name}`);
      case 'rack':
        return one(`rack:${rack.id}`, `rack ${rack.name}`);
      case 'row':
        return one(`row:${row.id}`, `row ${row.name}`);
      case 'room':
        return one(`room:${room.id}`, `room ${room.name}`);
      case 'site':
        return one(`site:${site.id}`, `site ${site.name}`);
      case 'tor': {
        // A rack with one switch has only switch A, whatever the node claims to be cabled to.
        const present = node.tors.filter((t) => t === 'A' || rack.tor.count === 2);
        const tors = present.length > 0 ? present : ['A' as const];
        return tors.map((t) => {
          const id = `tor:${rack.id}:${t}`;
          labels.set(id, `ToR ${t} of rack ${rack.name}`);
          return id;
        });
      }
      case 'power': {
        const feeds = rack.feeds.filter((f) => node.feeds.includes(f.id));
        const used = feeds.length > 0 ? feeds : rack.feeds.slice(0, 1);
        return used.map((f) => {
          const id = f.circuit ? `circuit:${f.circuit}` : `feed:${rack.id}:${f.id}`;
          labels.set(id, f.circuit ? `power circuit ${f.circuit}` : `feed ${f.id} of rack ${rack.name}`);
          return id;
        });
      }
    }
  });
  return { labels, deps };
}

export interface CriticalDomain {
  domainId: string;
  label: string;
  /** Names of the members that go down with this domain alone. */
  members: string[];
  /** "rack R2 holds cp-1 and cp-2: losing R2 loses quorum (2 of 3 down, quorum 2)". */
  why: string;
}

export interface LevelTolerance {
  level: FailureLevel;
  /** Distinct domains at this level that hold at least one member. */
  domains: number;
  /**
   * The largest k such that ANY k simultaneous domain failures at this level keep quorum.
   * Single-homed levels never exceed floor((n − 1) / 2); redundant ToRs or feeds can exceed it,
   * because one switch or feed failure may take no member down.
   */
  tolerance: number;
  /** False only when the domain count was too large for exhaustive search and a greedy bound was used. */
  exact: boolean;
  /** A smallest set of domains whose simultaneous loss loses quorum (labels). */
  smallestLosingSet: string[];
  /** Domains whose loss alone loses quorum. */
  critical: CriticalDomain[];
  /** One sentence for the panel and the CLI. */
  why: string;
}

/** Members down when exactly the domains in `failed` fail: members all of whose dependencies are in the set. */
function membersDown(deps: string[][], failed: ReadonlySet<string>): number {
  let down = 0;
  for (const d of deps) if (d.every((id) => failed.has(id))) down += 1;
  return down;
}

const EXHAUSTIVE_LIMIT = 16;

/**
 * Placement-aware failure tolerance at one level. With n members, quorum q and f = n − q
 * tolerated member failures, a set S of domains loses quorum when more than f members have all
 * their dependencies in S. Tolerance = (size of the smallest losing set) − 1. Exact: members
 * with one dependency each lose most when the fullest domains fail first (greedy is optimal);
 * otherwise every subset is tried in increasing size (at most 2^16 subsets; beyond that a greedy
 * upper bound is returned with `exact: false`). Single critical domains are those whose loss
 * alone downs more than f members.
 *
 * Example: members in racks {R1: cp-1, cp-2; R2: cp-3}: f = 1, R1 downs 2 > 1, so rack
 * tolerance is 0 and R1 is critical ("rack R1 holds cp-1 and cp-2: losing rack R1 loses quorum").
 */
export function levelTolerance(members: readonly EtcdMember[], level: FailureLevel): LevelTolerance {
  const n = members.length;
  const { labels, deps } = memberDependencies(members, level);
  const f = toleratedFailures(n);
  const q = quorumSize(n);
  const ids = [...labels.keys()];
  if (n === 0) {
    return { level, domains: 0, tolerance: 0, exact: true, smallestLosingSet: [], critical: [], why: 'no control-plane nodes' };
  }
  const critical: CriticalDomain[] = [];
  for (const id of ids) {
    const downNames = members.filter((_, i) => deps[i].every((d) => d === id)).map((m) => m.name);
    if (downNames.length > f) {
      const label = labels.get(id) ?? id;
      const verb = level === 'tor' ? 'is the only switch of' : level === 'power' ? 'is the only power of' : 'holds';
      critical.push({
        domainId: id,
        label,
        members: downNames,
        why: `${label} ${verb} ${listNames(downNames)}: losing ${label} loses quorum (${downNames.length} of ${n} down, quorum ${q})`,
      });
    }
  }

  const single = deps.every((d) => d.length === 1);
  let losing: string[] = [];
  let exact = true;
  if (single) {
    const counts = new Map<string, number>();
    for (const d of deps) counts.set(d[0], (counts.get(d[0]) ?? 0) + 1);
    const order = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    let down = 0;
    for (const [id, c] of order) {
      losing.push(id);
      down += c;
      if (down > f) break;
    }
  } else if (ids.length <= EXHAUSTIVE_LIMIT) {
    losing = smallestLosingSubset(ids, deps, f) ?? ids;
  } else {
    exact = false;
    losing = greedyLosingSet(ids, deps, f);
  }
  const tolerance = Math.max(0, losing.length - 1);
  const losingLabels = losing.map((id) => labels.get(id) ?? id);
  const why =
    critical.length > 0 ? critical[0].why : `any ${tolerance} ${levelNoun(level, tolerance)} can fail; losing ${listNames(losingLabels)} together loses quorum`;
  return { level, domains: new Set(deps.flat()).size, tolerance, exact, smallestLosingSet: losingLabels, critical, why };
}

function smallestLosingSubset(ids: string[], deps: string[][], f: number): string[] | null {
  const m = ids.length;
  // Each member's dependencies as a bit mask over `ids` (m ≤ 16): a member is down when the
  // failed set's mask covers its own, so a subset is tested without building a set of names.
  const bit = new Map(ids.map((id, i) => [id, 1 << i]));
  // An id outside `ids` gets bit m, which no subset sets: its member never goes down.
  const needs = deps.map((d) => d.reduce((mask, id) => mask | (bit.get(id) ?? 1 << m), 0));
  const bySize: number[][] = Array.from({ length: m + 1 }, () => []);
  for (let mask = 1; mask < 1 << m; mask++) bySize[popcount(mask)].push(mask);
  for (let k = 1; k <= m; k++) {
    for (const mask of bySize[k]) {
      let down = 0;
      for (const need of needs) if ((need & ~mask) === 0) down++;
      if (down > f) return ids.filter((_, i) => mask & (1 << i));
    }
  }
  return null;
}

function greedyLosingSet(ids: string[], deps: string[][], f: number): string[] {
  const failed = new Set<string>();
  while (membersDown(deps, failed) <= f && failed.size < ids.length) {
    let best = '';
    let bestScore = -1;
    for (const id of ids) {
      if (failed.has(id)) continue;
      failed.add(id);
      // Count members brought down plus members brought closer (one dependency left), so redundant pairs get finished.
      const score = membersDown(deps, failed) * 1000 + deps.filter((d) => d.filter((x) => !failed.has(x)).length === 1).length;
      failed.delete(id);
      if (score > bestScore) {
        bestScore = score;
        best = id;
      }
    }
    failed.add(best);
  }
  return [...failed];
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c += 1;
  return c;
}

function levelNoun(level: FailureLevel, count: number): string {
  const nouns: Record<FailureLevel, string> = {
    node: 'node',
    rack: 'rack',
    tor: 'top-of-rack switch',
    power: 'power feed',
    row: 'row',
    room: 'room',
    site: 'site',
  };
  const noun = nouns[level];
  if (count === 1) return noun;
  return noun.endsWith('switch') ? `${noun}es` : `${noun}s`;
}

/** "a", "a and b", "a, b and c". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Tolerance at every failure-domain level the plan knows (node, rack, ToR, power, row, room, site). */
export function failureDomainTolerance(members: readonly EtcdMember[]): LevelTolerance[] {
  return FAILURE_LEVELS.map((level) => levelTolerance(members, level));
}
