import type { Plan } from '../../plan/schema';
import { domainOf, type DomainLevel, type Inventory, type StorageNode } from './inventory';
import { longhornSchedulableBytes } from './longhorn';
import { storedPhysicalBytes, type Placement } from './placement';
import { failureImpact } from './failureImpact';

/** A fill level at which a provider changes behaviour. */
export interface CapacityThreshold {
  name: string;
  /** Fraction of a disk's (or node's) raw capacity. */
  ratio: number;
  effect: string;
}

export interface CapacityReport {
  rawBytes: number;
  /** Logical bytes per physical byte: 1 / replicas, k / (k + m), or 1. */
  efficiency: number;
  /** Bytes Longhorn keeps for the system (`reservedPct`); 0 for other providers. */
  reservedBytes: number;
  /** Logical bytes that fit before the first blocking threshold, on the fullest failure domain. */
  usableBytes: number;
  /** Longhorn: Σ volume sizes it will schedule, logical bytes (over-provisioning included); otherwise = usable. */
  provisionableBytes: number;
  storedLogicalBytes: number;
  storedPhysicalBytes: number;
  /** Σ provisioned size × replicas, bytes. */
  provisionedBytes: number;
  /** storedPhysical / raw. */
  meanFill: number;
  /** Fill of the fullest failure domain at today's data. */
  fullestFill: number;
  thresholds: CapacityThreshold[];
  /** The threshold headroom is judged against (Ceph backfillfull: backfill stops; Longhorn minimal available: replicas stop scheduling). */
  blockingThreshold: CapacityThreshold;
  /** Thresholds today's fullest domain is past. */
  crossed: string[];
}

/** The provider's fill thresholds (defaults and meaning: src/models/README.md, Sources: Ceph, Longhorn). */
export function capacityThresholds(plan: Plan): { thresholds: CapacityThreshold[]; blocking: CapacityThreshold } {
  const s = plan.cluster.storage;
  if (s.provider === 'ceph') {
    const t = [
      { name: 'nearfull', ratio: s.nearfullRatio, effect: 'HEALTH_WARN' },
      { name: 'backfillfull', ratio: s.backfillfullRatio, effect: 'backfill into the OSD stops' },
      { name: 'full', ratio: s.fullRatio, effect: 'writes stop' },
    ];
    return { thresholds: t, blocking: t[1] };
  }
  if (s.provider === 'longhorn') {
    const minimal = { name: 'minimal available', ratio: 1 - s.minimalAvailablePct / 100, effect: 'disk becomes unschedulable: no new replicas or rebuilds' };
    return { thresholds: [minimal, { name: 'full', ratio: 1, effect: 'writes fail' }], blocking: minimal };
  }
  const full = { name: 'full', ratio: 1, effect: 'writes fail' };
  return { thresholds: [full], blocking: full };
}

/**
 * Shares of the physical data each failure domain holds when every unit puts at most one shard
 * in a domain and otherwise spreads by capacity (CRUSH weights; Longhorn's most-room rule):
 * share_i = c_i / Σc, except that no domain can take more than 1 / width; the excess is
 * water-filled over the others. With fewer domains than `width`, each holds 1 / width and the
 * rest of the shards cannot be placed (shares then sum to domains / width).
 * Example: capacities [4, 1, 1], width 3 → [1/3, 1/3, 1/3].
 */
export function domainShares(capacities: number[], width: number): number[] {
  const n = capacities.length;
  const shares = new Array<number>(n).fill(0);
  if (n === 0 || width <= 0) return shares;
  const cap = 1 / width;
  const capped = new Array<boolean>(n).fill(false);
  let budget = Math.min(1, n / width);
  for (let round = 0; round < n; round++) {
    const free = capacities.reduce((s, c, i) => (capped[i] ? s : s + c), 0);
    let changed = false;
    for (let i = 0; i < n; i++) {
      if (capped[i]) continue;
      const share = free > 0 ? (budget * capacities[i]) / free : 0;
      if (share > cap + 1e-12) {
        capped[i] = true;
        shares[i] = cap;
        budget -= cap;
        changed = true;
      }
    }
    if (!changed) {
      for (let i = 0; i < n; i++) if (!capped[i]) shares[i] = free > 0 ? (budget * capacities[i]) / free : 0;
      break;
    }
  }
  return shares;
}

/** Raw capacity of each failure domain of `level`, bytes, in first-seen order. */
export function domainCapacities(nodes: StorageNode[], level: Exclude<DomainLevel, 'disk'>): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of nodes) out.set(domainOf(n, level), (out.get(domainOf(n, level)) ?? 0) + n.capacityBytes);
  return out;
}

