import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPM1_SATURATES, failureImpact } from '../../../src/models/storage/failureImpact';
import { placeStorage } from '../../../src/models/storage/placement';
import { cephSettings, longhornSettings, storagePlan } from '../../arbitraries/storage';

describe('failureImpact: Longhorn (3 nodes, 3 replicas, 4 volumes of 100 GB)', () => {
  const plan = storagePlan({ nodesPerRack: [1, 1, 1], storage: longhornSettings(3), volumes: Array.from({ length: 4 }, () => ({ sizeGB: 100 })) });
  const p = placeStorage(plan, { seed: 1 });
  const node = (id: string) => ({ kind: 'node' as const, nodeId: id });

  it('failureImpact(p, {one node}) degrades every volume and re-replicates 4 × 100 GB', () => {
    const i = failureImpact(p, { components: [node('st-01')] });
    expect(i.units).toMatchObject({ degraded: 4, unavailable: 0, lost: 0 });
    expect(i.bytesToRereplicate).toBe(4 * 100e9);
  });
  it('failureImpact(p, {two nodes}) keeps every volume available on its last replica', () => {
    const i = failureImpact(p, { components: [node('st-01'), node('st-02')] });
    expect(i.units).toMatchObject({ degraded: 4, unavailable: 0, lost: 0 });
    expect(i.bytesToRereplicate).toBe(4 * 2 * 100e9);
  });
  it('failureImpact(p, {three nodes}) makes every volume unavailable, and lost when the nodes are destroyed', () => {
    const all = [node('st-01'), node('st-02'), node('st-03')];
    expect(failureImpact(p, { components: all }).units).toMatchObject({ unavailable: 4, lost: 0 });
    const gone = failureImpact(p, { components: all, permanent: true });
    expect(gone.units.lost).toBe(4);
    expect(gone.lostBytes).toBe(4 * 100e9);
    expect(gone.volumes.lost).toBe(4);
  });
  it('failureImpact(p, {rack r1}) is the same as losing its node, without destroying data', () => {
    const i = failureImpact(p, { components: [{ kind: 'rack', rackId: 'r1' }] });
    expect(i.downNodes).toBe(1);
    expect(i.units.degraded).toBe(4);
  });
  it('failureImpact(p, {switch A of r1}) does nothing when the node is cabled to A and B', () => {
    expect(failureImpact(p, { components: [{ kind: 'tor', rackId: 'r1', tor: 'A' }] }).downNodes).toBe(0);
    expect(
      failureImpact(p, {
        components: [
          { kind: 'tor', rackId: 'r1', tor: 'A' },
          { kind: 'tor', rackId: 'r1', tor: 'B' },
        ],
      }).downNodes,
    ).toBe(1);
  });
});

describe('failureImpact: Ceph', () => {
  it('failureImpact(size 3 / min_size 2 on 3 hosts, {one host}) degrades every PG; {two hosts}: every PG is below min_size', () => {
    const plan = storagePlan({ nodesPerRack: [3], storage: cephSettings({ type: 'replicated', size: 3, minSize: 2 }), volumes: [{ sizeGB: 30 }] });
    const p = placeStorage(plan, { seed: 1 });
    const n = p.unitCount;
    expect(failureImpact(p, { components: [{ kind: 'node', nodeId: 'st-01' }] }).units).toMatchObject({ degraded: n, unavailable: 0, lost: 0 });
    const two = failureImpact(p, {
      components: [
        { kind: 'node', nodeId: 'st-01' },
        { kind: 'node', nodeId: 'st-02' },
      ],
    });
    expect(two.units).toMatchObject({ degraded: 0, unavailable: n, lost: 0 });
    expect(two.volumes.unavailable).toBe(1);
  });

  it('failureImpact(EC 2+1 on 3 hosts, {one host}) blocks I/O (min_size k+1 = 3) but loses nothing; two destroyed hosts lose every PG', () => {
    const plan = storagePlan({ nodesPerRack: [3], storage: cephSettings({ type: 'erasure', k: 2, m: 1 }), volumes: [{ sizeGB: 30 }] });
    const p = placeStorage(plan, { seed: 1 });
    expect(failureImpact(p, { components: [{ kind: 'node', nodeId: 'st-01' }], permanent: true }).units).toMatchObject({ unavailable: p.unitCount, lost: 0 });
    expect(
      failureImpact(p, {
        components: [
          { kind: 'node', nodeId: 'st-01' },
          { kind: 'node', nodeId: 'st-02' },
        ],
        permanent: true,
      }).units.lost,
    ).toBe(p.unitCount);
  });

  it('failureImpact(…, {one disk}) counts a volume of n 4 MiB objects as affected with probability 1 − (1 − f)^n', () => {
    const plan = storagePlan({
      nodesPerRack: [1, 1, 1, 1, 1, 1],
      dataDisks: 4,
      storage: cephSettings({ type: 'replicated', size: 3, minSize: 2 }),
      volumes: [{ sizeGB: 0.004194304 }, { sizeGB: 0.04194304 }],
    });
    const p = placeStorage(plan, { seed: 1 });
    const i = failureImpact(p, { components: [{ kind: 'disk', nodeId: 'st-01', slot: 0 }] });
    const f = i.units.degraded / p.unitCount;
    expect(f).toBeGreaterThan(0);
    // 1 object and 10 objects of 4 MiB.
    expect(i.volumes.affected).toBeCloseTo(1 - (1 - f) ** 1 + (1 - (1 - f) ** 10), 9);
    expect(i.bytesToRereplicate).toBeCloseTo(i.units.degraded * p.shardBytes[0], 0);
  });
});

describe('failureImpact: Local Path', () => {
  it('failureImpact(local-path, {node}) makes its volumes unavailable; {its disk} loses them', () => {
    const plan = storagePlan({
      nodesPerRack: [0, 0],
      workers: 2,
      storage: { provider: 'local-path' },
      volumes: Array.from({ length: 6 }, () => ({ sizeGB: 10 })),
    });
    const p = placeStorage(plan, { seed: 1 });
    const onFirst = Array.from(p.shards).filter((d) => p.inventory.disks[d].nodeIndex === 0).length;
    const id = p.inventory.nodes[0].id;
    expect(failureImpact(p, { components: [{ kind: 'node', nodeId: id }] }).units).toMatchObject({ unavailable: onFirst, lost: 0 });
    expect(failureImpact(p, { components: [{ kind: 'disk', nodeId: id, slot: 0 }] }).units.lost).toBe(onFirst);
  });
});

describe('EXPM1_SATURATES', () => {
  // expectedVolumesTouched adds 1 instead of −expm1(x) below it: that must not change a bit.
  it('−Math.expm1(x) is exactly 1 for every x below it', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: EXPM1_SATURATES, noNaN: true, maxExcluded: true }), (x) => -Math.expm1(x) === 1),
      { numRuns: 2000 },
    );
    expect(-Math.expm1(EXPM1_SATURATES * 0.5)).toBeLessThan(1);
  });
});
