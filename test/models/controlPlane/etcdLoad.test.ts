import { describe, expect, it } from 'vitest';
import { DEFAULT_CP_ASSUMPTIONS as A } from '../../../src/models/controlPlane/assumptions';
import { etcdLoad } from '../../../src/models/controlPlane/etcdLoad';
import { referencePlan } from '../../../src/plan/samples/samples';

describe('etcdLoad', () => {
  it('etcdLoad(reference) writes: leases 12/10 + status 12/300 + churn 5/60 x (10 + 5) + API 10 + CP leases 2 + 3/10', () => {
    const load = etcdLoad(referencePlan(), A);
    expect(load.origin).toBe('derived');
    expect(load.writesPerS).toBeCloseTo(12 / 10 + 12 / 300 + (5 / 60) * (10 + 5) + 10 + (2 + 3 / 10), 9);
    expect(load.readsPerS).toBe(60);
  });

  it('etcdLoad(reference) DB = (live + history) x 1.5 and history = writes x bytes x 2 x 300 s', () => {
    const load = etcdLoad(referencePlan(), A);
    expect(load.historyBytes).toBeCloseTo(load.writesPerS * (load.meanWriteBytes + 60) * 2 * 300, 3);
    expect(load.dbBytes).toBeCloseTo((load.liveBytes + load.historyBytes) * 1.5, 3);
    expect(load.quotaUse).toBeCloseTo(load.dbBytes / 2 ** 31, 12);
  });

  it('etcdLoad(plan) grows with node count: 100 more nodes add 100 / 10 lease writes/s', () => {
    const plan = referencePlan();
    const base = etcdLoad(plan, A).writesPerS;
    const bigger = { ...plan, nodes: [...plan.nodes, ...Array.from({ length: 100 }, (_, i) => ({ ...plan.nodes[5], id: `x${i}`, name: `x${i}` }))] };
    expect(etcdLoad(bigger, A).writesPerS - base).toBeCloseTo(100 / 10 + 100 / 300, 9);
  });

  it('etcdLoad(plan with etcdProfile at 1000/s, 30 % writes) takes the profile: 300 writes, 700 reads', () => {
    const plan = referencePlan();
    plan.workload.etcdProfile = {
      clients: 50,
      connections: 10,
      keyBytes: 32,
      valueBytes: 1024,
      writeFraction: 0.3,
      readConsistency: 'serializable',
      target: 'all',
      ratePerS: 1000,
      clientRttMs: 0,
    };
    const load = etcdLoad(plan, A);
    expect(load.origin).toBe('profile');
    expect(load.writesPerS).toBeCloseTo(1000 * 0.3, 9);
    expect(load.readsPerS).toBeCloseTo(1000 * 0.7, 9);
    expect(load.meanWriteBytes).toBe(1024);
    expect(load.readConsistency).toBe('serializable');
  });

  it('etcdLoad(plan) memory adds the watch cost 17 KB per connection + (18 KB + 350 B) per watch', () => {
    const load = etcdLoad(referencePlan(), A);
    expect(load.memory.watchBytes).toBe(3 * 17_000 + 3 * 80 * (18_000 + 350));
    const m = load.memory;
    expect(m.totalBytes).toBeCloseTo(m.baseBytes + m.keyIndexBytes + m.watchBytes + m.raftLogBytes + m.dbBytes, 3);
  });
});
