import type { Chain } from './markov';

/** One part whose failure takes members down: a member's own node, or a rack, room or site holding members. */
export interface QuorumPart {
  failuresPerHour: number;
  repairsPerHour: number;
  /** Members (0 … members − 1) this part takes down. */
  members: number[];
}

/** Largest number of independent parts solved exactly (2^8 = 256 states). */
export const MAX_EXACT_PARTS = 8;

/**
 * The chain of a quorum of `members` etcd members over independent parts, each up or down
 * (failure rate λ, repair rate μ, repaired in parallel): state = the set of parts down, as a bit
 * mask, so 2^parts states. A member is down when any part holding it is down; the bad states have
 * fewer than `quorum` members up. With one part per member this is the repairable k-out-of-n
 * system, whose long-run availability is Σ_{i≥k} C(n,i)·A^i·(1−A)^(n−i) with A = μ/(λ+μ)
 * (Trivedi, "Probability and Statistics with Reliability, Queuing, and Computer Science
 * Applications", 2nd ed.). Returns null above `MAX_EXACT_PARTS` parts.
 */
export function quorumChain(members: number, quorum: number, parts: readonly QuorumPart[]): Chain | null {
  if (parts.length > MAX_EXACT_PARTS) return null;
  const n = 1 << parts.length;
  const q = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const bad: boolean[] = [];
  const memberMask = parts.map((p) => p.members.reduce((m, i) => m | (1 << i), 0));
  for (let s = 0; s < n; s++) {
    let downMembers = 0;
    for (let k = 0; k < parts.length; k++) if (s & (1 << k)) downMembers |= memberMask[k];
    let up = 0;
    for (let i = 0; i < members; i++) if (!(downMembers & (1 << i))) up++;
    bad.push(up < quorum);
    for (let k = 0; k < parts.length; k++) {
      const bit = 1 << k;
      q[s][s ^ bit] += s & bit ? parts[k].repairsPerHour : parts[k].failuresPerHour;
    }
  }
  return { q, bad };
}
