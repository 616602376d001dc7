import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chaosMeshExperiment, type ChaosManifest } from '../../../src/models/drills/chaosMesh';
import { antiPatternsPlan, referencePlan } from '../../../src/plan/samples/samples';
import { failableOf, drillPlanArb } from '../../arbitraries/drills';

// The CRD schemas of Chaos Mesh's PodChaos and NetworkChaos (v1alpha1), vendored from
// chaos-mesh/chaos-mesh config/crd/bases at the commit named in each file's $comment.
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
const validators: Record<ChaosManifest['kind'], ValidateFunction> = {
  PodChaos: ajv.compile(JSON.parse(readFileSync('test/fixtures/chaos-mesh/podchaos.schema.json', 'utf8'))),
  NetworkChaos: ajv.compile(JSON.parse(readFileSync('test/fixtures/chaos-mesh/networkchaos.schema.json', 'utf8'))),
};
const valid = (m: ChaosManifest) => {
  const kind = m.kind;
  const v = validators[kind];
  return v(m) ? [] : (v.errors ?? []).map((e) => `${kind} ${e.instancePath} ${e.message ?? ''}`);
};

describe('chaosMeshExperiment', () => {
  it('chaosMeshExperiment(reference, rack:r1) is one PodChaos pod-failure selecting the rack by its zone label, valid against the CRD', () => {
    const x = chaosMeshExperiment(referencePlan(), { components: [{ kind: 'rack', rackId: 'r1' }] }, { name: 'Lose R1' });
    expect(x.manifests).toHaveLength(1);
    const m = x.manifests[0];
    expect(m.kind).toBe('PodChaos');
    expect(m.metadata.labels['rackplan.dev/drill-step']).toBe('rack-loss');
    expect(m.spec).toMatchObject({
      action: 'pod-failure',
      mode: 'all',
      duration: '600s',
      selector: { nodeSelectors: { 'topology.kubernetes.io/zone': 'r1' } },
    });
    expect(valid(m)).toEqual([]);
  });

  it('chaosMeshExperiment(anti-patterns, feed:r5/A) fails the whole of R5 as power-feed-loss (its twin feed trips)', () => {
    const x = chaosMeshExperiment(antiPatternsPlan(), { components: [{ kind: 'feed', rackId: 'r5', feed: 'A' }] }, { name: 'feed' });
    expect(x.manifests.map((m) => m.metadata.labels['rackplan.dev/drill-step'])).toEqual(['power-feed-loss']);
    // Anti-pattern nodes carry no zone label: the rack is selected by node names.
    expect((x.manifests[0].spec.selector as { nodes: string[] }).nodes).toHaveLength(8);
  });

  it('chaosMeshExperiment(reference, tor:r1/A + tor:r1/B + siteLink-free latency) partitions the isolated nodes and delays a rack', () => {
    const x = chaosMeshExperiment(
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
    expect(x.manifests.map((m) => [m.kind, m.spec.action])).toEqual([
      ['NetworkChaos', 'partition'],
      ['NetworkChaos', 'delay'],
    ]);
    for (const m of x.manifests) expect(valid(m)).toEqual([]);
  });

  it('chaosMeshExperiment(plan, any failure set) gives manifests the Chaos Mesh CRD schemas accept, with DNS-label names', () => {
    fc.assert(
      fc.property(
        drillPlanArb.chain((plan) => fc.tuple(fc.constant(plan), fc.subarray(failableOf(plan), { maxLength: 4 }))),
        ([plan, components]) => {
          const x = chaosMeshExperiment(plan, { components }, { name: 'Drill №1: rack & feed' });
          for (const m of x.manifests) {
            expect(valid(m)).toEqual([]);
            expect(m.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
