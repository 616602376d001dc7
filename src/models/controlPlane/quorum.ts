/**
 * Raft quorum of an n-member etcd cluster: q = floor(n/2) + 1 (etcd FAQ, Raft paper §5).
 * Example: quorumSize(5) = 3. Zero members have no quorum (0).
 */
export function quorumSize(members: number): number {
  return members <= 0 ? 0 : Math.floor(members / 2) + 1;
}

/**
 * Member failures the cluster survives: n − q = floor((n − 1) / 2). Even counts add nothing over
 * the odd count below them: toleratedFailures(4) = toleratedFailures(3) = 1 (etcd FAQ).
 */
export function toleratedFailures(members: number): number {
  return members <= 0 ? 0 : members - quorumSize(members);
}

export interface QuorumSummary {
  members: number;
  quorum: number;
  toleratedFailures: number;
  /** An even count: one member fewer gives the same tolerance with less replication. */
  evenCount: boolean;
}

/** The quorum facts of n members in one record (see `quorumSize`, `toleratedFailures`). */
export function quorumSummary(members: number): QuorumSummary {
  return {
    members,
    quorum: quorumSize(members),
    toleratedFailures: toleratedFailures(members),
    evenCount: members > 0 && members % 2 === 0,
  };
}
