import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DOWN,
  NO_FAILURES,
  UP,
  componentId,
  failureSetKey,
  parseComponentId,
  resolveFailures,
  resolveFailuresNodeByNode,
  resolveFailuresOf,
  siteLinkKey,
  unknownComponents,
  type Degradation,
  type DegradationScope,
  type FailedComponent,
  type FailureSet,
} from '../../src/models/failures';
import type { Plan } from '../../src/plan/schema';
import { enterprisePlan, hybridBurstPlan, referencePlan } from '../../src/plan/samples/samples';
import { validPlanArbWith } from '../arbitraries/plan';
import { drillPlanArb, failableOf } from '../arbitraries/drills';

/** Every single component of a plan a drill could fail. */
function everyComponent(plan: Plan): FailedComponent[] {
  const out: FailedComponent[] = [];
  for (const n of plan.nodes) out.push({ kind: 'node', nodeId: n.id });
  for (const r of plan.racks) {
    out.push({ kind: 'rack', rackId: r.id }, { kind: 'tor', rackId: r.id, tor: 'A' });
    if (r.tor.count === 2) out.push({ kind: 'tor', rackId: r.id, tor: 'B' });
    for (const f of r.feeds) out.push({ kind: 'feed', rackId: r.id, feed: f.id });
  }
  for (const r of plan.rows) out.push({ kind: 'row', rowId: r.id });
  for (const r of plan.rooms) out.push({ kind: 'room', roomId: r.id });
  for (const s of plan.sites) out.push({ kind: 'site', siteId: s.id });
  return out;
}

const upCount = (s: Uint8Array) => s.reduce((n, v) => n + (v === UP ? 1 : 0), 0);
const downCount = (s: Uint8Array) => s.reduce((n, v) => n + (v === DOWN ? 1 : 0), 0);

