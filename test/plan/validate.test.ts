import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssue, readPlan, validatePlan, type Plan } from '../../src/plan';
import { enterprisePlan, referencePlan } from '../../src/plan/samples/samples';
import { MAX_ETCD_MEMBERS } from '../../src/plan/validate';
import { applyMutation, BREAKING_KINDS, mutatedPlanArb, mutationArb, validPlanArbWith } from '../arbitraries/plan';

/** `racks[3].heightU`, `nodes[0].labels["topology.kubernetes.io/zone"]`, `(plan)`, `(file)`. */
const QUOTED_KEY = String.raw`\["(?:[^"\\]|\\.)*"\]`;
const FIELD_PATH = new RegExp(String.raw`^(?:\(plan\)|\(file\)|(?:[A-Za-z_$][\w$]*|${QUOTED_KEY})(?:\[\d+\]|\.[A-Za-z_$][\w$]*|${QUOTED_KEY})*)$`);

/** The plan as untyped JSON, as a file would give it; tests break it on purpose, field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function raw(plan: Plan): Record<string, any> {
  return JSON.parse(JSON.stringify(plan));
}

function messages(input: unknown): string[] {
  const result = validatePlan(input);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe('validatePlan(mutated plan)', () => {
  it('validatePlan(any mutated plan) never throws and is ok or gives field-path issues', () => {
    fc.assert(
      fc.property(mutatedPlanArb, (doc) => {
        for (const result of [validatePlan(doc), readPlan(JSON.stringify(doc) ?? 'null', 'json')]) {
          if (result.ok) {
            // A mutation that kept the plan valid must leave a plan that validates to itself.
            const again = validatePlan(result.plan);
            expect(again.ok && again.plan).toStrictEqual(result.plan);
            continue;
          }
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) {
            expect(issue.path).toMatch(FIELD_PATH);
            expect(issue.message.trim()).not.toBe('');
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('applyMutation(doc, m) applies to any document earlier mutations left (items replaced by non-objects) without throwing', () => {
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 4, maxNodesPerRack: 3 }), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (plan, mutations) => {
        mutations.reduce<unknown>((doc, m) => applyMutation(doc, m).doc, plan);
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('validatePlan(plan with one breaking mutation) is rejected naming the broken field', () => {
    const breaking = fc.record({ mutation: mutationArb, kind: fc.constantFrom(...BREAKING_KINDS) }).map(({ mutation, kind }) => ({ ...mutation, kind }));
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 6, maxNodesPerRack: 4 }), breaking, (plan, mutation) => {
        const { doc, path } = applyMutation(plan, mutation);
        fc.pre(path !== null);
        const result = validatePlan(doc);
        expect(result.ok).toBe(false);
        expect(result.issues.map((i) => i.path)).toContain(path);
      }),
      { numRuns: 200 },
    );
  });
});

describe('validatePlan(hand-made plan)', () => {
  it('validatePlan(plan with racks[3].heightU = 0) says `racks[3].heightU: must be 1-60, got 0`', () => {
    const doc = raw(enterprisePlan());
    doc.racks[3].heightU = 0;
    expect(messages(doc)).toEqual(['racks[3].heightU: must be 1-60, got 0']);
  });

  it('validatePlan(plan with numbers a user can break, issue #16 item 9) names each field and its range instead of reporting NaN or Infinity later', () => {
    const broken = (edit: (doc: ReturnType<typeof raw>) => void) => {
      const doc = raw(referencePlan());
      edit(doc);
      return messages(doc);
    };
    expect(
      broken((d) => {
        d.network.rtt.sameRackMs = 1e308;
      }),
    ).toEqual(['network.rtt.sameRackMs: must be 0-1000, got 1e+308']);
    expect(
      broken((d) => {
        d.workload.apiWritesPerS = 1e308;
      }),
    ).toEqual(['workload.apiWritesPerS: must be 0-1000000, got 1e+308']);
    // A divisor in `assumptions` may not be zero.
    expect(
      broken((d) => {
        d.assumptions = { controlPlane: { leaderCpuUsPerWrite: 0 } };
      }),
    ).toEqual(['assumptions.controlPlane.leaderCpuUsPerWrite: must be > 0 and <= 1000000, got 0']);
    expect(
      broken((d) => {
        d.assumptions = { storage: { longhornStreamMBps: 0 } };
      }),
    ).toEqual(['assumptions.storage.longhornStreamMBps: must be > 0 and <= 100000, got 0']);
    // etcd refuses an election timeout below 5 × the heartbeat (100 ms here).
    expect(
      broken((d) => {
        d.cluster.etcd.electionTimeoutMs = 499;
      })[0],
    ).toMatch(/^cluster\.etcd\.electionTimeoutMs: must be at least 5 x heartbeatMs \(500 ms\).*got 499$/);
    expect(
      broken((d) => {
        d.cluster.etcd.electionTimeoutMs = 500;
      }),
    ).toEqual([]);
  });

  it('validatePlan(plan with 8 control planes) refuses it: etcd supports at most MAX_ETCD_MEMBERS = 7 members', () => {
    const doc = raw(referencePlan());
    const cps = doc.nodes.filter((n: { role: string }) => n.role === 'controlplane').length;
    let promoted = 0;
    for (const n of doc.nodes)
      if (n.role === 'worker' && promoted < 8 - cps) {
        n.role = 'controlplane';
        promoted++;
      }
    expect(promoted).toBe(8 - cps);
    expect(messages(doc)).toEqual([
      `nodes: has 8 control-plane nodes; Talos runs an etcd member on each and etcd supports at most ${MAX_ETCD_MEMBERS} (etcd FAQ: more members only slow every write)`,
    ]);
  });

  it('validatePlan(plan with a 0 W feed) quotes the exclusive lower bound: `must be > 0 and <= 100000`', () => {
    const doc = raw(referencePlan());
    doc.racks[0].feeds[0].capacityW = 0;
    expect(messages(doc)).toEqual(['racks[0].feeds[0].capacityW: must be > 0 and <= 100000, got 0']);
  });

  it('validatePlan(plan with unknown fields) names each, quoting keys that are not identifiers', () => {
    const doc = raw(referencePlan());
    doc.racks[1].colour = 'red';
    doc.nodes[0]['x.y'] = 1;
    doc[''] = true;
    expect(messages(doc).sort()).toEqual(['[""]: is not a known field', 'nodes[0]["x.y"]: is not a known field', 'racks[1].colour: is not a known field']);
  });

  it('validatePlan(plan with a dangling rackId) says which node names no rack', () => {
    const doc = raw(referencePlan());
    doc.nodes[2].rackId = 'nowhere';
    expect(messages(doc)).toEqual(['nodes[2].rackId: names no rack, got "nowhere"']);
  });

  it('validatePlan(plan with two nodes on one U) reports the later node overlapping the earlier', () => {
    const plan = referencePlan();
    // Rack r1 holds cp-01 at U1, then w-0001 at U2: moving w-0001 (nodes[3]) down puts it on cp-01.
    expect([plan.nodes[0].name, plan.nodes[0].positionU, plan.nodes[3].name, plan.nodes[3].rackId]).toEqual(['cp-01', 1, 'w-0001', 'r1']);
    const doc = raw(plan);
    doc.nodes[3].positionU = 1;
    expect(messages(doc)).toEqual(['nodes[3].positionU: U1-U1 overlaps nodes[0] ("cp-01", U1-U1) in rack "R1"']);
  });

  it('validatePlan(plan with a node reaching the switches) names the top free U: 42 - 2 x 1 = U40', () => {
    const doc = raw(referencePlan());
    const storage = doc.nodes.findIndex((n: { role: string }) => n.role === 'storage');
    doc.nodes[storage].positionU = 40; // a 2 U node at U40 reaches U41
    expect(messages(doc)).toEqual([
      `nodes[${storage}].positionU: a 2 U "Storage 2U (32c, 256 GiB, 12 x 7.68 TB NVMe)" at U40 reaches U41, above the rack's top free U40 (U41-U42 hold the switches)`,
    ]);
  });

  it('validatePlan(plan with duplicate ids and names) names the later duplicate', () => {
    const doc = raw(referencePlan());
    doc.nodes[1].id = doc.nodes[0].id;
    doc.nodes[2].name = doc.nodes[0].name;
    expect(messages(doc)).toEqual(['nodes[1].id: duplicates nodes[0].id "cp-01"', 'nodes[2].name: duplicates nodes[0].name "cp-01"']);
  });

  it('validatePlan(ceph plan with minSize 4 > size 3) is rejected', () => {
    const doc = raw(enterprisePlan());
    doc.cluster.storage.pool.minSize = 4;
    expect(messages(doc)).toEqual(['cluster.storage.pool.minSize: must not exceed pool.size (3), got 4']);
  });

  it('validatePlan(plan of version 2) says this Rackplan reads versions up to 1', () => {
    const doc = raw(referencePlan());
    doc.version = 2;
    expect(messages(doc)).toEqual(['version: this Rackplan reads plan versions up to 1, got 2']);
    expect(readPlan(JSON.stringify(doc), 'json').issues.map(formatIssue)).toEqual(['version: this Rackplan reads plan versions up to 1, got 2']);
  });

  it('validatePlan(42 | null | [] | "plan" | undefined) asks for an object with version 1', () => {
    for (const input of [42, null, [], 'plan', undefined]) {
      expect(messages(input)).toEqual(['(plan): must be an object with "version": 1']);
    }
  });

  it('validatePlan(plan with wrong types and missing fields) uses plain words', () => {
    const doc = raw(referencePlan());
    doc.nodes[0].positionU = 1.5;
    doc.racks[0].tor.count = 3;
    delete doc.racks[1].feeds;
    doc.sites[0].wanGbps = 'fast';
    expect(messages(doc).sort()).toEqual([
      'nodes[0].positionU: must be a whole number, got 1.5',
      'racks[0].tor.count: must be one of 1, 2, got 3',
      'racks[1].feeds: is required (a list)',
      'sites[0].wanGbps: must be a number, got "fast"',
    ]);
  });

  it('validatePlan(plan with labels Kubernetes refuses) names the label key', () => {
    const doc = raw(referencePlan());
    doc.nodes[0].labels = { 'bad key': 'x', 'topology.kubernetes.io/zone': 'not ok' };
    const found = messages(doc);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^nodes\[0\]\.labels\["bad key"\]: is not an allowed key: must be a Kubernetes label key/);
    expect(found[1]).toMatch(/^nodes\[0\]\.labels\["topology\.kubernetes\.io\/zone"\]: must be empty or at most 63 letters/);
  });

  it('validatePlan(plan with a label prefix of 254 characters) names the key; 253 is accepted', () => {
    const doc = raw(referencePlan());
    doc.nodes[0].labels = { [`${'a'.repeat(253)}/ok`]: '' };
    expect(messages(doc)).toEqual([]);
    doc.nodes[0].labels = { [`${'a'.repeat(254)}/ok`]: '' };
    expect(messages(doc)[0]).toMatch(
      /^nodes\[0\]\.labels\["a+\/ok"\]: is not an allowed key: must be a Kubernetes label key: an optional prefix of at most 253/,
    );
  });

  it('validatePlan(plan with two taints of one key and effect) names the later one, as the API server would refuse it', () => {
    const doc = raw(referencePlan());
    doc.nodes[0].taints = [
      { key: 'gpu', effect: 'NoSchedule' },
      { key: 'gpu', value: 'x', effect: 'NoExecute' },
      { key: 'gpu', value: 'y', effect: 'NoSchedule' },
    ];
    expect(messages(doc)).toEqual([
      'nodes[0].taints[2].key: has the same key and effect (NoSchedule) as taints[0]; Kubernetes allows one taint per key and effect, got "gpu"',
    ]);
  });

  it('validatePlan(plan) fills defaults: a node without feeds, tors, labels or taints gets [A, B], [A], {} and []', () => {
    const doc = raw(referencePlan());
    for (const key of ['feeds', 'tors', 'labels', 'taints']) delete doc.nodes[0][key];
    const result = validatePlan(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { feeds, tors, labels, taints } = result.plan.nodes[0];
    expect({ feeds, tors, labels, taints }).toEqual({ feeds: ['A', 'B'], tors: ['A'], labels: {}, taints: [] });
  });
});
