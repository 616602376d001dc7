import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/models/evaluate';
import { compareFindings } from '../../../src/models/finding';
import { topologyOf } from '../../../src/models/topology';
import { antiPatternsPlan, referencePlan, SAMPLES } from '../../../src/plan/samples/samples';
import { validPlanArbWith } from '../../arbitraries/plan';
import { findingsOf, withoutVolumes } from './planEdits';

describe('advise(plan, report) through evaluate', () => {
  it('evaluate(anti-patterns) breaks every rule the sample was written to break, with errors', () => {
    const f = findingsOf(antiPatternsPlan());
    const ids = new Set(f.filter((x) => x.severity !== 'info').map((x) => x.ruleId));
    // The sample's own list: two control planes in one rack on HDDs, workloads on control planes,
    // HDD storage over KubeSpan across sites, two unlabelled storage nodes, KubeSpan above 100 nodes,
    // single feeds and switches, KubePrism off, a heartbeat far faster than a LAN needs (an election
    // timeout below 5 x heartbeat is now refused by the schema, as etcd refuses it).
    for (const id of [
      'RA-CP-COUNT',
      'RA-CP-RACKS',
      'RA-CP-DISK',
      'ETCD-FSYNC',
      'RA-CP-NOSCHED',
      'RA-STORAGE-MEDIA',
      'RA-STORAGE-NO-KUBESPAN',
      'RA-STORAGE-LOCALITY',
      'RA-STORAGE-COUNT',
      'RA-STORAGE-DEDICATED',
      'RA-KUBESPAN-SIZE',
      'POWER-FEED-LOSS',
      'CP-SINGLE-FAILURE',
      'RA-KUBEPRISM',
      'ETCD-TIMER-HEARTBEAT-COST',
      'NET-FLANNEL-FRAGMENTATION',
      'POWER-FEED-OVER-CAPACITY',
    ]) {
      expect(ids, id).toContain(id);
    }
    expect(f.filter((x) => x.severity === 'error').length).toBeGreaterThanOrEqual(10);
  });

  it('evaluate(reference) has no error-level finding', () => {
    expect(findingsOf(referencePlan()).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('evaluate(plan with every node deleted) does not read as fine: no control plane and no workers are errors', () => {
    const empty = { ...referencePlan(), nodes: [] };
    const errors = findingsOf(empty)
      .filter((f) => f.severity === 'error')
      .map((f) => f.ruleId);
    expect(errors).toEqual(expect.arrayContaining(['RA-CP-COUNT', 'RA-WORKERS']));
  });

  it('evaluate(sample).findings are sorted most severe first, and every figure is finite with a unit', () => {
    for (const build of Object.values(SAMPLES)) {
      const f = evaluate(build()).findings;
      expect([...f].sort(compareFindings)).toEqual(f);
      for (const x of f)
        if (x.figure) {
          expect(Number.isFinite(x.figure.value)).toBe(true);
          expect(x.figure.unit.length).toBeGreaterThan(0);
        }
    }
  });

  it('evaluate(reference).guidance answers every guidance item, none as fine when the plan does not say', () => {
    const g = evaluate(referencePlan()).guidance;
    expect(g.map((x) => x.id)).toEqual(['RA-CP-MONITOR', 'RA-LB', 'RA-MONITORING', 'RA-OIDC', 'RA-PSS', 'RA-GITOPS', 'RA-TENANCY', 'RA-MULTICLUSTER']);
    expect(g.find((x) => x.id === 'RA-MONITORING')!.answer).toBe('monitoring stack: not specified in the plan');
    expect(g.every((x) => !x.answered)).toBe(true);
  });

  it('for any generated plan: a single node, rack, switch, feed, row or room failure that loses quorum always has an error-level finding', () => {
    // Volumes are dropped: storage placement dominates the cost and plays no part in quorum.
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 4, maxNodesPerRack: 3 }).map(withoutVolumes), (plan) => {
        const report = evaluate(plan);
        const topo = topologyOf(plan);
        const wholeSite = (level: string, id: string) => {
          // A row or room that holds every node of its site is the site itself: the reference
          // architecture keeps the control plane in one data center, so it is not a placement error.
          const inDomain = topo.places.filter((p) => (level === 'row' ? p.row.id : p.room.id) === id);
          const site = inDomain[0]?.site.id;
          return inDomain.length === topo.places.filter((p) => p.site.id === site).length;
        };
        const losesQuorum = report.controlPlane.tolerance.some(
          (t) =>
            t.level !== 'site' &&
            t.critical.some((c) => !((t.level === 'row' || t.level === 'room') && wholeSite(t.level, c.domainId.slice(t.level.length + 1)))),
        );
        if (losesQuorum) expect(report.findings.some((f) => f.severity === 'error')).toBe(true);
        for (const f of report.findings) if (f.figure) expect(Number.isFinite(f.figure.value)).toBe(true);
      }),
      { numRuns: 30 },
    );
  }, 180_000);
});
