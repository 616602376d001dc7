import type { Plan } from '../../plan/schema';
import type { FailedComponent, FailureState } from './failureImpact';
import type { Placement } from './placement';
import type { RebuildEstimate } from './rebuild';
import { unitsOnFailedDisks } from './unitIndex';

export interface Exposure {
  /** How long a further failure could lose data, s: until the rebuild restores redundancy, or until the failed part is repaired. */
  windowS: number;
  until: 'rebuild' | 'repair' | 'none';
  /** Logical bytes with no redundancy left: exactly `needed` live shards (one more loss loses or strands them). */
  atRiskBytes: number;
  atRiskUnits: number;
  /** Storage nodes holding a last live shard of an at-risk unit. */
  nodesHoldingLastCopies: number;
  /** Chance that one of those nodes (or one of their disks) fails within the window: 1 − exp(−Σλ × window). */
  lossProbability: number;
}

/** Repair time of the largest-scope failed component, s (`plan.reliability.*.repairHours`). */
export function repairSeconds(plan: Plan, components: readonly FailedComponent[]): number {
  const r = plan.reliability;
  const order: FailedComponent['kind'][] = ['disk', 'siteLink', 'tor', 'feed', 'circuit', 'node', 'rack', 'row', 'room', 'site'];
  const worst = components.reduce<FailedComponent['kind'] | null>((w, c) => (w === null || order.indexOf(c.kind) > order.indexOf(w) ? c.kind : w), null);
  switch (worst) {
    case null:
      return 0;
    case 'disk':
      return r.disk.repairHours * 3600;
    case 'tor':
      return r.tor.repairHours * 3600;
    case 'feed':
    case 'circuit':
      return r.feed.repairHours * 3600;
    case 'node':
      return r.node.repairHours * 3600;
    case 'rack':
    case 'row':
      return r.rack.repairHours * 3600;
    case 'room':
      return r.room.repairHours * 3600;
    case 'site':
      return r.site.repairHours * 3600;
    // No repair rate for a WAN link in `plan.reliability`; a site's outage is the nearest scope.
    case 'siteLink':
      return r.site.repairHours * 3600;
  }
}

const YEAR_S = 365.25 * 86400;

/**
 * The exposure after a failure: the window during which one more failure would lose data, and the
 * data at risk. Window = t2 when the rebuild restores everything, else the repair time of the
 * failed part (`reliability.*.repairHours`). At-risk units have exactly `needed` live shards.
 * Chance of a further loss in the window: λ = Σ over nodes holding a last copy of
 * (node AFR + disks × disk AFR) / year, P = 1 − exp(−λ × window) (rates from `plan.reliability`).
 * Example: 10 last copies on 2 nodes of 12 disks, AFR node 5 %, disk 1.5 %, window 1 h:
 * λ = 2 × (0.05 + 12 × 0.015) / 31.6 Ms ⇒ P ≈ 5.2e-5.
 */
export function exposureAfter(
  plan: Plan,
  placement: Placement,
  state: FailureState,
  rebuild: RebuildEstimate,
  components: readonly FailedComponent[],
): Exposure {
  const inv = placement.inventory;
  const { width, shards } = placement;
  let atRiskBytes = 0,
    atRiskUnits = 0;
  let degradedAny = false;
  // Nodes holding a last copy, in first-seen order (the order λ is summed in): a mark per node
  // rather than a Set, which a room failure asked tens of thousands of times.
  const isLastCopyNode = new Uint8Array(inv.nodes.length);
  const lastCopyNodes = new Int32Array(inv.nodes.length);
  let lastCopyCount = 0;
  const addLastCopyNode = (n: number) => {
    if (isLastCopyNode[n] === 0) {
      isLastCopyNode[n] = 1;
      lastCopyNodes[lastCopyCount++] = n;
    }
  };
  // Arrays and limits in locals: V8 reloads an object's field (and a typed array's length and
  // data pointer) on every pass of a loop that reads it through the object.
  const { unitWidth, unitLogicalBytes, needed } = placement;
  const { diskDown, diskDestroyed } = state;
  const disks = inv.disks;
  // Only a unit with a shard down can be degraded or at risk.
  const units = unitsOnFailedDisks(placement, state);
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const first = u * width,
      end = first + unitWidth[u];
    let live = 0,
      intact = 0,
      placed = 0;
    let lastLive = -1;
    for (let k = first; k < end; k++) {
      const d = shards[k];
      if (d < 0) continue;
      placed++;
      // Flags are 0 or 1 (FailureState): counting by addition skips branches a room failure mispredicts.
      intact += 1 - diskDestroyed[d];
      live += 1 - diskDown[d];
      if (diskDown[d] === 0) lastLive = d;
    }
    if (live < placed) degradedAny = true;
    if (intact >= needed && live === needed && live < placed) {
      atRiskUnits++;
      atRiskBytes += unitLogicalBytes[u];
      if (needed === 1 && lastLive >= 0) addLastCopyNode(disks[lastLive].nodeIndex);
      else
        for (let k = first; k < end; k++) {
          const d = shards[k];
          if (d >= 0 && !diskDown[d]) addLastCopyNode(disks[d].nodeIndex);
        }
    }
  }
  const until: Exposure['until'] = !degradedAny ? 'none' : rebuild.timeline.restoredAtS !== null ? 'rebuild' : 'repair';
  const windowS = until === 'none' ? 0 : until === 'rebuild' ? rebuild.timeline.restoredAtS! : repairSeconds(plan, components);
  const r = plan.reliability;
  let lambda = 0;
  for (const n of lastCopyNodes.subarray(0, lastCopyCount))
    lambda += (r.node.annualFailureRate + inv.nodes[n].disks.length * r.disk.annualFailureRate) / YEAR_S;
  return {
    windowS,
    until,
    atRiskBytes,
    atRiskUnits,
    nodesHoldingLastCopies: lastCopyCount,
    lossProbability: -Math.expm1(-lambda * windowS),
  };
}
