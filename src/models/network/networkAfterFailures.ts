import type { Plan } from '../../plan/schema';
import { DOWN, type ResolvedFailures } from '../failures';
import { topologyOf } from '../topology';

/** The fabric after a failure set. Gbit/s. */
export interface NetworkAfterFailures {
  torsDown: { tor: string; reason: string }[];
  /** Powered nodes cut off from every switch they are cabled to. */
  unreachableNodes: number;
  /** Racks whose uplink shrank: (live switches) × tor.uplinkGbps, before and after. */
  rackUplinks: { rackId: string; beforeGbps: number; afterGbps: number }[];
  siteLinksDown: string[];
  /** Groups of sites that can still reach each other (1 when nothing is partitioned; a failed site is a group of its own). */
  siteGroups: number;
}

/**
 * The network section's view of a resolved failure set: switches down (failed, or in a rack that
 * lost power), nodes isolated by them, each affected rack's uplink as live switches ×
 * `tor.uplinkGbps`, and the site partition after failed site links.
 */
export function networkAfterFailures(plan: Plan, resolved: ResolvedFailures): NetworkAfterFailures {
  const t = topologyOf(plan);
  let unreachable = 0;
  for (const p of t.places) if (resolved.nodeStatus[p.index] === DOWN && resolved.nodePowered[p.index]) unreachable++;
  const rackUplinks: NetworkAfterFailures['rackUplinks'] = [];
  for (const rack of plan.racks) {
    let live = 0;
    for (let i = 0; i < rack.tor.count; i++) if (!resolved.torsDown.has(`${rack.id}/${i === 0 ? 'A' : 'B'}`)) live++;
    if (live < rack.tor.count) rackUplinks.push({ rackId: rack.id, beforeGbps: rack.tor.count * rack.tor.uplinkGbps, afterGbps: live * rack.tor.uplinkGbps });
  }
  return {
    torsDown: [...resolved.torsDown].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([tor, reason]) => ({ tor, reason })),
    unreachableNodes: unreachable,
    rackUplinks,
    siteLinksDown: [...resolved.siteLinksDown].sort(),
    siteGroups: new Set(resolved.sitePartition.values()).size,
  };
}
