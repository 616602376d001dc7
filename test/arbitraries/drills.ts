import fc from 'fast-check';
import { PlanBuilder } from '../../src/plan/samples/planBuilder';
import { baseSettings } from '../../src/plan/samples/common';
import type { FeedId, Hardware, Plan } from '../../src/plan/schema';
import type { FailedComponent } from '../../src/models/failures';
import { dataDiskSlots } from '../../src/models/failures';
import { topologyOf } from '../../src/models/topology';
import { cephSettings, longhornSettings } from './storage';

/**
 * A small plan for drills: 1-2 sites, 1-6 racks over rows and rooms, racks with one or two feeds
 * (some on shared circuits, capacities from tight to ample) and one or two switches, 0-5 control
 * planes, workers and storage nodes with mixed feeds and switches, KubePrism on or off, Longhorn
 * or Ceph with a few volumes, and a workload that may or may not fit.
 */
export const drillPlanArb: fc.Arbitrary<Plan> = fc
  .record({
    sites: fc.integer({ min: 1, max: 2 }),
    racks: fc.array(
      fc.record({
        feeds: fc.integer({ min: 1, max: 2 }),
        capacityW: fc.integer({ min: 1500, max: 12_000 }),
        circuit: fc.option(fc.constantFrom('c1', 'c2'), { nil: undefined }),
        tors: fc.constantFrom<1 | 2>(1, 2),
        cps: fc.integer({ min: 0, max: 2 }),
        workers: fc.integer({ min: 0, max: 3 }),
        storage: fc.integer({ min: 0, max: 2 }),
        singleFed: fc.boolean(),
        singleHomed: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    kubeprism: fc.boolean(),
    cpWorkloads: fc.boolean(),
    ceph: fc.boolean(),
    pods: fc.integer({ min: 0, max: 2000 }),
    volumes: fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 8 }),
  })
  .map((g) => {
    const base = baseSettings('Drill test', 'drill-test', '');
    base.cluster.kubeprism = { enabled: g.kubeprism, port: 7445 };
    base.cluster.allowSchedulingOnControlPlanes = g.cpWorkloads;
    base.cluster.storage = g.ceph ? cephSettings({ type: 'replicated', size: 2, minSize: 1 }, 'host', 16) : longhornSettings(2);
    base.workload = { ...base.workload, pods: g.pods, volumes: { list: g.volumes.map((sizeGB, i) => ({ name: `v${i + 1}`, sizeGB, fillPct: 50 })) } };
    const hw: Hardware = {
      id: 'n',
      name: 'Node',
      cores: 8,
      cpuClass: 'balanced',
      memoryGiB: 32,
      disks: [
        { class: 'nvme-enterprise', capacityGB: 480, count: 1, purpose: 'system' },
        { class: 'nvme-enterprise', capacityGB: 1000, count: 2, purpose: 'data' },
      ],
      nics: { count: 2, speedGbps: 25 },
      heightU: 1,
      powerTypicalW: 300,
      powerPeakW: 700,
    };
    const b = new PlanBuilder(base, [hw]);
    for (let s = 1; s <= g.sites; s++) b.site(`s${s}`, `S${s}`).room(`h${s}`, `H${s}`, `s${s}`).row(`row${s}`, `Row ${s}`, `h${s}`);
    g.racks.forEach((r, i) => {
      const feeds =
        r.feeds === 2
          ? [
              { id: 'A' as const, capacityW: r.capacityW, circuit: r.circuit },
              { id: 'B' as const, capacityW: r.capacityW },
            ]
          : [{ id: 'A' as const, capacityW: r.capacityW, circuit: r.circuit }];
      b.rack(`r${i + 1}`, `row${(i % g.sites) + 1}`, {
        feeds: feeds.map((f) => (f.circuit ? f : { id: f.id, capacityW: f.capacityW })),
        tor: { count: r.tors },
      });
      const extra = () => ({
        feeds: (r.singleFed || r.feeds === 1 ? ['A'] : ['A', 'B']) as FeedId[],
        tors: (r.singleHomed || r.tors === 1 ? ['A'] : ['A', 'B']) as FeedId[],
      });
      b.nodes(`r${i + 1}`, 'controlplane', 'n', r.cps, extra());
      b.nodes(`r${i + 1}`, 'worker', 'n', r.workers, extra());
      b.nodes(`r${i + 1}`, 'storage', 'n', r.storage, extra());
    });
    return b.build();
  });

/** Every hard component of a plan (what a sweep tries), plus the links between its sites. */
export function failableOf(plan: Plan): FailedComponent[] {
  const t = topologyOf(plan);
  const out: FailedComponent[] = [];
  for (const p of t.places) {
    out.push({ kind: 'node', nodeId: p.node.id });
    for (let s = 0; s < dataDiskSlots(p); s++) out.push({ kind: 'disk', nodeId: p.node.id, slot: s });
  }
  for (const r of plan.racks) {
    out.push({ kind: 'rack', rackId: r.id }, { kind: 'tor', rackId: r.id, tor: 'A' });
    if (r.tor.count === 2) out.push({ kind: 'tor', rackId: r.id, tor: 'B' });
    for (const f of r.feeds) out.push({ kind: 'feed', rackId: r.id, feed: f.id });
  }
  for (const c of new Set(plan.racks.flatMap((r) => r.feeds.map((f) => f.circuit).filter((x): x is string => !!x)))) out.push({ kind: 'circuit', circuit: c });
  for (const r of plan.rows) out.push({ kind: 'row', rowId: r.id });
  for (const r of plan.rooms) out.push({ kind: 'room', roomId: r.id });
  for (const s of plan.sites) out.push({ kind: 'site', siteId: s.id });
  for (let i = 0; i < plan.sites.length; i++)
    for (let j = i + 1; j < plan.sites.length; j++) out.push({ kind: 'siteLink', siteA: plan.sites[i].id, siteB: plan.sites[j].id });
  return out;
}

/** A drill plan with two failure sets, the first a subset of the second. */
export const nestedFailuresArb = drillPlanArb.chain((plan) => {
  const all = failableOf(plan);
  return fc
    .tuple(fc.constant(plan), fc.subarray(all, { maxLength: 4 }), fc.subarray(all, { maxLength: 3 }))
    .map(([p, small, more]) => ({ plan: p, subset: small, superset: [...small, ...more.filter((c) => !small.includes(c))] }));
});

/** A drill plan with a set of up to three hard components (no site links), as a sweep would try. */
export const hardFailuresArb = drillPlanArb.chain((plan) =>
  fc.tuple(
    fc.constant(plan),
    fc.subarray(
      failableOf(plan).filter((c) => c.kind !== 'siteLink'),
      { minLength: 1, maxLength: 3 },
    ),
  ),
);
