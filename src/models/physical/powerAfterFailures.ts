import type { ResolvedFailures } from '../failures';

/** Power after a failure set: racks dark and surviving feeds whose breaker tripped after failover. W. */
export interface PowerAfterFailures {
  racksDown: { rackId: string; reason: string }[];
  feedsDown: { feed: string; reason: string }[];
  /** A rack's surviving feed asked to carry more peak load than its capacity after a failover: its breaker trips (a failure too). */
  feedsOverCapacity: { feed: string; peakW: number; capacityW: number }[];
}

/**
 * The physical section's view of a resolved failure set, sorted by id. The cascade rule (a
 * failover that puts more than capacity on the surviving feed trips it; breakers trip on peaks)
 * lives in `resolveFailures`, the same rule as `rackPower`'s A/B verdict.
 */
export function powerAfterFailures(resolved: ResolvedFailures): PowerAfterFailures {
  const byKey = <T>(m: Map<string, T>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    racksDown: byKey(resolved.racksDown).map(([rackId, reason]) => ({ rackId, reason })),
    feedsDown: byKey(resolved.feedsDown).map(([feed, reason]) => ({ feed, reason })),
    feedsOverCapacity: byKey(resolved.feedsTripped).map(([feed, v]) => ({ feed, peakW: v.peakW, capacityW: v.capacityW })),
  };
}
