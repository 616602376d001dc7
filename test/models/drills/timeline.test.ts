import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/models/evaluate';
import { drillTimeline, nodeMonitorGracePeriodS } from '../../../src/models/drills/timeline';
import { referencePlan } from '../../../src/plan/samples/samples';
import type { Plan } from '../../../src/plan/schema';

const rackR1 = { components: [{ kind: 'rack' as const, rackId: 'r1' }] };
const report = (plan: Plan) => evaluate(plan, { failures: rackR1 });
const at = (t: ReturnType<typeof drillTimeline>, kind: string) => t.events.find((e) => e.kind === kind)?.atS;

describe('drillTimeline', () => {
  it("nodeMonitorGracePeriodS(plan) is 50 s from Kubernetes 1.32, 40 s before, and the plan's own value when set", () => {
    const plan = referencePlan();
    expect(nodeMonitorGracePeriodS({ ...plan, cluster: { ...plan.cluster, kubernetesVersion: '1.32.0' } })).toBe(50);
    expect(nodeMonitorGracePeriodS({ ...plan, cluster: { ...plan.cluster, kubernetesVersion: '1.31.4' } })).toBe(40);
    expect(
      nodeMonitorGracePeriodS({ ...plan, cluster: { ...plan.cluster, nodeLifecycle: { ...plan.cluster.nodeLifecycle, nodeMonitorGracePeriodS: 20 } } }),
    ).toBe(20);
  });

  it('drillTimeline(reference, rack R1): election after 1 s, NotReady at 50 s, eviction at 50 + 300 s, no rebuild (no third storage node)', () => {
    const plan = referencePlan();
    const t = drillTimeline(plan, report(plan));
    expect(at(t, 'failure')).toBe(0);
    expect(at(t, 'etcd-election')).toBe(1000 / 1000);
    expect(at(t, 'not-ready')).toBe(50);
    expect(at(t, 'eviction')).toBe(50 + 300);
    expect(at(t, 'rescheduled')).toBe(50 + 300);
    // Longhorn keeps replicas on different nodes: with R1's storage node down only two remain for three replicas.
    expect(at(t, 'rebuild-start')).toBeUndefined();
  });

  it('drillTimeline(reference, disk st-01/0): the Longhorn rebuild starts after replenishmentWaitS and restores redundancy later', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7200 }), (waitS) => {
        const base = referencePlan();
        const storage = base.cluster.storage.provider === 'longhorn' ? { ...base.cluster.storage, replenishmentWaitS: waitS } : base.cluster.storage;
        const plan: Plan = { ...base, cluster: { ...base.cluster, storage } };
        const t = drillTimeline(plan, evaluate(plan, { failures: { components: [{ kind: 'disk', nodeId: 'st-01', slot: 0 }] } }));
        expect(at(t, 'rebuild-start')).toBe(waitS);
        expect(at(t, 'redundancy-restored')).toBeGreaterThan(waitS);
        expect(at(t, 'not-ready')).toBeUndefined();
      }),
      { numRuns: 5 },
    );
  });

  it('drillTimeline(plan, report) follows the configured timers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 0, max: 3600 }), fc.integer({ min: 100, max: 5000 }), (graceS, tolS, electionMs) => {
        const base = referencePlan();
        const plan: Plan = {
          ...base,
          cluster: {
            ...base.cluster,
            etcd: { ...base.cluster.etcd, electionTimeoutMs: electionMs },
            nodeLifecycle: { nodeMonitorGracePeriodS: graceS, notReadyTolerationS: tolS, unreachableTolerationS: tolS },
          },
        };
        const t = drillTimeline(plan, report(plan));
        expect(at(t, 'not-ready')).toBe(graceS);
        expect(at(t, 'eviction')).toBe(graceS + tolS);
        expect(at(t, 'etcd-election')).toBe(electionMs / 1000);
      }),
      { numRuns: 8 },
    );
  });

  it('drillTimeline(plan, report, repairAtS) is ordered, finite and non-negative, and nothing after the repair happens', () => {
    const plan = referencePlan();
    const r = report(plan);
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }), (repairAtS) => {
        const t = drillTimeline(plan, r, repairAtS);
        for (let i = 1; i < t.events.length; i++) expect(t.events[i].atS).toBeGreaterThanOrEqual(t.events[i - 1].atS);
        for (const e of t.events) expect(Number.isFinite(e.atS) && e.atS >= 0).toBe(true);
        if (repairAtS !== undefined) {
          expect(t.events.at(-1)?.kind).toBe('repair');
          expect(t.events.filter((e) => e.kind !== 'repair').every((e) => e.atS < repairAtS || e.atS === 0)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});