describe('failures', () => {
  it('resolveFailures(plan) with no failures leaves every node, switch, feed and rack up', () => {
    const plan = enterprisePlan();
    const r = resolveFailures(plan, NO_FAILURES);
    expect(upCount(r.nodeStatus)).toBe(plan.nodes.length);
    expect(r.nodesDown + r.nodesDegraded).toBe(0);
    expect(r.torsDown.size + r.feedsDown.size + r.racksDown.size + r.siteLinksDown.size).toBe(0);
  });

  it('resolveFailures(reference, rack r2) takes down exactly the nodes of r2 and both its switches', () => {
    const plan = referencePlan();
    const r = resolveFailures(plan, { components: [{ kind: 'rack', rackId: 'r2' }] });
    const inR2 = plan.nodes.filter((n) => n.rackId === 'r2');
    expect(r.nodesDown).toBe(inR2.length);
    for (const n of inR2) expect(r.nodeReason.get(n.id)).toBe('rack r2 failed');
    expect([...r.racksDown.keys()]).toEqual(['r2']);
    expect(r.torsDown.has('r2/A')).toBe(true);
  });

  it('resolveFailures(plan, feed A) trips feed B when the failover peak exceeds its capacity, and says so', () => {
    const plan = referencePlan();
    const rack = plan.racks[0];
    const nodes = plan.nodes.filter((n) => n.rackId === rack.id);
    const peakW = nodes.reduce((s, n) => s + plan.hardware.find((h) => h.id === n.hardwareId)!.powerPeakW, 0) + rack.tor.count * rack.tor.powerW;
    rack.feeds = [
      { id: 'A', capacityW: peakW },
      { id: 'B', capacityW: peakW - 1 },
    ];
    const lossOfB = resolveFailures(plan, { components: [{ kind: 'feed', rackId: rack.id, feed: 'B' }] });
    expect(lossOfB.racksDown.size).toBe(0);
    expect(lossOfB.nodesDegraded).toBe(nodes.length);
    const lossOfA = resolveFailures(plan, { components: [{ kind: 'feed', rackId: rack.id, feed: 'A' }] });
    expect(lossOfA.feedsDown.get(`${rack.id}/B`)).toBe(
      `feed ${rack.id}/B tripped after failover: ${Math.round(peakW)} W peak > ${Math.round(peakW - 1)} W capacity`,
    );
    expect(lossOfA.racksDown.has(rack.id)).toBe(true);
    for (const n of nodes) expect(lossOfA.nodeStatus[plan.nodes.indexOf(n)]).toBe(DOWN);
  });

  it('resolveFailures(plan, the only switch of a rack) leaves its nodes powered but unreachable', () => {
    const plan = referencePlan();
    const rack = plan.racks[0];
    rack.tor = { ...rack.tor, count: 1 };
    const r = resolveFailures(plan, { components: [{ kind: 'tor', rackId: rack.id, tor: 'A' }] });
    for (const n of plan.nodes.filter((x) => x.rackId === rack.id)) {
      const i = plan.nodes.indexOf(n);
      expect(r.nodeStatus[i]).toBe(DOWN);
      expect(r.nodePowered[i]).toBe(1);
      expect(r.nodeReason.get(n.id)).toMatch(/^unreachable: switch/);
    }
  });

  it('resolveFailures(plan, one of two switches) degrades dual-homed nodes without taking them down', () => {
    const plan = referencePlan();
    const rack = plan.racks[0];
    expect(rack.tor.count).toBe(2);
    const r = resolveFailures(plan, { components: [{ kind: 'tor', rackId: rack.id, tor: 'A' }] });
    expect(r.nodesDown).toBe(plan.nodes.filter((n) => n.rackId === rack.id && !n.tors.includes('B')).length);
  });

  it('resolveFailures(hybrid, site link) splits the sites into two partitions', () => {
    const plan = hybridBurstPlan();
    expect(plan.sites.length).toBeGreaterThanOrEqual(2);
    const [a, b] = plan.sites;
    const before = resolveFailures(plan, NO_FAILURES).sitePartition;
    expect(before.get(a.id)).toBe(before.get(b.id));
    const r = resolveFailures(plan, { components: [{ kind: 'siteLink', siteA: b.id, siteB: a.id }] });
    expect(r.siteLinksDown.has(siteLinkKey(a.id, b.id))).toBe(true);
    if (plan.sites.length === 2) expect(r.sitePartition.get(a.id)).not.toBe(r.sitePartition.get(b.id));
  });

  it('resolveFailures(plan, permanent node loss) destroys all of its data disks', () => {
    const plan = referencePlan();
    const storage = plan.nodes.find((n) => n.role === 'storage')!;
    const r = resolveFailures(plan, { components: [{ kind: 'node', nodeId: storage.id }], permanent: true });
    const hw = plan.hardware.find((h) => h.id === storage.hardwareId)!;
    const slots = hw.disks.filter((d) => d.purpose === 'data').reduce((s, d) => s + d.count, 0);
    expect(r.destroyedDisks.get(storage.id)?.size).toBe(slots);
  });

  it('componentId and parseComponentId round-trip every component of every sample', () => {
    for (const plan of [referencePlan(), enterprisePlan(), hybridBurstPlan()]) {
      for (const c of [...everyComponent(plan), { kind: 'disk', nodeId: plan.nodes[0].id, slot: 0 } as FailedComponent]) {
        const parsed = parseComponentId(componentId(c));
        expect(parsed).not.toHaveProperty('error');
        expect(componentId(parsed as FailedComponent)).toBe(componentId(c));
      }
    }
    expect(parseComponentId('rack')).toHaveProperty('error');
    expect(parseComponentId('feed:r1/C')).toHaveProperty('error');
    expect(parseComponentId('bogus:x')).toHaveProperty('error');
  });

  it('unknownComponents(plan, set) names ids the plan lacks', () => {
    const plan = referencePlan();
    expect(unknownComponents(plan, { components: everyComponent(plan) })).toEqual([]);
    plan.racks[0].tor = { ...plan.racks[0].tor, count: 1 };
    expect(
      unknownComponents(plan, {
        components: [
          { kind: 'rack', rackId: 'nope' },
          { kind: 'tor', rackId: 'r1', tor: 'B' },
        ],
      }),
    ).toEqual(['rack:nope: no rack "nope"', 'tor:r1/B: rack "r1" has one switch (A)']);
  });

  it('failureSetKey(set) ignores the order of components', () => {
    const a: FailureSet = {
      components: [
        { kind: 'rack', rackId: 'r1' },
        { kind: 'node', nodeId: 'x' },
      ],
    };
    const b: FailureSet = { components: [...a.components].reverse() };
    expect(failureSetKey(a)).toBe(failureSetKey(b));
  });

  it('resolveFailures(plan, superset) never leaves more nodes up or fewer down (property)', () => {
    fc.assert(
      fc.property(
        validPlanArbWith({ maxRacks: 5, maxNodesPerRack: 4 }).chain((plan) => {
          const all = everyComponent(plan);
          return fc.tuple(fc.constant(plan), fc.subarray(all), fc.subarray(all));
        }),
        ([plan, small, extra]) => {
          const sub = resolveFailures(plan, { components: small });
          const sup = resolveFailures(plan, { components: [...small, ...extra] });
          expect(upCount(sup.nodeStatus)).toBeLessThanOrEqual(upCount(sub.nodeStatus));
          expect(downCount(sup.nodeStatus)).toBeGreaterThanOrEqual(downCount(sub.nodeStatus));
          for (let i = 0; i < plan.nodes.length; i++) if (sub.nodeStatus[i] === DOWN) expect(sup.nodeStatus[i]).toBe(DOWN);
          for (const t of sub.torsDown.keys()) expect(sup.torsDown.has(t)).toBe(true);
          for (const rk of sub.racksDown.keys()) expect(sup.racksDown.has(rk)).toBe(true);
          for (const f of sub.feedsDown.keys()) expect(sup.feedsDown.has(f) || sup.racksDown.has(f.split('/')[0])).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('resolveFailures(plan, set) equals judging every node afresh (resolveFailuresNodeByNode), degradations included (property)', () => {
    // Degradations on any node or rack of the plan (none when it has neither).
    const degradationsArb = (plan: Plan): fc.Arbitrary<Degradation[]> => {
      const scopes: DegradationScope[] = [
        ...plan.nodes.map((n) => ({ kind: 'node' as const, nodeId: n.id })),
        ...plan.racks.map((r) => ({ kind: 'rack' as const, rackId: r.id })),
      ];
      if (scopes.length === 0) return fc.constant([]);
      const scope = fc.constantFrom(...scopes);
      return fc.array(
        fc.oneof(
          scope.map((sc): Degradation => ({ kind: 'latency', scope: sc, addedMs: 5 })),
          scope.map((sc): Degradation => ({ kind: 'bandwidth', scope: sc, remainingFraction: 0.5 })),
        ),
        { maxLength: 2 },
      );
    };
    fc.assert(
      fc.property(
        drillPlanArb.chain((plan) => fc.tuple(fc.constant(plan), fc.subarray(failableOf(plan), { maxLength: 4 }), degradationsArb(plan), fc.boolean())),
        ([plan, components, degradations, permanent]) => {
          const set: FailureSet = { components, degradations, permanent };
          expect(resolveFailures(plan, set)).toEqual(resolveFailuresNodeByNode(plan, set));
          // Map order too: reasons are listed in plan order either way.
          expect([...resolveFailures(plan, set).nodeReason.keys()]).toEqual([...resolveFailuresNodeByNode(plan, set).nodeReason.keys()]);
        },
      ),
      { numRuns: 80 },
    );
  });
  it('resolveFailuresOf(plan, set, nodes) gives the listed nodes the status resolveFailures gives them, and the same switches, racks and disks down (property)', () => {
    fc.assert(
      fc.property(
        drillPlanArb.chain((plan) =>
          fc.tuple(fc.constant(plan), fc.subarray(failableOf(plan), { maxLength: 4 }), fc.boolean(), fc.subarray(plan.nodes.map((_, i) => i))),
        ),
        ([plan, components, permanent, nodes]) => {
          const set: FailureSet = { components, permanent };
          const all = resolveFailures(plan, set);
          const some = resolveFailuresOf(plan, set, nodes);
          for (const i of nodes) expect(some.nodeStatus[i]).toBe(all.nodeStatus[i]);
          expect(some.torsDown).toEqual(all.torsDown);
          expect(some.racksDown).toEqual(all.racksDown);
          expect(some.destroyedDisks).toEqual(all.destroyedDisks);
        },
      ),
      { numRuns: 80 },
    );
  });
});
