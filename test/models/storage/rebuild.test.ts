import { describe, expect, it } from 'vitest';
import { failureImpact, resolveFailure } from '../../../src/models/storage/failureImpact';
import { placeStorage } from '../../../src/models/storage/placement';
import { rebuildEstimate } from '../../../src/models/storage/rebuild';
import { exposureAfter } from '../../../src/models/storage/exposure';
import { cephSettings, longhornSettings, mayastorSettings, storagePlan } from '../../arbitraries/storage';
import type { Plan } from '../../../src/plan/schema';

const TCP = 1448 / 1538;
const KUBESPAN = 1368 / 1518;

/** The first node holding a replica of volume 0, and a node that does not. */
function holders(plan: Plan) {
  const p = placeStorage(plan, { seed: 1 });
  const on = new Set(
    Array.from(p.shards.subarray(0, p.unitWidth[0]))
      .filter((d) => d >= 0)
      .map((d) => p.inventory.nodes[p.inventory.disks[d].nodeIndex].id),
  );
  return { p, holder: [...on][0] };
}

describe('rebuildEstimate: Longhorn', () => {
  it('rebuildEstimate(one 100 GB volume, replica node lost) starts at 600 s and runs one 80 MB/s stream: 100e9 / 80e6 = 1250 s', () => {
    const plan = storagePlan({ nodesPerRack: [1, 1, 1, 1], storage: longhornSettings(3), volumes: [{ sizeGB: 100 }] });
    const { p, holder } = holders(plan);
    const r = rebuildEstimate(plan, p, { components: [{ kind: 'node', nodeId: holder }], permanent: true });
    expect(r.bytesRebuilt).toBe(100e9);
    expect(r.seconds).toBeCloseTo(100e9 / 80e6, 6);
    expect(r.bottleneck?.kind).toBe('stream');
    expect(r.timeline).toEqual({ degradedAtS: 0, rebuildStartS: 600, restoredAtS: 600 + 100e9 / 80e6 });
  });

  it('rebuildEstimate(…, 1 × 1 GbE NICs) is network-bound: 100e9 / (1e9 / 8 × TCP goodput × 0.5 sync efficiency)', () => {
    const plan = storagePlan({ nodesPerRack: [1, 1, 1, 1], nics: 1, nicGbps: 1, storage: longhornSettings(3), volumes: [{ sizeGB: 100 }] });
    const { p, holder } = holders(plan);
    const r = rebuildEstimate(plan, p, { components: [{ kind: 'node', nodeId: holder }], permanent: true });
    expect(r.seconds).toBeCloseTo(100e9 / ((1e9 / 8) * TCP * 0.5), 6);
    expect(r.bottleneck?.kind).toBe('link');
  });

  it('rebuildEstimate(20 × 100 GB, one disk of st-01 lost) is capped by 5 concurrent rebuilds per node: 10 × 100e9 / (5 × 80e6) = 2500 s', () => {
    // 3 nodes × 2 × 5 TB disks: the most-room rule alternates disks, so disk 0 of st-01 holds 10 replicas; they rebuild onto its disk 1.
    const plan = storagePlan({
      nodesPerRack: [1, 1, 1],
      dataDisks: 2,
      diskGB: 5000,
      storage: longhornSettings(3),
      volumes: Array.from({ length: 20 }, () => ({ sizeGB: 100 })),
    });
    const p = placeStorage(plan, { seed: 1 });
    const r = rebuildEstimate(plan, p, { components: [{ kind: 'disk', nodeId: 'st-01', slot: 0 }] });
    expect(r.bytesRebuilt).toBe(10 * 100e9);
    expect(r.seconds).toBeCloseTo((10 * 100e9) / (5 * 80e6), 6);
    expect(r.bottleneck?.kind).toBe('streams');
  });

  it("rebuildEstimate(an 8 TB volume) passes Longhorn's 24 h ceiling: 8e12 / 80e6 = 100,000 s > 86,400 s, so redundancy is never restored", () => {
    const plan = storagePlan({ nodesPerRack: [1, 1, 1, 1], diskGB: 20_000, storage: longhornSettings(3), volumes: [{ sizeGB: 8000 }] });
    const { p, holder } = holders(plan);
    const r = rebuildEstimate(plan, p, { components: [{ kind: 'node', nodeId: holder }], permanent: true });
    expect(r.longestUnitS).toBeCloseTo(8e12 / 80e6, 6);
    expect(r.unitsOverCeiling).toBe(1);
    expect(r.timeline.restoredAtS).toBeNull();
  });

  it('rebuildEstimate(3 nodes, 3 replicas, node lost) has nowhere to rebuild: hard node anti-affinity', () => {
    const plan = storagePlan({ nodesPerRack: [1, 1, 1], storage: longhornSettings(3), volumes: [{ sizeGB: 100 }] });
    const r = rebuildEstimate(plan, placeStorage(plan, { seed: 1 }), { components: [{ kind: 'node', nodeId: 'st-01' }], permanent: true });
    expect(r.automatic).toBe(false);
    expect(r.stuckBytes).toBe(100e9);
    expect(r.timeline.rebuildStartS).toBeNull();
  });
});

