import { describe, expect, it } from 'vitest';
import { placeStorage, bytesPerDisk } from '../../../src/models/storage/placement';
import { rebalanceAddNodes, rebalanceDrainNode } from '../../../src/models/storage/rebalance';
import { cephSettings, longhornSettings, storagePlan } from '../../arbitraries/storage';

describe('rebalance', () => {
  const ceph = () =>
    storagePlan({ nodesPerRack: [6], dataDisks: 2, storage: cephSettings({ type: 'replicated', size: 3, minSize: 2 }), volumes: [{ sizeGB: 600 }] });

  it("rebalanceAddNodes(Ceph on 6 equal hosts, +1) moves at least the new host's share, 1/7, and at most 1.5 × that (firstn retries remap a few more)", () => {
    const plan = ceph();
    const r = rebalanceAddNodes(plan, placeStorage(plan, { seed: 1 }), 1, 1);
    expect(r.nodeIds).toEqual(['st-added-1']);
    expect(r.movedShare).toBeGreaterThan((1 / 7) * 0.9);
    expect(r.movedShare).toBeLessThan((1 / 7) * 1.5);
    expect(r.seconds).toBeGreaterThan(0);
  });

  it('rebalanceAddNodes(Longhorn, +1) moves nothing: replica-auto-balance is disabled by default', () => {
    const plan = storagePlan({ nodesPerRack: [1, 1, 1], storage: longhornSettings(3), volumes: [{ sizeGB: 100 }] });
    const r = rebalanceAddNodes(plan, placeStorage(plan, { seed: 1 }), 1, 1);
    expect(r.bytesMoved).toBe(0);
    expect(r.note).toMatch(/disabled by default/);
  });

  it('rebalanceDrainNode(Ceph, st-01) moves exactly the bytes stored on st-01, read from st-01 itself', () => {
    const plan = ceph();
    const p = placeStorage(plan, { seed: 1 });
    const onNode = p.inventory.nodes[0].disks.reduce((s, d) => s + bytesPerDisk(p)[d.index], 0);
    const r = rebalanceDrainNode(plan, p, 'st-01', 1);
    expect(r.bytesMoved).toBeCloseTo(onNode, 0);
    expect(r.movedShare).toBeCloseTo(1 / 6, 1);
  });

  it('rebalanceDrainNode(…) takes longer when the storage nodes also carry workload traffic on their NICs', () => {
    const slow = (shared: boolean) => {
      const plan = storagePlan({
        nodesPerRack: [6],
        dataDisks: 4,
        nics: 1,
        nicGbps: 10,
        shared,
        storage: cephSettings({ type: 'replicated', size: 3, minSize: 2 }),
        volumes: [{ sizeGB: 2000 }],
      });
      plan.workload.eastWestGbpsPerNode = 5;
      return rebalanceDrainNode(plan, placeStorage(plan, { seed: 1 }), 'st-01', 1).seconds;
    };
    // 10 Gbit/s NIC: dedicated → 10, shared → 10 − 5 Gbit/s of workload traffic: twice as long.
    expect(slow(true)).toBeCloseTo(2 * slow(false), 6);
  });
});
