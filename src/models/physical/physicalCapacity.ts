import type { Plan, Rack, Role, Site } from '../../plan/schema';
import { topFreeU } from '../../plan/validate';
import { topologyOf, type NodePlace } from '../topology';
import { rackMemo } from '../rackMemo';
import { rackPower, type RackPower } from './rackPower';
import type { ResolvedFailures } from '../failures';
import { powerAfterFailures, type PowerAfterFailures } from './powerAfterFailures';

export interface RackCapacity {
  rackId: string;
  name: string;
  rowId: string;
  heightU: number;
  nodeU: number;
  switchU: number;
  freeU: number;
  /** The tallest contiguous free block: the largest server that still fits. */
  largestFreeBlockU: number;
  nodes: number;
  power: RackPower;
}

export interface SiteCapacity {
  siteId: string;
  name: string;
  racks: number;
  nodesByRole: Record<Role, number>;
  totalU: number;
  usedU: number;
  typicalW: number;
  peakW: number;
  feedCapacityW: number;
  cores: number;
  memoryGiB: number;
  racksFailingFeedLoss: number;
}

export interface PhysicalReport {
  racks: RackCapacity[];
  sites: SiteCapacity[];
  nodesByRole: Record<Role, number>;
  totals: { nodes: number; racks: number; usedU: number; totalU: number; typicalW: number; peakW: number; cores: number; memoryGiB: number };
  /** Racks dark, feeds down and feeds over capacity after the failure set `evaluate` was given (null without one). */
  afterFailures: PowerAfterFailures | null;
}

/**
 * Physical capacity: per rack the U used by nodes and switches, free U and the largest free
 * block; power per feed and the A/B N-1 verdict (see `rackPower`); totals per site and overall.
 * U are rack units (44.45 mm); power is W.
 */
export function physicalCapacity(plan: Plan, resolved?: ResolvedFailures): PhysicalReport {
  const topo = topologyOf(plan);
  const siteOfRow = (rowId: string) => {
    const row = topo.rowById.get(rowId);
    const room = row && topo.roomById.get(row.roomId);
    return room ? topo.siteById.get(room.siteId) : undefined;
  };
  const racks = plan.racks.map((rack) => rackCapacity(topo, rack, siteOfRow(rack.rowId)?.kind === 'cloud'));

  const emptyRoles = (): Record<Role, number> => ({ controlplane: 0, worker: 0, storage: 0 });
  const sites = new Map<string, SiteCapacity>(
    plan.sites.map((s) => [
      s.id,
      {
        siteId: s.id,
        name: s.name,
        racks: 0,
        nodesByRole: emptyRoles(),
        totalU: 0,
        usedU: 0,
        typicalW: 0,
        peakW: 0,
        feedCapacityW: 0,
        cores: 0,
        memoryGiB: 0,
        racksFailingFeedLoss: 0,
      },
    ]),
  );
  racks.forEach((r, i) => {
    const site = sites.get(siteOfRow(r.rowId)?.id ?? '');
    if (!site) return;
    site.racks += 1;
    site.totalU += r.heightU;
    site.usedU += r.nodeU + r.switchU;
    site.typicalW += r.power.typicalW;
    site.peakW += r.power.peakW;
    site.feedCapacityW += plan.racks[i].feeds.reduce((s, f) => s + f.capacityW, 0);
    if (r.power.verdict !== 'survives' && r.power.verdict !== 'provider-managed') site.racksFailingFeedLoss += 1;
  });
  const nodesByRole = emptyRoles();
  // Nodes of one site come in runs (most plans have one site): its record is looked up once per run.
  let siteOfPlace: Site | undefined;
  let site: SiteCapacity | undefined;
  for (const p of topo.places) {
    const role = p.node.role;
    nodesByRole[role] += 1;
    if (p.site !== siteOfPlace) {
      siteOfPlace = p.site;
      site = sites.get(p.site.id);
    }
    if (!site) continue;
    site.nodesByRole[role] += 1;
    site.cores += p.hardware.cores;
    site.memoryGiB += p.hardware.memoryGiB;
  }
  const siteList = [...sites.values()];
  const sum = (f: (s: SiteCapacity) => number) => siteList.reduce((a, s) => a + f(s), 0);
  return {
    racks,
    sites: siteList,
    nodesByRole,
    totals: {
      nodes: plan.nodes.length,
      racks: plan.racks.length,
      usedU: sum((s) => s.usedU),
      totalU: sum((s) => s.totalU),
      typicalW: sum((s) => s.typicalW),
      peakW: sum((s) => s.peakW),
      cores: sum((s) => s.cores),
      memoryGiB: sum((s) => s.memoryGiB),
    },
    afterFailures: resolved ? powerAfterFailures(resolved) : null,
  };
}

/**
 * One rack's space and power: U used by nodes and switches, free U, the largest free block, and
 * `rackPower`. Remembered per rack across plans (see `rackMemo`), so moving one node recomputes
 * the racks it leaves and enters, not all of them.
 */
const rackCapacity = rackMemo((rack: Rack, places: readonly NodePlace[], cloud: boolean): RackCapacity => {
  // One byte per U (1 = taken) rather than an array of booleans: built for every rack of a cold report.
  const taken = new Uint8Array(topFreeU(rack) + 1);
  let nodeU = 0;
  for (let i = 0; i < places.length; i++) {
    const p = places[i];
    const height = p.hardware.heightU;
    const from = p.node.positionU;
    nodeU += height;
    for (let u = from; u < from + height; u++) taken[u] = 1;
  }
  let largest = 0;
  let run = 0;
  for (let u = 1; u < taken.length; u++) {
    run = taken[u] === 0 ? run + 1 : 0;
    if (run > largest) largest = run;
  }
  const switchU = rack.tor.count * rack.tor.heightU;
  return {
    rackId: rack.id,
    name: rack.name,
    rowId: rack.rowId,
    heightU: rack.heightU,
    nodeU,
    switchU,
    freeU: rack.heightU - nodeU - switchU,
    largestFreeBlockU: largest,
    nodes: places.length,
    power: cloud
      ? { ...rackPower(rack, places, rack.tor.powerW), verdict: 'provider-managed', reasons: ["cloud capacity: power and space are the provider's"] }
      : rackPower(rack, places, rack.tor.powerW),
  };
});
