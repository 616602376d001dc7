import { describe, expect, it } from 'vitest';
import { placeStorage, bytesPerDisk } from '../../../src/models/storage/placement';
import { cephPgNum } from '../../../src/models/storage/ceph';
import { storageFindings } from '../../../src/models/storage/storageReport';
import { cephSettings, longhornSettings, mayastorSettings, storagePlan } from '../../arbitraries/storage';

const racksOf = (plan: ReturnType<typeof storagePlan>, p: ReturnType<typeof placeStorage>, u: number) =>
  Array.from(p.shards.subarray(u * p.width, u * p.width + p.unitWidth[u]))
    .filter((d) => d >= 0)
    .map((d) => p.inventory.nodes[p.inventory.disks[d].nodeIndex].rackId);
const nodesOf = (p: ReturnType<typeof placeStorage>, u: number) =>
  Array.from(p.shards.subarray(u * p.width, u * p.width + p.unitWidth[u]))
    .filter((d) => d >= 0)
    .map((d) => p.inventory.disks[d].nodeIndex);

describe('placeStorage: Longhorn', () => {
  it('placeStorage(3 nodes in 3 racks, 3 replicas) puts every volume on all three nodes', () => {
    const plan = storagePlan({ nodesPerRack: [1, 1, 1], storage: longhornSettings(3), volumes: [{ sizeGB: 10 }, { sizeGB: 20 }] });
    const p = placeStorage(plan, { seed: 1 });
    expect(p.unitKind).toBe('volume');
    for (let u = 0; u < 2; u++) expect(new Set(nodesOf(p, u)).size).toBe(3);
    expect(p.unplacedShards).toBe(0);
  });

  it('placeStorage(2 racks × 2 nodes, 2 replicas) spreads each volume over both zones (soft zone anti-affinity)', () => {
    const plan = storagePlan({ nodesPerRack: [2, 2], storage: longhornSettings(2), volumes: Array.from({ length: 12 }, () => ({ sizeGB: 10 })) });
    const p = placeStorage(plan, { seed: 3 });
    for (let u = 0; u < 12; u++) expect(new Set(racksOf(plan, p, u)).size).toBe(2);
  });

  it('placeStorage(2 nodes, 3 replicas) leaves the third replica unplaced: hard node anti-affinity', () => {
    const plan = storagePlan({ nodesPerRack: [1, 1], storage: longhornSettings(3), volumes: [{ sizeGB: 10 }, { sizeGB: 10 }] });
    const p = placeStorage(plan, { seed: 1 });
    expect(p.unplacedShards).toBe(2 * (3 - 2));
    expect(p.undersizedUnits).toBe(2);
  });

  it("placeStorage(…) refuses a replica once a node's provisioned bytes pass (capacity − 30 % reserved) × 100 %", () => {
    // One 1000 GB disk per node: 1000 × 0.7 = 700 GB schedulable; two 400 GB volumes fit one each per node only once.
    const plan = storagePlan({ nodesPerRack: [1, 1, 1], storage: longhornSettings(3), volumes: [{ sizeGB: 400 }, { sizeGB: 400 }] });
    const p = placeStorage(plan, { seed: 1 });
    expect(nodesOf(p, 0)).toHaveLength(3);
    expect(nodesOf(p, 1)).toHaveLength(0);
    expect(p.unplacedShards).toBe(3);
  });

  it('storageFindings(…) flags Longhorn zones only when racks are not presented as zones', () => {
    const plan = storagePlan({ nodesPerRack: [1, 1, 1], storage: longhornSettings(3), volumes: [{ sizeGB: 1 }] });
    const ids = (p: typeof plan) => storageFindings(p, placeStorage(p, { seed: 1 })).map((f) => f.ruleId);
    expect(ids(plan)).not.toContain('STORAGE-LONGHORN-ZONES');
    const unlabelled = { ...plan, nodes: plan.nodes.map((n) => ({ ...n, labels: {} })) };
    const f = storageFindings(unlabelled, placeStorage(unlabelled, { seed: 1 })).find((x) => x.ruleId === 'STORAGE-LONGHORN-ZONES')!;
    expect(f.message).toMatch(/carry no zone label/);
    expect(f.why).toMatch(/may share one of the 3 racks/);
  });
});

