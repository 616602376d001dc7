import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findingsForRack } from '../../../src/ui/findings/findingsForRack';

const rackOfNode = new Map([
  ['cp-1', 'r1'],
  ['cp-2', 'r1'],
  ['w-1', 'r2'],
]);

describe('findingsForRack(findings, rackId, rackOfNode)', () => {
  it('keeps findings naming the rack or one of its nodes, in order, and drops cluster-wide ones', () => {
    const findings = [
      { id: 1, subjects: { racks: ['r1'] } },
      { id: 2, subjects: { nodes: ['w-1'] } },
      { id: 3, subjects: { nodes: ['w-1', 'cp-2'] } },
      { id: 4, subjects: { settings: ['cluster.kubespan.enabled'] } },
      { id: 5 },
    ];
    expect(findingsForRack(findings, 'r1', rackOfNode).map((f) => f.id)).toEqual([1, 3]);
    expect(findingsForRack(findings, 'r2', rackOfNode).map((f) => f.id)).toEqual([2, 3]);
    expect(findingsForRack(findings, 'r9', rackOfNode)).toEqual([]);
  });

  it('findingsForRack over every rack covers each finding that names a node or rack at least once', () => {
    const subjectsArb = fc.record({ racks: fc.subarray(['r1', 'r2']), nodes: fc.subarray([...rackOfNode.keys()]) });
    fc.assert(
      fc.property(fc.array(fc.option(subjectsArb, { nil: undefined }).map((subjects) => ({ subjects }))), (findings) => {
        const covered = new Set(['r1', 'r2'].flatMap((r) => findingsForRack(findings, r, rackOfNode)));
        for (const f of findings) {
          const names = (f.subjects?.racks.length ?? 0) + (f.subjects?.nodes.length ?? 0) > 0;
          expect(covered.has(f)).toBe(names);
        }
      }),
    );
  });
});