describe('rebuildEstimate: Ceph', () => {
  // 3 hosts × 2 OSDs, size 3, failure domain host: every PG has one shard per host, so the PGs of a lost
  // OSD can only remap to the other OSD of the same host. One target disk: T = bytes / (3000 MB/s × 0.5 balanced).
  const plan3 = (extra: Partial<Parameters<typeof storagePlan>[0]> = {}, profile: 'balanced' | 'high_recovery_ops' = 'balanced') => {
    const storage = { ...cephSettings({ type: 'replicated', size: 3, minSize: 2 }, 'host'), mclockProfile: profile } as ReturnType<typeof cephSettings>;
    return storagePlan({ nodesPerRack: [3], dataDisks: 2, storage, volumes: [{ sizeGB: 600 }], ...extra });
  };

  it('rebuildEstimate(size 3 on 3 hosts, one OSD lost) starts after 20 s + 600 s and writes at 3000 MB/s × 0.5', () => {
    const plan = plan3();
    const p = placeStorage(plan, { seed: 1 });
    const failure = { components: [{ kind: 'disk' as const, nodeId: 'st-01', slot: 0 }] };
    const bytes = failureImpact(p, failure).bytesToRereplicate;
    const r = rebuildEstimate(plan, p, failure);
    expect(r.bytesRebuilt).toBeCloseTo(bytes, 0);
    expect(r.seconds).toBeCloseTo(bytes / (3000e6 * 0.5), 6);
    expect(r.bottleneck?.id).toBe('write:st-01#1');
    expect(r.timeline.rebuildStartS).toBe(20 + 600);
    expect(r.clientDiskShareLeft).toBeCloseTo(1 - 0.5, 9);
  });

  it('rebuildEstimate(…, KubeSpan on, high_recovery_ops) is bounded by one core of WireGuard crypto: bytes / 1.5 GB/s', () => {
    const plan = plan3({ kubespan: true }, 'high_recovery_ops');
    const p = placeStorage(plan, { seed: 1 });
    const failure = { components: [{ kind: 'disk' as const, nodeId: 'st-01', slot: 0 }] };
    const bytes = failureImpact(p, failure).bytesToRereplicate;
    const r = rebuildEstimate(plan, p, failure);
    // Disk 3000 × 0.7 = 2100 MB/s and NIC 50 Gbit/s × KubeSpan goodput = 5.6 GB/s both beat 1.5 GB/s of crypto.
    expect((50e9 / 8) * KUBESPAN).toBeGreaterThan(1.5e9);
    expect(r.seconds).toBeCloseTo(bytes / 1.5e9, 6);
    expect(r.bottleneck?.kind).toBe('kubespan');
    expect(r.crossesKubeSpan).toBe(true);
  });

  it('rebuildEstimate(one storage node per rack, rack failure domain, node lost) waits: the whole rack is down, so no OSD is marked out', () => {
    const plan = storagePlan({
      nodesPerRack: [1, 1, 1, 1],
      storage: cephSettings({ type: 'replicated', size: 3, minSize: 2 }, 'rack'),
      volumes: [{ sizeGB: 300 }],
    });
    const p = placeStorage(plan, { seed: 1 });
    const failure = { components: [{ kind: 'node' as const, nodeId: 'st-01' }], permanent: true };
    const r = rebuildEstimate(plan, p, failure);
    expect(r.automatic).toBe(false);
    expect(r.stuckBytes).toBeCloseTo(failureImpact(p, failure).bytesToRereplicate, 0);
    expect(r.reason).toMatch(/mon_osd_down_out_subtree_limit/);
    const op = rebuildEstimate(plan, p, failure, { operatorAction: true });
    expect(op.stuckBytes).toBe(0);
    expect(op.timeline.restoredAtS).toBeGreaterThan(620);
  });
});

