import type { Plan } from '../../plan/schema';
import type { StorageAssumptions } from './assumptions';
import { headroomAfterLoss, storageCapacity, type CapacityReport, type HeadroomScenario } from './capacity';
import { exposureAfter, type Exposure } from './exposure';
import { failureImpact, resolveFailure, type FailedComponent, type FailureImpact, type FailureSet } from './failureImpact';
import { placeStorage, bytesPerDisk, type Placement } from './placement';
import { rebalanceAddNodes, rebalanceDrainNode, type RebalanceEstimate } from './rebalance';
import { rebuildEstimate, type RebuildEstimate } from './rebuild';
import type { Finding } from '../finding';

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
  /**
   * What the storage models find beyond the reference-architecture rules (which the advisor checks
   * from this report): placement that cannot complete, no room to re-replicate, zones, ports.
   */
  findings: Finding[];
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
  const findings = storageFindings(plan, placement, headroom);
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
    provider: plan.cluster.storage.provider,
    basis: inv.basis,
    nodes: inv.nodes.length,
    disks: inv.disks.length,
    racks: new Set(inv.nodes.map((n) => n.rackId)).size,
    zones: new Set(inv.nodes.map((n) => n.zone ?? n.id)).size,
    sharedNodes: inv.nodes.filter((n) => n.sharedWithWorkloads).length,
    placement: placementSummary(placement),
    capacity,
    headroom,
    failures,
    rebalance,
    afterFailures:
      failureSet && failureSet.components.length + (failureSet.degradations?.length ?? 0) > 0
        ? storageFailureScenario(plan, placement, options, 'drill', "the drill's failures", failureSet)
        : null,
    findings,
  };
}

/** One failure set worked through: impact, rebuild (and Ceph's operator rebuild when stuck) and exposure. */
export function storageFailureScenario(
  plan: Plan,
  placement: Placement,
  options: StorageOptions,
  id: StorageFailureScenario['id'],
  label: string,
  failure: FailureSet,
): StorageFailureScenario {
  const state = resolveFailure(placement, failure);
  const impact = failureImpact(placement, state, options.assumptions?.cephObjectBytes);
  const ro = { seed: options.seed, assumptions: options.assumptions, failedTors: state.failedTors };
  const rebuild = rebuildEstimate(plan, placement, state, ro);
  const operatorRebuild =
    plan.cluster.storage.provider === 'ceph' && rebuild.stuckBytes > 0 ? rebuildEstimate(plan, placement, state, { ...ro, operatorAction: true }) : null;
  return {
    id,
    label,
    components: failure.components,
    permanent: !!failure.permanent,
    impact,
    rebuild,
    operatorRebuild,
    exposure: exposureAfter(plan, placement, state, rebuild, failure.components),
  };
}

/** Compact facts about a placement (see `PlacementSummary`). */
export function placementSummary(p: Placement): PlacementSummary {
  const inv = p.inventory;
  const perDisk = bytesPerDisk(p);
  const perNode = new Float64Array(inv.nodes.length);
  let total = 0;
  inv.disks.forEach((d) => {
    perNode[d.nodeIndex] += perDisk[d.index];
    total += perDisk[d.index];
  });
  let minRacks = Infinity;
  // Racks numbered per disk, so counting a unit's distinct racks compares small integers.
  const rackNumbers = new Map<string, number>();
  const rackOfDisk = Int32Array.from(inv.disks, (d) => {
    const id = inv.nodes[d.nodeIndex].rackId;
    if (!rackNumbers.has(id)) rackNumbers.set(id, rackNumbers.size);
    return rackNumbers.get(id)!;
  });
  // A rack counts once per unit: it is stamped with the unit's number + 1 when first seen.
  const seenInUnit = new Int32Array(rackNumbers.size);
  // Locals, not fields of p: V8 reloads a field on every pass of a loop that reads it.
  const { unitCount, unitWidth, shards, width } = p;
  for (let u = 0; u < unitCount; u++) {
    let distinct = 0;
    let full = true;
    for (let k = u * width, end = k + unitWidth[u]; k < end; k++) {
      const d = shards[k];
      if (d < 0) {
        full = false;
        break;
      }
      const rack = rackOfDisk[d];
      if (seenInUnit[rack] !== u + 1) {
        seenInUnit[rack] = u + 1;
        distinct++;
      }
    }
    if (full && distinct < minRacks) minRacks = distinct;
  }
  return {
    unitKind: p.unitKind,
    units: p.unitCount,
    volumes: p.volumes.count,
    volumesSampled: p.volumes.sampled,
    width: p.width,
    needed: p.needed,
    minAvailable: p.minAvailable,
    separates: p.separates,
    prefers: p.prefers ?? null,
    pgNum: p.pgNum ?? null,
    unplacedShards: p.unplacedShards,
    undersizedUnits: p.undersizedUnits,
    fullestNodeShare: total > 0 ? Math.max(...perNode) / total : 0,
    minRacksPerUnit: Number.isFinite(minRacks) ? minRacks : 0,
  };
}