/** Highest fill of any domain when `physicalBytes` spread by `domainShares`: max_i share_i × S / c_i. */
export function fullestDomainFill(capacities: number[], width: number, physicalBytesStored: number): number {
  const shares = domainShares(capacities, width);
  let worst = 0;
  capacities.forEach((c, i) => {
    if (c > 0) worst = Math.max(worst, (shares[i] * physicalBytesStored) / c);
  });
  return worst;
}

/** Logical bytes per physical byte of the plan's provider. */
export function storageEfficiency(plan: Plan): number {
  const s = plan.cluster.storage;
  switch (s.provider) {
    case 'longhorn':
    case 'mayastor':
      return 1 / s.replicas;
    case 'ceph':
      return s.pool.type === 'replicated' ? 1 / s.pool.size : s.pool.k / (s.pool.k + s.pool.m);
    default:
      return 1;
  }
}

/**
 * Capacity of the plan's storage, bytes. Raw = Σ storage disks. Usable (logical) = the largest
 * logical data S × efficiency such that the fullest failure domain stays under the blocking
 * threshold: usable = efficiency × min_i (ratio × c_i / share_i), shares by `domainShares`
 * (Ceph reports MAX AVAIL the same way, from its fullest OSD), and never more than
 * ratio × raw × efficiency (the intended redundancy, even where too few domains exist). Longhorn also leaves reserved
 * space out: ratio = min(1 − minimal available, 1 − reserved). Provisionable (Longhorn) =
 * raw × (1 − reserved) × over-provisioning × efficiency.
 * Example (reference plan): 3 nodes × 92.16 TB raw = 276.5 TB; 3 replicas → usable
 * 276.5 × 0.70 / 3 = 64.5 TB.
 */
export function storageCapacity(plan: Plan, placement: Placement): CapacityReport {
  const inv: Inventory = placement.inventory;
  const s = plan.cluster.storage;
  const efficiency = storageEfficiency(plan);
  const { thresholds, blocking } = capacityThresholds(plan);
  const level = separationLevel(placement);
  const caps = [...domainCapacities(inv.nodes, level).values()];
  const width = placement.width;
  const shares = domainShares(caps, width);
  let ratio = blocking.ratio;
  let reservedBytes = 0;
  let provisionable = 0;
  if (s.provider === 'longhorn') {
    ratio = Math.min(ratio, 1 - s.reservedPct / 100);
    reservedBytes = (inv.rawBytes * s.reservedPct) / 100;
    provisionable = inv.nodes.reduce((sum, n) => sum + longhornSchedulableBytes(s, n.capacityBytes), 0) * efficiency;
  }
  let maxPhysical = Infinity;
  caps.forEach((c, i) => {
    if (shares[i] > 0) maxPhysical = Math.min(maxPhysical, (ratio * c) / shares[i]);
  });
  if (!Number.isFinite(maxPhysical)) maxPhysical = 0;
  // With fewer domains than shards each unit places fewer copies; usable still counts the intended redundancy.
  const usable = Math.min(maxPhysical, ratio * inv.rawBytes) * efficiency;
  let storedLogical = 0;
  for (let u = 0; u < placement.unitCount; u++) storedLogical += placement.unitLogicalBytes[u];
  const storedPhysical = storedPhysicalBytes(placement);
  let provisioned = 0;
  const vols = placement.volumes;
  const replicas = Math.round(1 / efficiency);
  for (let v = 0; v < vols.count; v++) provisioned += vols.sizeBytes[v] * (s.provider === 'ceph' ? 1 / efficiency : vols.replicas[v] || replicas);
  const fullestFill = fullestDomainFill(caps, width, storedPhysical);
  return {
    rawBytes: inv.rawBytes,
    efficiency,
    reservedBytes,
    usableBytes: usable,
    provisionableBytes: s.provider === 'longhorn' ? provisionable : usable,
    storedLogicalBytes: storedLogical,
    storedPhysicalBytes: storedPhysical,
    provisionedBytes: provisioned,
    meanFill: inv.rawBytes > 0 ? storedPhysical / inv.rawBytes : 0,
    fullestFill,
    thresholds,
    blockingThreshold: { ...blocking, ratio },
    crossed: thresholds.filter((t) => fullestFill >= t.ratio).map((t) => t.name),
  };
}

/** The domain level whose capacity limits placement: the provider's hard separation (disk-level treated as host). */
export function separationLevel(placement: Placement): Exclude<DomainLevel, 'disk'> {
  return placement.separates === 'disk' ? 'host' : placement.separates;
}

