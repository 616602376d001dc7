import type { FeedId } from '../../plan/schema';
import { DEGRADED, DOWN, UP, rackPowerLoss, type FailedComponent } from '../failures';
import { failureImpact } from '../storage/failureImpact';
import { capacityLeft } from '../workload/capacityLeft';
import type { ApiCause, HealthCore } from './health';
import type { SweepBasis } from './sweepBasis';

/** Components the incremental path handles: everything but site links (which partition sites). */
export type HardComponent = Exclude<FailedComponent, { kind: 'siteLink' }>;

/**
 * A drill's health core as a delta from the sweep basis, for failure sets of hard components
 * (no degradations, no site links, not permanent). Only the racks the set touches are resolved,
 * by the same rules as `resolveFailures` (a rack's feeds after a failover, then its nodes' feeds
 * and switches); every other node keeps its status with nothing failed. Storage impact is
 * recomputed only when a storage node or disk changes. Cost: O(nodes in touched racks + members
 * + storage units on failed disks), independent of the plan's size otherwise.
 */
export function scenarioCore(b: SweepBasis, components: readonly HardComponent[]): HealthCore {
  const t = b.topology;
  const plan = b.plan;
  const failedNodes = new Set<string>();
  const destroyed = new Map<string, Set<number>>();
  const racksDown = new Map<string, string>();
  const torsDown = new Set<string>();
  const feedsDown = new Map<string, string>();
  const failedCircuits = new Set<string>();
  const rows: string[] = [],
    rooms: string[] = [],
    sites: string[] = [];
  const touched = new Set<string>();
  for (const c of components) {
    switch (c.kind) {
      case 'node': {
        failedNodes.add(c.nodeId);
        const p = t.placeById.get(c.nodeId);
        if (p) touched.add(p.rack.id);
        break;
      }
      case 'disk': {
        const set = destroyed.get(c.nodeId) ?? new Set<number>();
        set.add(c.slot);
        destroyed.set(c.nodeId, set);
        const p = t.placeById.get(c.nodeId);
        if (p) touched.add(p.rack.id);
        break;
      }
      case 'rack':
        racksDown.set(c.rackId, `rack ${c.rackId} failed`);
        touched.add(c.rackId);
        break;
      case 'tor':
        torsDown.add(`${c.rackId}/${c.tor}`);
        touched.add(c.rackId);
        break;
      case 'feed':
        feedsDown.set(`${c.rackId}/${c.feed}`, `feed ${c.rackId}/${c.feed} failed`);
        touched.add(c.rackId);
        break;
      case 'circuit':
        failedCircuits.add(c.circuit);
        for (const r of b.racksByCircuit.get(c.circuit) ?? []) touched.add(r);
        break;
      case 'row':
        rows.push(c.rowId);
        for (const r of b.racksByRow.get(c.rowId) ?? []) touched.add(r);
        break;
      case 'room':
        rooms.push(c.roomId);
        for (const r of b.racksByRoom.get(c.roomId) ?? []) touched.add(r);
        break;
      case 'site':
        sites.push(c.siteId);
        for (const r of b.racksBySite.get(c.siteId) ?? []) touched.add(r);
        break;
    }
  }
  const feedsTripped: { feed: string; peakW: number; capacityW: number }[] = [];
  // Racks in plan order, as the resolver walks them, so reasons come out the same.
  const racks = [...touched]
    .map((id) => b.rackOrder.get(id) ?? -1)
    .filter((k) => k >= 0)
    .sort((x, y) => x - y)
    .map((k) => plan.racks[k]);
  for (const rack of racks) {
    if (racksDown.has(rack.id)) continue;
    const row = t.rowById.get(rack.rowId);
    const room = row && t.roomById.get(row.roomId);
    if (row && rows.includes(row.id)) racksDown.set(rack.id, `row ${row.id} failed`);
    else if (room && rooms.includes(room.id)) racksDown.set(rack.id, `room ${room.id} failed`);
    else if (room && sites.includes(room.siteId)) racksDown.set(rack.id, `site ${room.siteId} failed`);
  }
  for (const rack of racks) {
    if (racksDown.has(rack.id)) continue;
    const failover = b.failoverPeakW.get(rack.id) as Record<FeedId, number>;
    const dark = rackPowerLoss(rack, failedCircuits, feedsDown, (feed) => failover[feed]);
    if (!dark) continue;
    if (dark.tripped) feedsTripped.push(dark.tripped);
    racksDown.set(rack.id, dark.reason);
  }

  // New status of every node in a touched rack; the rest keep the baseline.
  const changed: { index: number; status: number }[] = [];
  for (const rack of racks) {
    const rackDown = racksDown.has(rack.id);
    for (const i of b.nodesByRack.get(rack.id) ?? []) {
      const p = t.places[i];
      let status = UP;
      if (failedNodes.has(p.node.id) || rackDown) status = DOWN;
      else {
        let live = 0;
        for (const f of p.node.feeds) if (rack.feeds.some((rf) => rf.id === f) && !feedsDown.has(`${rack.id}/${f}`)) live++;
        if (live === 0) status = DOWN;
        else {
          if (live < p.node.feeds.length) status = DEGRADED;
          // The rack is up here, so only switches that failed themselves count.
          const cab = b.cabled[i];
          const cabledCount = (cab & 1) + ((cab >> 1) & 1);
          const liveTors = (cab & 1 && !torsDown.has(`${rack.id}/A`) ? 1 : 0) + (cab & 2 && !torsDown.has(`${rack.id}/B`) ? 1 : 0);
          if (liveTors === 0) status = DOWN;
          else if (liveTors < cabledCount) status = DEGRADED;
        }
      }
      if (status !== DOWN && destroyed.has(p.node.id)) status = DEGRADED;
      if (status !== b.baseStatus[i]) changed.push({ index: i, status });
    }
  }
  changed.sort((x, y) => x.index - y.index);

  let down = b.base.nodes.down,
    degraded = b.base.nodes.degraded;
  const statusOf = new Map<number, number>();
  for (const c of changed) {
    const was = b.baseStatus[c.index];
    if (was === DOWN) down--;
    else if (was === DEGRADED) degraded--;
    if (c.status === DOWN) down++;
    else if (c.status === DEGRADED) degraded++;
    statusOf.set(c.index, c.status);
  }
  const isDown = (i: number) => (statusOf.get(i) ?? b.baseStatus[i]) === DOWN;
  const total = t.places.length;

  let membersUp = 0,
    endpointUp = false;
  for (let m = 0; m < b.memberIndex.length; m++) {
    if (isDown(b.memberIndex[m])) continue;
    membersUp++;
    if (b.memberInEndpointSite[m]) endpointUp = true;
  }
  const members = b.memberIndex.length;
  const held = members > 0 && membersUp >= b.quorum;
  const nodesUp = total - down;
  let cause: ApiCause = 'ok';
  if (members === 0) cause = 'no-control-plane';
  else if (!held) cause = 'no-quorum';
  else if (!plan.cluster.kubeprism.enabled && !endpointUp) cause = 'endpoint-lost';

  let storage = b.base.storage;
  const p = b.placement;
  if (p && b.baseStorageState) {
    let touchedStorage = false;
    for (const c of changed)
      if (b.storageIndex[c.index] >= 0) {
        touchedStorage = true;
        break;
      }
    for (const id of destroyed.keys()) {
      const pl = t.placeById.get(id);
      if (pl && b.storageIndex[pl.index] >= 0) touchedStorage = true;
    }
    if (touchedStorage) {
      const base = b.baseStorageState;
      const nodeDown = base.nodeDown.slice();
      const diskDown = base.diskDown.slice();
      const diskDestroyed = base.diskDestroyed.slice();
      let downNodes = base.downNodes,
        downDisks = base.downDisks;
      for (const c of changed) {
        const s = b.storageIndex[c.index];
        if (s < 0) continue;
        const sn = p.inventory.nodes[s];
        const nowDown = c.status === DOWN ? 1 : 0;
        if (nodeDown[s] !== nowDown) {
          downNodes += nowDown ? 1 : -1;
          nodeDown[s] = nowDown;
        }
        for (const d of sn.disks) {
          const dd = nowDown || diskDestroyed[d.index] ? 1 : 0;
          if (diskDown[d.index] !== dd) {
            downDisks += dd ? 1 : -1;
            diskDown[d.index] = dd;
          }
        }
      }
      for (const [id, slots] of destroyed) {
        const pl = t.placeById.get(id);
        const s = pl ? b.storageIndex[pl.index] : -1;
        if (s < 0) continue;
        for (const d of p.inventory.nodes[s].disks) {
          if (!slots.has(d.slot)) continue;
          diskDestroyed[d.index] = 1;
          if (!diskDown[d.index]) {
            diskDown[d.index] = 1;
            downDisks++;
          }
        }
      }
      storage = failureImpact(p, { nodeDown, diskDown, diskDestroyed, failedTors: torsDown, downNodes, downDisks }, b.objectBytes);
    }
  }

  // Lost allocatable over every DOWN node in index order (the full path's order, so sums agree exactly).
  const a = b.allocatable;
  const lost = { cpuMillicores: 0, memoryMiB: 0, podSlots: 0, nodes: 0 };
  const downList: number[] = [];
  for (const i of b.baseDown) if (isDown(i)) downList.push(i);
  for (const c of changed) if (c.status === DOWN && b.baseStatus[c.index] !== DOWN) downList.push(c.index);
  downList.sort((x, y) => x - y);
  for (const i of downList) {
    if (!a.schedulable[i]) continue;
    lost.cpuMillicores += a.cpuMillicores[i];
    lost.memoryMiB += a.memoryMiB[i];
    lost.podSlots += a.podSlots[i];
    lost.nodes++;
  }
  const byKey = <T extends object>(entries: [string, T][]) => entries.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return {
    nodes: { total, healthy: total - down - degraded, degraded, down },
    quorum: { members, membersUp, quorum: b.quorum, largestGroupUp: membersUp, held },
    api: { kubeprism: plan.cluster.kubeprism.enabled, nodesUp, nodesWithout: cause === 'ok' ? 0 : nodesUp, cause },
    storage,
    capacity: capacityLeft('left after the failures', a, b.demand, lost),
    power: {
      racksDown: byKey([...racksDown].map(([rackId, reason]) => [rackId, { rackId, reason }])).map(([, v]) => v),
      feedsOverCapacity: byKey(feedsTripped.map((f) => [f.feed, f] as [string, typeof f])).map(([, v]) => v),
    },
  };
}
