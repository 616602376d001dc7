import type { Plan } from '../../plan/schema';
import type { StorageAssumptions } from './assumptions';
import { headroomAfterLoss, storageCapacity, type CapacityReport, type HeadroomScenario } from './capacity';
import { exposureAfter, type Exposure } from './exposure';
import { failureImpact, resolveFailure, type FailedComponent, type FailureImpact, type FailureSet } from './failureImpact';
import { placeStorage, bytesPerDisk, type Placement } from './placement';
import { rebalanceAddNodes, rebalanceDrainNode, type RebalanceEstimate } from './rebalance';
import { rebuildEstimate, type RebuildEstimate } from './rebuild';

export interface StorageOptions {
  seed: number;
  assumptions?: Partial<StorageAssumptions>;
}

export interface PlacementSummary {
  unitKind: 'volume' | 'pg';
  units: number;
  volumes: number;
  volumesSampled: boolean;
  width: number;
  needed: number;
  minAvailable: number;
  separates: string;
  prefers: string | null;
  pgNum: number | null;
  unplacedShards: number;
  undersizedUnits: number;
  /** Share of the physical data on the fullest node (1 / nodes when perfectly even). */
  fullestNodeShare: number;
  /** Fewest distinct racks any fully placed unit spans. */
  minRacksPerUnit: number;
}

/** One failure the report works through: what it does, when and how fast it heals, and the exposure meanwhile. */
export interface StorageFailureScenario {
  id: 'disk' | 'node' | 'rack' | 'tor' | 'room' | 'drill';
  label: string;
  components: readonly FailedComponent[];
  permanent: boolean;
  impact: FailureImpact;
  rebuild: RebuildEstimate;
  /** Ceph whole-rack outages: the rebuild if an operator marks the OSDs out. */
  operatorRebuild: RebuildEstimate | null;
  exposure: Exposure;
}

export interface StorageReport {
  provider: Plan['cluster']['storage']['provider'];
  basis: string;
  nodes: number;
  disks: number;
  racks: number;
  zones: number;
  /** Storage nodes that also run regular workloads (not dedicated and tainted). */
  sharedNodes: number;
  placement: PlacementSummary;
  capacity: CapacityReport;
  headroom: HeadroomScenario[];
  failures: StorageFailureScenario[];
  rebalance: { addNode: RebalanceEstimate; drainNode: RebalanceEstimate } | null;
  /** The failure set `evaluate` was given, worked through like the scenarios above (null without one). */
  afterFailures: StorageFailureScenario | null;
  notes: string[];
}

/**
 * The storage section of the report: placement summary, capacity and headroom, and a worked set of
 * failures (one data disk and the largest node, both destroyed; the rack with the most storage and
 * one of its switches, both transient; a room when storage spans rooms) with impact, rebuild
 * timeline and exposure; then adding a node and draining the largest. Compact: no per-volume
 * arrays; call `failureImpact` / `rebuildEstimate` for any other failure set.
 */
