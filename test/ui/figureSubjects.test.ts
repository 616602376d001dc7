import { describe, expect, it } from 'vitest';
import { figureSubjects } from '../../src/ui/figureSubjects';
import { evaluate } from '../../src/models/evaluate';
import { antiPatternsPlan, referencePlan } from '../../src/plan/samples/samples';

describe('figureSubjects(figureId, report, plan)', () => {
  it('figureSubjects("etcd-quorum", reference) names the three control-plane nodes', () => {
    const plan = referencePlan();
    const ids = plan.nodes.filter((n) => n.role === 'controlplane').map((n) => n.id);
    expect(ids).toHaveLength(3);
    expect(figureSubjects('etcd-quorum', evaluate(plan), plan)).toEqual({ nodes: ids });
    expect(figureSubjects('write-p99', evaluate(plan), plan)).toEqual({ nodes: ids });
  });

  it('figureSubjects("power-n1", …) names the racks that fail a feed loss, and nothing when all survive', () => {
    const reference = referencePlan();
    expect(figureSubjects('power-n1', evaluate(reference), reference)).toBeNull();
    const bad = antiPatternsPlan();
    const report = evaluate(bad);
    const failing = report.physical.racks.filter((r) => r.power.verdict !== 'survives' && r.power.verdict !== 'provider-managed').map((r) => r.rackId);
    expect(failing.length).toBeGreaterThan(0);
    expect(figureSubjects('power-n1', report, bad)).toEqual({ racks: failing });
  });

  it('figureSubjects("findings", …) is every node and rack an error or warning names, once each', () => {
    const plan = antiPatternsPlan();
    const report = evaluate(plan);
    const named = report.findings.filter((f) => f.severity !== 'info');
    const subjects = figureSubjects('findings', report, plan)!;
    expect(new Set(subjects.racks)).toEqual(new Set(named.flatMap((f) => f.subjects?.racks ?? [])));
    expect(new Set(subjects.nodes)).toEqual(new Set(named.flatMap((f) => f.subjects?.nodes ?? [])));
    expect(subjects.nodes!.length).toBe(new Set(subjects.nodes).size);
  });

  it('figureSubjects of a cluster-wide figure (KubeSpan, workload) or an unknown id is null', () => {
    const plan = referencePlan();
    const report = evaluate(plan);
    expect([figureSubjects('kubespan', report, plan), figureSubjects('workload-n1', report, plan), figureSubjects('nope', report, plan)]).toEqual([
      null,
      null,
      null,
    ]);
  });
});
