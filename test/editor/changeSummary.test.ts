import { describe, expect, it } from 'vitest';
import { summarizeChange } from '../../src/editor/changeSummary';
import { referencePlan } from '../../src/plan/samples/samples';

describe('summarizeChange', () => {
  const plan = referencePlan();

  it('summarizeChange(null, plan) is the first version', () => {
    expect(summarizeChange(null, plan)).toBe('First saved version');
  });

  it('summarizeChange(plan, plan) says nothing changed', () => {
    expect(summarizeChange(plan, structuredClone(plan))).toBe('No change');
  });

  it('summarizeChange names a rename and the nodes changed, added and removed', () => {
    const moved = { ...plan, name: 'Frankfurt', nodes: plan.nodes.map((n, i) => (i === 0 ? { ...n, positionU: n.positionU + 1 } : n)) };
    expect(summarizeChange(plan, moved)).toBe(`Renamed to "Frankfurt"; changed 1 node (${plan.nodes[0].name})`);
    const fewer = { ...plan, nodes: plan.nodes.slice(3) };
    expect(summarizeChange(plan, fewer)).toBe('Removed 3 nodes');
    expect(summarizeChange(fewer, plan)).toBe('Added 3 nodes');
  });

  it('summarizeChange names an edited settings section', () => {
    const edited = { ...plan, cluster: { ...plan.cluster, name: 'other' } };
    expect(summarizeChange(plan, edited)).toBe('Edited cluster');
  });
});
