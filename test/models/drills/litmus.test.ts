import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { litmusExperiment, type LitmusEngine } from '../../../src/models/drills/litmus';
import { antiPatternsPlan, referencePlan } from '../../../src/plan/samples/samples';
import { drillPlanArb, failableOf } from '../../arbitraries/drills';

// The ChaosEngine CRD schema (litmuschaos.io/v1alpha1), vendored from litmuschaos/chaos-operator
// deploy/crds/chaosengine_crd.yaml at the commit named in the file's $comment (Apache-2.0).
const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(
  JSON.parse(readFileSync('test/fixtures/litmus/chaosengine.schema.json', 'utf8')),
);
const valid = (e: LitmusEngine) => (validate(e) ? [] : (validate.errors ?? []).map((x) => `${x.instancePath} ${x.message ?? ''}`));
const env = (e: LitmusEngine) => Object.fromEntries(e.spec.experiments[0].spec.components.env.map((v) => [v.name, v.value]));

describe('litmusExperiment', () => {
  it("litmusExperiment(reference, rack:r1) drains each of the rack's 4 nodes as rack-loss, valid against the ChaosEngine CRD", () => {
    const x = litmusExperiment(referencePlan(), { components: [{ kind: 'rack', rackId: 'r1' }] }, { name: 'Lose R1' });
    expect(x.engines).toHaveLength(4);
    for (const e of x.engines) {
      expect(e.spec.experiments[0].name).toBe('node-drain');
      expect(e.metadata.labels['rackplan.dev/drill-step']).toBe('rack-loss');
      expect(env(e)).toMatchObject({ TOTAL_CHAOS_DURATION: '600' });
      expect(valid(e)).toEqual([]);
    }
    expect(x.engines.map((e) => env(e).TARGET_NODE).sort()).toEqual(
      referencePlan()
        .nodes.filter((n) => n.rackId === 'r1')
        .map((n) => n.name)
        .sort(),
    );
  });

  it("litmusExperiment(reference, both switches of r1 + latency on r2) loses the packets of r1's pods and delays r2's, selected by the zone label", () => {
    const x = litmusExperiment(
      referencePlan(),
      {
        components: [
          { kind: 'tor', rackId: 'r1', tor: 'A' },
          { kind: 'tor', rackId: 'r1', tor: 'B' },
        ],
        degradations: [{ kind: 'latency', scope: { kind: 'rack', rackId: 'r2' }, addedMs: 5 }],
      },
      { name: 'net' },
    );
    expect(x.engines.map((e) => [e.spec.experiments[0].name, env(e).NODE_LABEL])).toEqual([
      ['pod-network-loss', 'topology.kubernetes.io/zone=r1'],
      ['pod-network-latency', 'topology.kubernetes.io/zone=r2'],
    ]);
    expect(env(x.engines[1]).NETWORK_LATENCY).toBe('5');
    for (const e of x.engines) expect(valid(e)).toEqual([]);
  });

  it('litmusExperiment(anti-patterns, feed:r5/A) drains all 8 nodes of r5 as power-feed-loss (its twin feed trips)', () => {
    const x = litmusExperiment(antiPatternsPlan(), { components: [{ kind: 'feed', rackId: 'r5', feed: 'A' }] }, { name: 'feed' });
    expect(x.engines).toHaveLength(8);
    expect(new Set(x.engines.map((e) => e.metadata.labels['rackplan.dev/drill-step']))).toEqual(new Set(['power-feed-loss']));
  });

  it('the vendored CRD schema refuses what Litmus refuses: an engineState other than active/stop, a jobCleanUpPolicy other than delete/retain', () => {
    const [e] = litmusExperiment(referencePlan(), { components: [{ kind: 'node', nodeId: referencePlan().nodes[0].id }] }, { name: 'n' }).engines;
    expect(valid({ ...e, spec: { ...e.spec, engineState: 'running' as 'active' } })).not.toEqual([]);
    expect(valid({ ...e, spec: { ...e.spec, jobCleanUpPolicy: 'keep' as 'delete' } })).not.toEqual([]);
  });

  it('litmusExperiment(plan, disk) exports nothing for the disk and says so', () => {
    const plan = referencePlan();
    const x = litmusExperiment(plan, { components: [{ kind: 'disk', nodeId: plan.nodes.find((n) => n.role === 'storage')!.id, slot: 0 }] }, { name: 'disk' });
    expect(x.engines).toEqual([]);
    expect(x.notes[0]).toMatch(/^disk .*no Litmus fault loses a disk/);
  });

  it('litmusExperiment(plan, any failure set) gives engines the ChaosEngine CRD schema accepts, with DNS-label names, one drain per node down', () => {
    fc.assert(
      fc.property(
        drillPlanArb.chain((plan) => fc.tuple(fc.constant(plan), fc.subarray(failableOf(plan), { maxLength: 4 }))),
        ([plan, components]) => {
          const x = litmusExperiment(plan, { components }, { name: 'Drill №1: rack & feed' });
          for (const e of x.engines) {
            expect(valid(e)).toEqual([]);
            expect(e.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
          }
          const drained = x.engines.filter((e) => e.spec.experiments[0].name === 'node-drain').map((e) => env(e).TARGET_NODE);
          expect(new Set(drained).size).toBe(drained.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