const LONGHORN_DOCS =
  'Longhorn settings "Replica Zone Level Soft Anti-Affinity" and node topology labels (https://longhorn.io/docs/latest/references/settings/)';
const CEPH_DOCS = 'Ceph monitor config, mon_osd_down_out_subtree_limit and full ratios (https://docs.ceph.com/en/latest/rados/configuration/mon-config-ref/)';
const LABEL_VALUE = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const MODEL = 'Rackplan storage placement and capacity models (src/models/README.md, "Storage")';

/**
 * What the storage models find about a plan, as findings (stable ruleIds `STORAGE-*`). The
 * reference-architecture storage rules (count, media, dedication, locality, KubeSpan, choice) are
 * the advisor's; these are the models' own: placement that cannot complete, survivors that cannot
 * hold re-replicated data, Longhorn zones that do not follow racks, ports slower than NICs, Ceph
 * racks of one host.
 */
export function storageFindings(plan: Plan, p: Placement, headroom: readonly HeadroomScenario[] = []): Finding[] {
  const s = plan.cluster.storage;
  const inv = p.inventory;
  const out: Finding[] = [];
  if (s.provider === 'none') return out;
  const ids = inv.nodes.map((n) => n.id);
  if (inv.nodes.length === 0) {
    return [
      {
        ruleId: 'STORAGE-NO-DISKS',
        severity: 'error',
        message: `${s.provider} is the storage provider but no node has disks it can use`,
        why: 'every persistent volume stays Pending',
        source: MODEL,
        subjects: { settings: ['cluster.storage.provider'] },
      },
    ];
  }
  if (inv.basis === 'data-disks') {
    out.push({
      ruleId: 'STORAGE-HYPERCONVERGED',
      severity: 'info',
      message: `no storage-role nodes: ${s.provider} runs on the ${inv.nodes.length} nodes with data disks`,
      why: 'storage traffic and rebuilds share CPU, memory and NICs with workloads',
      source: MODEL,
      subjects: { nodes: ids },
    });
  }
  if (p.unplacedShards > 0) {
    const unit = p.unitKind === 'pg' ? 'PGs' : 'volumes';
    out.push({
      ruleId: 'STORAGE-UNPLACED',
      severity: 'error',
      message: `${p.undersizedUnits} ${unit} cannot place all ${p.width} ${p.unitKind === 'pg' ? 'shards' : 'replicas'} on ${inv.nodes.length} storage node(s)`,
      why: `${p.unplacedShards} copies have nowhere to go, so these ${unit} are degraded from day one and one more failure loses data`,
      figure: { label: 'missing copies', value: p.unplacedShards, unit: 'copies' },
      source: MODEL,
      subjects: { nodes: ids },
    });
  }
  for (const h of headroom) {
    // The severity is the headroom scenario's own, so the headline's storage figure says the same.
    if (h.severity === null) continue;
    const node = h.scenario === 'largest-node';
    out.push({
      ruleId: 'STORAGE-REREPLICATE',
      severity: h.severity,
      message: `after losing ${node ? `storage node ${h.lostId}` : `rack ${plan.racks.find((r) => r.id === h.lostId)?.name ?? h.lostId}`}, ${s.provider} cannot re-replicate: ${h.reason}`,
      why:
        h.severity === 'error'
          ? 'a single failure takes data offline: volumes whose live copies drop below what the provider serves I/O from stop reading and writing, and copies with no intact source are gone'
          : 'the copies lost with it are not rebuilt: the data stays readable and writable but one failure closer to loss until the node returns or hardware is added',
      figure:
        h.fillAfter !== null && Number.isFinite(h.fillAfter)
          ? { label: 'fullest survivor after re-replication', value: Math.round(h.fillAfter * 1000) / 10, unit: '%' }
          : undefined,
      source: s.provider === 'ceph' ? CEPH_DOCS : MODEL,
      subjects: node ? { nodes: [h.lostId] } : { racks: [h.lostId] },
    });
  }
  const slowPorts = inv.nodes.filter((n) => n.place.hardware.nics.speedGbps > n.place.rack.tor.portGbps);
  if (slowPorts.length > 0) {
    const n = slowPorts[0].place;
    out.push({
      ruleId: 'STORAGE-PORT-SPEED',
      severity: 'warning',
      message: `${slowPorts.length} storage node(s) have ${n.hardware.nics.speedGbps} Gbit/s NICs on ${n.rack.tor.portGbps} Gbit/s switch ports`,
      why: 'links run at the port speed, which bounds rebuild and client throughput',
      figure: { label: 'port speed', value: n.rack.tor.portGbps, unit: 'Gbit/s' },
      source: MODEL,
      subjects: { nodes: slowPorts.map((x) => x.id), racks: [...new Set(slowPorts.map((x) => x.rackId))] },
    });
  }
  if (s.provider === 'longhorn' && inv.nodes.length > 1) {
    const zoneByRack = new Map<string, Set<string>>();
    for (const n of inv.nodes) zoneByRack.set(n.rackId, (zoneByRack.get(n.rackId) ?? new Set()).add(n.zone ?? `none:${n.id}`));
    const unlabelled = inv.nodes.filter((n) => !n.zone);
    const racksAsZones =
      unlabelled.length === 0 && [...zoneByRack.values()].every((z) => z.size === 1) && new Set(inv.nodes.map((n) => n.zone)).size === zoneByRack.size;
    if (!racksAsZones && zoneByRack.size > 1) {
      out.push({
        ruleId: 'STORAGE-LONGHORN-ZONES',
        severity: 'warning',
        message:
          unlabelled.length > 0
            ? `${unlabelled.length} Longhorn storage node(s) carry no zone label (${unlabelled
                .slice(0, 5)
                .map((n) => n.id)
                .join(', ')}${unlabelled.length > 5 ? ', …' : ''})`
            : "the Longhorn storage nodes' zone labels do not match their racks",
        why: `Longhorn has no rack level: only zone anti-affinity keeps replicas apart, so replicas may share one of the ${zoneByRack.size} racks and a rack outage takes every copy`,
        source: LONGHORN_DOCS,
        subjects: { nodes: ids, settings: ['nodes[].labels.topology.kubernetes.io/zone'] },
        // A rack id is a valid zone label value only if it ends alphanumeric and fits 63 characters.
        fix: inv.nodes.every((n) => LABEL_VALUE.test(n.rackId))
          ? { kind: 'zoneByRack', label: 'Set Longhorn zone = rack on the storage nodes', nodeIds: ids }
          : undefined,
      });
    }
  }
  if (s.provider === 'ceph') {
    const perRack = new Map<string, number>();
    for (const n of inv.nodes) perRack.set(n.rackId, (perRack.get(n.rackId) ?? 0) + 1);
    const single = [...perRack].filter(([, c]) => c === 1).map(([r]) => r);
    if (single.length > 0 && s.failureDomain === 'rack') {
      out.push({
        ruleId: 'STORAGE-CEPH-RACK-OUT',
        severity: 'info',
        message: `${single.length} rack(s) hold a single storage node: losing that node downs the whole rack's OSDs`,
        why: 'Ceph does not mark a whole rack out by itself (mon_osd_down_out_subtree_limit = rack): no automatic backfill until the node returns or an operator acts',
        source: CEPH_DOCS,
        subjects: { racks: single },
      });
    }
  }
  return out;
}