describe('rebuildEstimate: Mayastor and Local Path', () => {
  it('rebuildEstimate(Mayastor repl 2 on 3 nodes, replica node lost) copies 100 GB at 3000 MB/s × 0.8 after 600 s', () => {
    const plan = storagePlan({ nodesPerRack: [1, 1, 1], storage: mayastorSettings(2), volumes: [{ sizeGB: 100 }] });
    const { p, holder } = holders(plan);
    const r = rebuildEstimate(plan, p, { components: [{ kind: 'node', nodeId: holder }], permanent: true });
    expect(r.seconds).toBeCloseTo(100e9 / (3000e6 * 0.8), 6);
    expect(r.timeline.rebuildStartS).toBe(600);
  });

  it('rebuildEstimate(Local Path, node lost) never starts', () => {
    const plan = storagePlan({ nodesPerRack: [0], workers: 2, storage: { provider: 'local-path' }, volumes: [{ sizeGB: 10 }] });
    const p = placeStorage(plan, { seed: 1 });
    const r = rebuildEstimate(plan, p, { components: [{ kind: 'node', nodeId: p.inventory.nodes[p.inventory.disks[p.shards[0]].nodeIndex].id }] });
    expect(r.timeline.rebuildStartS).toBeNull();
    expect(r.stuckBytes).toBe(10e9);
  });
});

describe('exposureAfter', () => {
  it('exposureAfter(Longhorn repl 2 on 3 nodes, st-01 lost) puts its 4 volumes on their last copy until t2; P = 1 − exp(−λ t2)', () => {
    const plan = storagePlan({ nodesPerRack: [1, 1, 1], storage: longhornSettings(2), volumes: Array.from({ length: 6 }, () => ({ sizeGB: 100 })) });
    const p = placeStorage(plan, { seed: 1 });
    const components = [{ kind: 'node' as const, nodeId: 'st-01' }];
    const state = resolveFailure(p, { components, permanent: true });
    const r = rebuildEstimate(plan, p, state);
    const e = exposureAfter(plan, p, state, r, components);
    expect(e.atRiskUnits).toBe(4);
    expect(e.atRiskBytes).toBe(4 * 100e9);
    expect(e.until).toBe('rebuild');
    expect(e.windowS).toBe(r.timeline.restoredAtS);
    expect(e.nodesHoldingLastCopies).toBe(2);
    const lambda = (2 * (0.05 + 1 * 0.015)) / (365.25 * 86400);
    expect(e.lossProbability).toBeCloseTo(1 - Math.exp(-lambda * e.windowS), 12);
  });

  it('exposureAfter(…, no rebuild possible) lasts the node repair time, 48 h', () => {
    const plan = storagePlan({ nodesPerRack: [1, 1], storage: longhornSettings(2), volumes: [{ sizeGB: 100 }] });
    const p = placeStorage(plan, { seed: 1 });
    const components = [{ kind: 'node' as const, nodeId: 'st-01' }];
    const state = resolveFailure(p, { components, permanent: true });
    const e = exposureAfter(plan, p, state, rebuildEstimate(plan, p, state), components);
    expect(e.until).toBe('repair');
    expect(e.windowS).toBe(48 * 3600);
  });
});