export interface HeadroomScenario {
  scenario: 'largest-node' | 'largest-rack';
  /** The node or rack lost. */
  lostId: string;
  lostRawBytes: number;
  /** Fill of the fullest surviving domain once the lost data is re-replicated; null when no domain survives (not applicable). */
  fillAfter: number | null;
  threshold: CapacityThreshold;
  /** Enough failure domains survive to hold every shard of every unit apart. */
  domainsSuffice: boolean;
  /** The survivors hold the re-replicated data below the blocking threshold. */
  fits: boolean;
  /**
   * How bad the loss is, the one severity the headline and the STORAGE-REREPLICATE finding both
   * show: null when it fits; 'error' when some volumes become unavailable or lost (fewer live
   * copies than the provider serves I/O from, or no intact copy); 'warning' when every volume
   * stays readable and writable but degraded, one failure closer to loss, until the domain
   * returns or hardware is added.
   */
  severity: 'error' | 'warning' | null;
  reason: string;
}

/**
 * The planner's headroom question: after losing the largest storage node (or rack), can the
 * survivors hold the re-replicated data without crossing the blocking threshold? The physical
 * data stays the same (every shard is re-created) and spreads over the surviving domains by
 * `domainShares`: fillAfter = max_i share_i × S / c_i over the survivors. It fits iff
 * fillAfter ≤ threshold and the survivors still have `width` separate domains. Local Path never
 * re-replicates, so it never fits.
 * Example: 6 racks of 92.16 TB, size 3, 30 % full → losing one: 0.3 × 6/5 = 0.36 ≤ 0.90: fits.
 */
export function headroomAfterLoss(plan: Plan, placement: Placement, capacity: CapacityReport): HeadroomScenario[] {
  const inv = placement.inventory;
  if (inv.nodes.length === 0) return [];
  const level = separationLevel(placement);
  const out: HeadroomScenario[] = [];
  const racks = new Map<string, number>();
  for (const n of inv.nodes) racks.set(n.rackId, (racks.get(n.rackId) ?? 0) + n.capacityBytes);
  const largestNode = inv.nodes.reduce((a, b) => (b.capacityBytes > a.capacityBytes ? b : a));
  const largestRack = [...racks.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
  const scenarios: Array<[HeadroomScenario['scenario'], string, (n: StorageNode) => boolean, number]> = [
    ['largest-node', largestNode.id, (n) => n.id === largestNode.id, largestNode.capacityBytes],
  ];
  if (racks.size > 1 || inv.nodes.length > 1) scenarios.push(['largest-rack', largestRack[0], (n) => n.rackId === largestRack[0], largestRack[1]]);
  for (const [scenario, lostId, lost, lostRaw] of scenarios) {
    const survivors = inv.nodes.filter((n) => !lost(n));
    const caps = [...domainCapacities(survivors, level).values()];
    const fill = caps.length ? fullestDomainFill(caps, placement.width, capacity.storedPhysicalBytes) : NaN;
    const fillAfter = Number.isFinite(fill) ? fill : null;
    const domainsSuffice = caps.length >= placement.width;
    const threshold = capacity.blockingThreshold;
    const replicates = plan.cluster.storage.provider !== 'local-path';
    const fits = replicates && domainsSuffice && fillAfter !== null && fillAfter <= threshold.ratio;
    // Only a loss that does not fit needs the impact: are volumes merely degraded, or offline or gone?
    // The node is lost for good (hardware), the rack is an outage, as in the report's worked failures.
    const impact = fits
      ? null
      : failureImpact(placement, {
          components: [scenario === 'largest-node' ? { kind: 'node', nodeId: lostId } : { kind: 'rack', rackId: lostId }],
          permanent: scenario === 'largest-node',
        });
    // Units (volumes, or Ceph PGs) with fewer live copies than serve I/O, or no intact copy left.
    const offline = impact ? impact.units.unavailable + impact.units.lost : 0;
    const severity = fits ? null : offline > 0 ? 'error' : 'warning';
    const unitName = placement.unitKind === 'pg' ? 'PGs' : 'volumes';
    const outage =
      impact && offline > 0
        ? `: ${offline} of ${impact.units.total} ${unitName} ${impact.units.lost > 0 ? `unavailable or lost (${impact.units.lost} lost)` : 'unavailable'}`
        : '';
    const reason = !replicates
      ? `Local Path keeps one copy: nothing is re-replicated, the data is lost or waits for the node${outage}`
      : !domainsSuffice
        ? `only ${caps.length} ${level} domain(s) survive for ${placement.width} shards: ${outage ? `the data cannot be served${outage}` : 'the data stays degraded'}`
        : fillAfter === null
          ? `no ${level} survives to hold the data`
          : fits
            ? `fullest ${level} reaches ${(fillAfter * 100).toFixed(1)} % ≤ ${threshold.name} ${(threshold.ratio * 100).toFixed(0)} %`
            : `fullest ${level} would reach ${(fillAfter * 100).toFixed(1)} % > ${threshold.name} ${(threshold.ratio * 100).toFixed(0)} %: ${threshold.effect}`;
    out.push({ scenario, lostId, lostRawBytes: lostRaw, fillAfter, threshold, domainsSuffice, fits, severity, reason });
  }
  return out;
}
