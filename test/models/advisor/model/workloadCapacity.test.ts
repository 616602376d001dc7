import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../src/models/evaluate';
import { headline } from '../../../../src/models/headline/headline';
import { referencePlan } from '../../../../src/plan/samples/samples';
import type { Plan } from '../../../../src/plan/schema';

const withPods = (pods: number): Plan => {
  const plan = referencePlan();
  return { ...plan, workload: { ...plan.workload, pods } };
};

/** The workload findings of a plan and the verdict of its "Workload N+1" headline figure. */
function workloadOf(plan: Plan) {
  const report = evaluate(plan);
  const figure = headline(report).find((f) => f.id === 'workload-n1');
  return { findings: report.findings.filter((f) => f.ruleId.startsWith('WORKLOAD-')), verdict: figure?.verdict };
}

// The reference plan's 6 workers hold 110 pods each (kubelet maxPods): 660 slots, 550 without one
// worker, 440 without a rack of two.
describe('workloadCapacity rule', () => {
  it('workloadCapacity.check(reference, 300 pods) files nothing: every pod fits after losing a rack', () => {
    expect(workloadOf(withPods(300))).toEqual({ findings: [], verdict: 'ok' });
  });

  it('workloadCapacity.check(reference, 500 pods) warns WORKLOAD-N1 naming the rack whose loss leaves 440 slots, as the headline does', () => {
    const { findings, verdict } = workloadOf(withPods(500));
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['WORKLOAD-N1', 'warning']]);
    expect(findings[0].message).toMatch(/^losing rack R\d leaves too little for every pod: .*500 pods, 440 pod slots left/);
    expect(findings[0].subjects?.racks).toHaveLength(1);
    expect(verdict).toBe('warn');
  });

  it('workloadCapacity.check(reference, 600 pods) fails WORKLOAD-N1 on one node: 550 slots are left', () => {
    const { findings, verdict } = workloadOf(withPods(600));
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['WORKLOAD-N1', 'error']]);
    expect(findings[0].message).toMatch(/^not N\+1: after losing node \S+ the \d+ evicted pods cannot all be rescheduled \(pods: 600 pods, 550 pod slots left/);
    expect(findings[0].subjects?.nodes).toHaveLength(1);
    expect(verdict).toBe('bad');
  });

  it('workloadCapacity.check(reference, 700 pods) fails WORKLOAD-CAPACITY with every node up, and files no N+1 finding on top', () => {
    const { findings, verdict } = workloadOf(withPods(700));
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['WORKLOAD-CAPACITY', 'error']]);
    expect(findings[0].message).toContain('pods: 700 pods, 660 pod slots left');
    expect(verdict).toBe('bad');
  });
});
