import type { Plan } from '../../plan/schema';
import { DOWN, type ResolvedFailures } from '../failures';
import { etcdMembers } from './members';
import { quorumSize } from './quorum';

/** The etcd cluster after a failure set: who is up, whether a majority can still talk, and why. */
export interface QuorumAfterFailures {
  members: number;
  membersUp: number;
  quorum: number;
  /** Members up in the largest group of sites that can still reach each other. */
  largestGroupUp: number;
  /** The site-partition group holding quorum (see `ResolvedFailures.sitePartition`), or -1. */
  quorumGroup: number;
  quorumHeld: boolean;
  /** Down members with the resolver's reason, by node id. */
  down: { id: string; reason: string }[];
  why: string;
}

/**
 * Raft needs a majority of all members, q = floor(n/2) + 1, able to talk to each other (etcd FAQ,
 * Raft §5): quorum holds iff some group of mutually reachable sites holds ≥ q members that are
 * up. A member is up when `resolveFailures` does not say DOWN (a DEGRADED member still votes).
 * Example: 3 members, the two in rack R1 lost: 1 < 2 up, quorum lost.
 */
export function quorumAfterFailures(plan: Plan, resolved: ResolvedFailures): QuorumAfterFailures {
  const members = etcdMembers(plan);
  const n = members.length;
  const q = quorumSize(n);
  const upByGroup = new Map<number, number>();
  const down: QuorumAfterFailures['down'] = [];
  for (const m of members) {
    if (resolved.nodeStatus[m.place.index] === DOWN) {
      down.push({ id: m.id, reason: resolved.nodeReason.get(m.id) ?? 'down' });
      continue;
    }
    const g = resolved.sitePartition.get(m.place.site.id) ?? 0;
    upByGroup.set(g, (upByGroup.get(g) ?? 0) + 1);
  }
  let largest = 0,
    group = -1;
  for (const [g, up] of [...upByGroup].sort((a, b) => a[0] - b[0]))
    if (up > largest) {
      largest = up;
      group = g;
    }
  const up = n - down.length;
  const held = n > 0 && largest >= q;
  return {
    members: n,
    membersUp: up,
    quorum: q,
    largestGroupUp: largest,
    quorumGroup: held ? group : -1,
    quorumHeld: held,
    down,
    why: quorumWhy(n, up, largest, q),
  };
}

/** The operator's sentence for a quorum state (shared by the full and the incremental drill paths). */
export function quorumWhy(members: number, up: number, largestGroupUp: number, quorum: number): string {
  if (members === 0) return 'no control-plane nodes: there is no etcd cluster';
  if (largestGroupUp >= quorum) return `${up} of ${members} members up; quorum needs ${quorum}`;
  if (up >= quorum) return `${up} of ${members} members up but split by the network: at most ${largestGroupUp} can reach each other, quorum needs ${quorum}`;
  return `${up} of ${members} members up; quorum needs ${quorum}: etcd stops accepting writes`;
}