describe('placeStorage: Ceph', () => {
  it('cephPgNum(72, 100, 3) is 2048: 72 × 100 / 3 = 2400, nearest power of two', () => {
    expect(cephPgNum(72, 100, 3)).toBe(2048);
    expect(cephPgNum(1200, 100, 6)).toBe(16384); // 20,000 is nearer 16,384 than 32,768
    expect(cephPgNum(3, 100, 3)).toBe(128); // 100 → 128
  });

  it('placeStorage(6 racks, size 3, failure domain rack) puts the 3 shards of every PG in 3 racks, about pgNum × 3 / 6 per rack', () => {
    const plan = storagePlan({
      nodesPerRack: [1, 1, 1, 1, 1, 1],
      dataDisks: 2,
      storage: cephSettings({ type: 'replicated', size: 3, minSize: 2 }, 'rack'),
      volumes: [{ sizeGB: 100 }],
    });
    const p = placeStorage(plan, { seed: 1 });
    expect(p.pgNum).toBe(cephPgNum(12, 100, 3));
    const perRack = new Map<string, number>();
    for (let u = 0; u < p.unitCount; u++) {
      const racks = racksOf(plan, p, u);
      expect(new Set(racks).size).toBe(3);
      for (const r of racks) perRack.set(r, (perRack.get(r) ?? 0) + 1);
    }
    for (const count of perRack.values()) expect(Math.abs(count - (p.unitCount * 3) / 6) / ((p.unitCount * 3) / 6)).toBeLessThan(0.15);
  });

  it('placeStorage(6 hosts, EC 4+2) uses all six hosts for every PG and stores Σ used / pg_num / 4 per chunk', () => {
    const plan = storagePlan({ nodesPerRack: [6], storage: cephSettings({ type: 'erasure', k: 4, m: 2 }), volumes: [{ sizeGB: 600, fillPct: 50 }] });
    const p = placeStorage(plan, { seed: 2 });
    for (let u = 0; u < p.unitCount; u++) expect(new Set(nodesOf(p, u)).size).toBe(6);
    expect(p.shardBytes[0]).toBeCloseTo((600e9 * 0.5) / p.unitCount / 4, 0);
    expect(p.needed).toBe(4);
    expect(p.minAvailable).toBe(4 + 1);
  });

  it('placeStorage(3 racks, size 3, rack) with 2 nodes in one rack still gives each rack a third of the data', () => {
    const plan = storagePlan({
      nodesPerRack: [2, 1, 1],
      storage: cephSettings({ type: 'replicated', size: 3, minSize: 2 }, 'rack'),
      volumes: [{ sizeGB: 300 }],
    });
    const p = placeStorage(plan, { seed: 1 });
    const perDisk = bytesPerDisk(p);
    const rackBytes = (rack: string) =>
      p.inventory.disks.filter((d) => p.inventory.nodes[d.nodeIndex].rackId === rack).reduce((s, d) => s + perDisk[d.index], 0);
    expect(rackBytes('r1')).toBeCloseTo(300e9, -3);
    expect(rackBytes('r2')).toBeCloseTo(300e9, -3);
  });

  it('placeStorage(plan, {seed}) is the same for the same seed and differs for another', () => {
    const plan = () => storagePlan({ nodesPerRack: [2, 2, 2], storage: cephSettings({ type: 'replicated', size: 3, minSize: 2 }), volumes: [{ sizeGB: 10 }] });
    expect(Array.from(placeStorage(plan(), { seed: 5 }).shards)).toEqual(Array.from(placeStorage(plan(), { seed: 5 }).shards));
    expect(Array.from(placeStorage(plan(), { seed: 5 }).shards)).not.toEqual(Array.from(placeStorage(plan(), { seed: 6 }).shards));
  });
});

describe('placeStorage: Mayastor and Local Path', () => {
  it('placeStorage(Mayastor repl 2 on 3 nodes) puts the two replicas on distinct nodes', () => {
    const plan = storagePlan({ nodesPerRack: [3], storage: mayastorSettings(2), volumes: Array.from({ length: 9 }, () => ({ sizeGB: 10 })) });
    const p = placeStorage(plan, { seed: 1 });
    for (let u = 0; u < 9; u++) expect(new Set(nodesOf(p, u)).size).toBe(2);
    // The most-room rule spreads 9 × 2 replicas evenly: 6 per node.
    const perNode = [0, 0, 0];
    for (let u = 0; u < 9; u++) for (const n of nodesOf(p, u)) perNode[n]++;
    expect(perNode).toEqual([6, 6, 6]);
  });

  it('placeStorage(Local Path) keeps one copy of each volume on one worker', () => {
    const plan = storagePlan({
      nodesPerRack: [0, 0],
      workers: 4,
      storage: { provider: 'local-path' },
      volumes: Array.from({ length: 8 }, () => ({ sizeGB: 10 })),
    });
    const p = placeStorage(plan, { seed: 1 });
    expect(p.inventory.basis).toBe('workers');
    expect(p.width).toBe(1);
    for (let u = 0; u < 8; u++) expect(nodesOf(p, u)).toHaveLength(1);
  });
});
