import { describe, expect, it } from 'vitest';
import { domainShares, headroomAfterLoss, storageCapacity } from '../../../src/models/storage/capacity';
import { placeStorage } from '../../../src/models/storage/placement';
import { cephSettings, longhornSettings, mayastorSettings, storagePlan } from '../../arbitraries/storage';

const capacityOf = (plan: ReturnType<typeof storagePlan>) => storageCapacity(plan, placeStorage(plan, { seed: 1 }));

describe('domainShares', () => {
  it('domainShares([1, 1, 1, 1], 2) is a quarter each', () => {
    expect(domainShares([1, 1, 1, 1], 2)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
  it('domainShares([4, 1, 1], 3) caps the big domain at 1/3: one shard per domain', () => {
    domainShares([4, 1, 1], 3).forEach((s) => expect(s).toBeCloseTo(1 / 3, 12));
  });
  it('domainShares([3, 2, 1, 1], 2) is proportional, 3/7 staying under the 1/2 cap', () => {
    domainShares([3, 2, 1, 1], 2).forEach((v, i) => expect(v).toBeCloseTo([3, 2, 1, 1][i] / 7, 12));
  });
  it('domainShares([5, 1, 1, 1], 2) caps 5/8 at 1/2 and water-fills the rest: [1/2, 1/6, 1/6, 1/6]', () => {
    domainShares([5, 1, 1, 1], 2).forEach((v, i) => expect(v).toBeCloseTo([1 / 2, 0.5 / 3, 0.5 / 3, 0.5 / 3][i], 12));
  });
});

describe('storageCapacity', () => {
  it('storageCapacity(Longhorn, 3 nodes × 4 × 1000 GB, 3 replicas) is 12 TB raw, 12 × 0.70 / 3 = 2.8 TB usable', () => {
    const c = capacityOf(storagePlan({ nodesPerRack: [1, 1, 1], dataDisks: 4, storage: longhornSettings(3), volumes: [{ sizeGB: 100, fillPct: 50 }] }));
    expect(c.rawBytes).toBe(3 * 4 * 1000e9);
    // min(1 − 25 % minimal available, 1 − 30 % reserved) = 0.70
    expect(c.usableBytes).toBeCloseTo((12e12 * 0.7) / 3, -3);
    expect(c.provisionableBytes).toBeCloseTo((12e12 * (1 - 0.3) * 1.0) / 3, -3);
    expect(c.reservedBytes).toBeCloseTo(12e12 * 0.3, -3);
    expect(c.storedPhysicalBytes).toBeCloseTo(3 * 100e9 * 0.5, -3);
    expect(c.provisionedBytes).toBeCloseTo(3 * 100e9, -3);
  });

  it('storageCapacity(Ceph size 3, 6 racks × 2 × 1000 GB) is 12 TB raw, 12 × 0.90 / 3 = 3.6 TB usable at backfillfull', () => {
    const c = capacityOf(
      storagePlan({
        nodesPerRack: [1, 1, 1, 1, 1, 1],
        dataDisks: 2,
        storage: cephSettings({ type: 'replicated', size: 3, minSize: 2 }, 'rack'),
        volumes: [{ sizeGB: 10 }],
      }),
    );
    expect(c.rawBytes).toBe(12e12);
    expect(c.usableBytes).toBeCloseTo((12e12 * 0.9) / 3, -3);
    expect(c.thresholds.map((t) => `${t.name} ${t.ratio}`)).toEqual(['nearfull 0.85', 'backfillfull 0.9', 'full 0.95']);
  });

  it('storageCapacity(Ceph size 3, racks of 2, 1 and 1 TB) is limited by the small racks: 0.9 × 1 TB / (1/3) / 3 = 0.9 TB', () => {
    const c = capacityOf(
      storagePlan({ nodesPerRack: [2, 1, 1], storage: cephSettings({ type: 'replicated', size: 3, minSize: 2 }, 'rack'), volumes: [{ sizeGB: 10 }] }),
    );
    expect(c.rawBytes).toBe(4e12);
    expect(c.usableBytes).toBeCloseTo((0.9 * 1e12) / (1 / 3) / 3, -3);
  });

  it('storageCapacity(Ceph EC 4+2 on 6 hosts) is raw × 0.90 × 4/6', () => {
    const c = capacityOf(storagePlan({ nodesPerRack: [6], storage: cephSettings({ type: 'erasure', k: 4, m: 2 }), volumes: [{ sizeGB: 10 }] }));
    expect(c.efficiency).toBeCloseTo(4 / 6, 12);
    expect(c.usableBytes).toBeCloseTo(6e12 * 0.9 * (4 / 6), -3);
  });

  it('storageCapacity(Mayastor repl 2 on 4 nodes) is raw / 2 at 100 %', () => {
    const c = capacityOf(storagePlan({ nodesPerRack: [4], storage: mayastorSettings(2), volumes: [{ sizeGB: 10 }] }));
    expect(c.usableBytes).toBeCloseTo(4e12 / 2, -3);
  });
});

describe('headroomAfterLoss', () => {
  const ceph6 = (usedGB: number) =>
    storagePlan({
      nodesPerRack: [1, 1, 1, 1, 1, 1],
      storage: cephSettings({ type: 'replicated', size: 3, minSize: 2 }, 'rack'),
      volumes: [{ sizeGB: usedGB }],
    });
  const headroom = (plan: ReturnType<typeof ceph6>) => {
    const p = placeStorage(plan, { seed: 1 });
    return headroomAfterLoss(plan, p, storageCapacity(plan, p));
  };

  it('headroomAfterLoss(6 × 1 TB racks, 600 GB × 3 stored) fits: 1800 / 5000 = 36 % ≤ backfillfull 90 %', () => {
    const [node, rack] = headroom(ceph6(600));
    expect(node.fillAfter).toBeCloseTo(1800 / 5000, 6);
    expect(node.fits).toBe(true);
    expect(rack.scenario).toBe('largest-rack');
    expect(rack.fits).toBe(true);
  });

  it('headroomAfterLoss(6 × 1 TB racks, 1600 GB × 3 stored) does not fit: 4800 / 5000 = 96 % > 90 %, though 80 % today', () => {
    const plan = ceph6(1600);
    const p = placeStorage(plan, { seed: 1 });
    const c = storageCapacity(plan, p);
    expect(c.meanFill).toBeCloseTo(4800 / 6000, 6);
    const [node] = headroomAfterLoss(plan, p, c);
    expect(node.fillAfter).toBeCloseTo(4800 / 5000, 6);
    expect(node.fits).toBe(false);
    expect(node.reason).toMatch(/backfillfull/);
    // Backfill stops, but every PG keeps 2 of 3 copies ≥ min_size 2: degraded, still serving I/O.
    expect(node.severity).toBe('warning');
  });

  it('headroomAfterLoss(6 × 1 TB racks, 600 GB × 3 stored) has no severity when it fits', () => {
    expect(headroom(ceph6(600)).map((h) => h.severity)).toEqual([null, null]);
  });

  it('headroomAfterLoss(Ceph size 2, min_size 2, 2 racks) is an error: one rack down leaves 1 live copy < min_size 2, so I/O stops', () => {
    const plan = storagePlan({
      nodesPerRack: [1, 1],
      storage: cephSettings({ type: 'replicated', size: 2, minSize: 2 }, 'rack'),
      volumes: [{ sizeGB: 100 }],
    });
    const [node, rack] = headroom(plan);
    expect(node.severity).toBe('error');
    expect(rack.severity).toBe('error');
    expect(rack.reason).toMatch(/PGs unavailable/);
  });

  it('headroomAfterLoss(Longhorn, 3 nodes, 3 replicas) cannot re-replicate after losing a node: 2 hosts for 3 replicas', () => {
    const plan = storagePlan({ nodesPerRack: [1, 1, 1], storage: longhornSettings(3), volumes: [{ sizeGB: 10 }] });
    const p = placeStorage(plan, { seed: 1 });
    const [node] = headroomAfterLoss(plan, p, storageCapacity(plan, p));
    expect(node.domainsSuffice).toBe(false);
    expect(node.fits).toBe(false);
    // Longhorn serves a volume from any one healthy replica: 2 of 3 left is degraded, not offline.
    expect(node.severity).toBe('warning');
  });

  it('headroomAfterLoss(Longhorn, 3 nodes in one rack) is an error: losing the rack takes every replica of every volume', () => {
    const plan = storagePlan({ nodesPerRack: [3], storage: longhornSettings(3), volumes: [{ sizeGB: 10 }] });
    const p = placeStorage(plan, { seed: 1 });
    const [node, rack] = headroomAfterLoss(plan, p, storageCapacity(plan, p));
    expect(node.severity).toBe('warning');
    expect(rack.severity).toBe('error');
    expect(rack.reason).toMatch(/1 of 1 volumes unavailable/);
  });
});