export function storageReport(plan: Plan, options: StorageOptions, failureSet?: FailureSet): StorageReport {
  const placement = placeStorage(plan, { seed: options.seed });
  const inv = placement.inventory;
  const capacity = storageCapacity(plan, placement);
  const headroom = headroomAfterLoss(plan, placement, capacity);
  const notes = storageNotes(plan, placement);
  const failures: StorageFailureScenario[] = [];
  let rebalance: StorageReport['rebalance'] = null;
  if (inv.nodes.length > 0 && placement.unitCount > 0) {
    const largest = inv.nodes.reduce((a, b) => (b.capacityBytes > a.capacityBytes ? b : a));
    const rackCap = new Map<string, number>();
    for (const n of inv.nodes) rackCap.set(n.rackId, (rackCap.get(n.rackId) ?? 0) + n.capacityBytes);
    const rackId = [...rackCap.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    const rack = plan.racks.find((r) => r.id === rackId)!;
    const roomIds = new Set(inv.nodes.map((n) => n.roomId));
    const cases: Array<[StorageFailureScenario['id'], string, FailedComponent[], boolean]> = [
      ['disk', `one data disk of ${largest.id}`, [{ kind: 'disk', nodeId: largest.id, slot: 0 }], true],
      ['node', `storage node ${largest.id} (hardware lost)`, [{ kind: 'node', nodeId: largest.id }], true],
      ['rack', `rack ${rack.name} (power or network outage)`, [{ kind: 'rack', rackId }], false],
      ['tor', `switch A of rack ${rack.name}`, [{ kind: 'tor', rackId, tor: 'A' }], false],
    ];
    if (roomIds.size > 1) cases.push(['room', `room ${largest.place.room.name}`, [{ kind: 'room', roomId: largest.roomId }], false]);
    for (const [id, label, components, permanent] of cases) {
      failures.push(storageFailureScenario(plan, placement, options, id, label, { components, permanent }));
    }
    if (plan.cluster.storage.provider !== 'none') {
      rebalance = {
        addNode: rebalanceAddNodes(plan, placement, 1, options.seed, { assumptions: options.assumptions }),
        drainNode: rebalanceDrainNode(plan, placement, largest.id, options.seed, { assumptions: options.assumptions }),
      };
    }
  }
  return {
    provider: plan.cluster.storage.provider, basis: inv.basis, nodes: inv.nodes.length, disks: inv.disks.length,
    racks: new Set(inv.nodes.map((n) => n.rackId)).size, zones: new Set(inv.nodes.map((n) => n.zone ?? n.id)).size,
    sharedNodes: inv.nodes.filter((n) => n.sharedWithWorkloads).length,
    placement: placementSummary(placement), capacity, headroom, failures, rebalance,
    afterFailures: failureSet && failureSet.components.length + (failureSet.degradations?.length ?? 0) > 0
      ? storageFailureScenario(plan, placement, options, 'drill', 'the drill\'s failures', failureSet) : null,
    notes,
  };
}

/** One failure set worked through: impact, rebuild (and Ceph's operator rebuild when stuck) and exposure. */
export function storageFailureScenario(
  plan: Plan, placement: Placement, options: StorageOptions, id: StorageFailureScenario['id'], label: string, failure: FailureSet,
): StorageFailureScenario {
  const state = resolveFailure(placement, failure);
  const impact = failureImpact(placement, state, options.assumptions?.cephObjectBytes);
  const ro = { seed: options.seed, assumptions: options.assumptions, failedTors: state.failedTors };
  const rebuild = rebuildEstimate(plan, placement, state, ro);
  const operatorRebuild = plan.cluster.storage.provider === 'ceph' && rebuild.stuckBytes > 0
    ? rebuildEstimate(plan, placement, state, { ...ro, operatorAction: true }) : null;
  return {
    id, label, components: failure.components, permanent: !!failure.permanent, impact, rebuild, operatorRebuild,
    exposure: exposureAfter(plan, placement, state, rebuild, failure.components),
  };
}

/** Compact facts about a placement (see `PlacementSummary`). */
export function placementSummary(p: Placement): PlacementSummary {
  const inv = p.inventory;
  const perDisk = bytesPerDisk(p);
  const perNode = new Float64Array(inv.nodes.length);
  let total = 0;
  inv.disks.forEach((d) => { perNode[d.nodeIndex] += perDisk[d.index]; total += perDisk[d.index]; });
  let minRacks = Infinity;
  // Racks numbered per disk, so counting a unit's distinct racks compares small integers.
  const rackNumbers = new Map<string, number>();
  const rackOfDisk = Int32Array.from(inv.disks, (d) => {
    const id = inv.nodes[d.nodeIndex].rackId;
    if (!rackNumbers.has(id)) rackNumbers.set(id, rackNumbers.size);
    return rackNumbers.get(id)!;
  });
  const racks = new Int32Array(p.width);
  for (let u = 0; u < p.unitCount; u++) {
    let distinct = 0;
    let full = true;
    for (let k = 0; k < p.unitWidth[u]; k++) {
      const d = p.shards[u * p.width + k];
      if (d < 0) { full = false; break; }
      const rack = rackOfDisk[d];
      let seen = false;
      for (let j = 0; j < distinct && !seen; j++) seen = racks[j] === rack;
      if (!seen) racks[distinct++] = rack;
    }
    if (full) minRacks = Math.min(minRacks, distinct);
  }
  return {
    unitKind: p.unitKind, units: p.unitCount, volumes: p.volumes.count, volumesSampled: p.volumes.sampled,
    width: p.width, needed: p.needed, minAvailable: p.minAvailable, separates: p.separates, prefers: p.prefers ?? null,
    pgNum: p.pgNum ?? null, unplacedShards: p.unplacedShards, undersizedUnits: p.undersizedUnits,
    fullestNodeShare: total > 0 ? Math.max(...perNode) / total : 0, minRacksPerUnit: Number.isFinite(minRacks) ? minRacks : 0,
  };
}

/** Plain-language findings about the plan's storage, for the panel, the CLI and the advisor. */
export function storageNotes(plan: Plan, p: Placement): string[] {
  const s = plan.cluster.storage;
  const inv = p.inventory;
  const notes: string[] = [];
  if (s.provider === 'none') return ['No storage provider: nothing to place.'];
  if (inv.nodes.length === 0) return ['No node has disks the provider can use.'];
  if (inv.basis === 'data-disks') notes.push('No storage-role nodes: the provider runs hyperconverged on the nodes with data disks.');
  const storageNodes = inv.nodes.length;
  if (s.provider !== 'local-path' && storageNodes < 3) notes.push(`Only ${storageNodes} storage node(s); the reference architecture asks for three or more (RA-STORAGE-COUNT).`);
  if (p.unplacedShards > 0) notes.push(`${p.undersizedUnits} ${p.unitKind === 'pg' ? 'PGs' : 'volumes'} cannot place all ${p.width} ${p.unitKind === 'pg' ? 'shards' : 'replicas'} (${p.unplacedShards} missing): degraded from day one.`);
  const shared = inv.nodes.filter((n) => n.sharedWithWorkloads).length;
  if (shared > 0 && s.provider !== 'local-path') notes.push(`${shared} storage node(s) also run workloads: rebuild and rebalance traffic competes with ${plan.workload.eastWestGbpsPerNode} Gbit/s of workload traffic on their NICs (RA-STORAGE-DEDICATED).`);
  const slowPorts = inv.nodes.filter((n) => n.place.hardware.nics.speedGbps > n.place.rack.tor.portGbps);
  if (slowPorts.length > 0) {
    const n = slowPorts[0].place;
    notes.push(`${slowPorts.length} storage node(s) have ${n.hardware.nics.speedGbps} Gbit/s NICs on ${n.rack.tor.portGbps} Gbit/s switch ports: links run at the port speed, which bounds rebuilds.`);
  }
  if (inv.disks.some((d) => d.class === 'hdd')) notes.push('Storage on HDD: rebuilds and client I/O are slow (RA-STORAGE-MEDIA asks for SSD/NVMe).');
  if (plan.cluster.kubespan.enabled && storageNodes > 1) notes.push('KubeSpan is on: replication and rebuild traffic is encrypted through WireGuard (RA-STORAGE-NO-KUBESPAN).');
  const sites = new Set(inv.nodes.map((n) => n.siteId));
  if (sites.size > 1) notes.push(`Storage nodes span ${sites.size} sites: replication crosses the WAN (RA-STORAGE-LOCALITY).`);
  if (s.provider === 'longhorn') {
    const zoneByRack = new Map<string, Set<string>>();
    for (const n of inv.nodes) zoneByRack.set(n.rackId, (zoneByRack.get(n.rackId) ?? new Set()).add(n.zone ?? `none:${n.id}`));
    const unlabelled = inv.nodes.filter((n) => !n.zone).length;
    const racksAsZones = unlabelled === 0 && [...zoneByRack.values()].every((z) => z.size === 1)
      && new Set(inv.nodes.map((n) => n.zone)).size === zoneByRack.size;
    notes.push(racksAsZones
      ? 'Longhorn has no rack level; here every rack is presented as a zone (topology.kubernetes.io/zone), so zone soft anti-affinity spreads replicas over racks.'
      : unlabelled > 0
        ? `Longhorn has no rack level and ${unlabelled} storage node(s) carry no zone label: replicas are only kept on different nodes and may share a rack.`
        : 'Longhorn has no rack level and the zone labels do not match racks: replicas may share a rack.');
  }
  if (s.provider === 'ceph') {
    const perRack = new Map<string, number>();
    for (const n of inv.nodes) perRack.set(n.rackId, (perRack.get(n.rackId) ?? 0) + 1);
    const single = [...perRack.values()].filter((c) => c === 1).length;
    if (single > 0) notes.push(`${single} rack(s) hold a single storage node: losing that node downs the whole rack's OSDs, which Ceph does not mark out (mon_osd_down_out_subtree_limit = rack): no automatic backfill until it returns or an operator acts.`);
    if (storageNodes < 6) notes.push('Rook+Ceph is meant for larger clusters with dedicated storage nodes (RA-STORAGE-CHOICE).');
  }
  if (s.provider === 'local-path') notes.push('Local Path keeps one copy on one node: a node outage makes its volumes unavailable, a disk loss loses them (RA-STORAGE-CHOICE).');
  return notes;
}
