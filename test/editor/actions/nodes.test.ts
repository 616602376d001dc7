import { describe, expect, it } from 'vitest';
import { deleteNodes, duplicateNodes, moveNodes, moveNodesToRack, placeNode, setRole, shiftNodes } from '../../../src/editor/actions/nodes';
import { referencePlan } from '../../../src/plan/samples/samples';
import { validatePlan } from '../../../src/plan/validate';

// The reference plan: racks r1-r3 (42 U, two 1 U switches at U41-U42), each with cp at U1,
// two 1 U workers at U2-U3 and a 2 U storage node at U4-U5.
const plan = referencePlan();

describe('node actions', () => {
  it('moveNodes(plan, w-0001 → r2 U3) refuses the overlap, naming the node and rack', () => {
    const r = moveNodes(plan, { moves: [{ id: 'w-0001', rackId: 'r2', positionU: 3 }] });
    expect(r).toEqual({ ok: false, reason: 'w-0001: U3 overlaps w-0004 in R2' });
  });

  it('moveNodes(plan, st-01 → r1 U40) refuses a node that runs into the switches', () => {
    const r = moveNodes(plan, { moves: [{ id: 'st-01', rackId: 'r1', positionU: 40 }] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('st-01: U40-U41 runs into the switches of R1 (U41-U42); its top free U is U40');
  });

  it('moveNodes(plan, w-0001 → r2 U10) moves it and its zone label follows', () => {
    const r = moveNodes(plan, { moves: [{ id: 'w-0001', rackId: 'r2', positionU: 10 }] });
    expect(r.ok).toBe(true);
    const moved = r.ok ? r.plan.nodes.find((n) => n.id === 'w-0001') : undefined;
    expect(moved).toMatchObject({ rackId: 'r2', positionU: 10, labels: { 'topology.kubernetes.io/zone': 'r2' } });
    expect(r.ok && validatePlan(r.plan).ok).toBe(true);
  });

  it('shiftNodes(plan, [w-0001, w-0002], +1) moves a stacked pair without colliding with itself', () => {
    const r = shiftNodes(plan, { ids: ['w-0001', 'w-0002'], deltaU: 1 });
    // w-0002 at U3 → U4 hits st-01 at U4-U5.
    expect(!r.ok && r.reason).toBe('w-0002: U4 overlaps st-01 in R1');
    // With cp-01 out of U1, the pair can move down one U.
    const lifted = moveNodes(plan, { moves: [{ id: 'cp-01', rackId: 'r1', positionU: 20 }] });
    expect(lifted.ok && shiftNodes(lifted.plan, { ids: ['w-0001', 'w-0002'], deltaU: -1 }).ok).toBe(true);
  });

  it('moveNodesToRack(plan, [w-0001], r3) takes the free slot nearest its U', () => {
    const r = moveNodesToRack(plan, { ids: ['w-0001'], rackId: 'r3' });
    // r3 holds U1-U5, so the nearest free slot to U2 is U6.
    expect(r.ok && r.plan.nodes.find((n) => n.id === 'w-0001')?.positionU).toBe(6);
  });

  it("placeNode(plan, worker-1u, r1, U6, worker) adds w-0007 with the rack's feeds", () => {
    const r = placeNode(plan, { hardwareId: 'worker-1u', rackId: 'r1', positionU: 6, role: 'worker' });
    expect(r.ok && r.plan.nodes.at(-1)).toMatchObject({ id: 'w-0007', name: 'w-0007', rackId: 'r1', positionU: 6, feeds: ['A', 'B'] });
    expect(r.ok && validatePlan(r.plan).ok).toBe(true);
    expect(placeNode(plan, { hardwareId: 'worker-1u', rackId: 'r1', positionU: 5, role: 'worker' })).toEqual({ ok: false, reason: 'U5 overlaps st-01 in R1' });
  });

  it('duplicateNodes(plan, [st-01]) copies it above itself as st-04', () => {
    const r = duplicateNodes(plan, { ids: ['st-01'] });
    expect(r.ok && r.plan.nodes.at(-1)).toMatchObject({ id: 'st-04', rackId: 'r1', positionU: 6 });
  });

  it('deleteNodes and setRole change only the named nodes, as one edit each', () => {
    const del = deleteNodes(plan, { ids: ['w-0001', 'w-0003'] });
    expect(del.ok && del.plan.nodes.length).toBe(12 - 2);
    expect(del.ok && del.label).toBe('Delete 2 nodes');
    const role = setRole(plan, { ids: ['w-0001', 'w-0002'], role: 'storage' });
    expect(role.ok && role.plan.nodes.filter((n) => n.role === 'storage').length).toBe(3 + 2);
    expect(setRole(plan, { ids: ['st-01'], role: 'storage' }).ok).toBe(false);
  });

  it('setRole(plan, { role }) adds the storage label and taint on the way in and drops them on the way out', () => {
    const key = 'node-role.kubernetes.io/storage';
    const toStorage = setRole(plan, { ids: ['w-0001'], role: 'storage' });
    const w1 = toStorage.ok ? toStorage.plan.nodes.find((n) => n.id === 'w-0001') : undefined;
    expect(w1?.labels[key]).toBe('');
    expect(w1?.taints).toEqual([{ key, value: '', effect: 'NoSchedule' }]);
    const toWorker = setRole(plan, { ids: ['st-01'], role: 'worker' });
    const st1 = toWorker.ok ? toWorker.plan.nodes.find((n) => n.id === 'st-01') : undefined;
    expect(st1 && key in st1.labels).toBe(false);
    expect(st1?.taints).toEqual([]);
    expect(st1?.labels['topology.kubernetes.io/zone']).toBe('r1');
  });
});

describe('placeNode storage marking', () => {
  it('placeNode(plan, {role: "storage"}) gives the node the storage label and NoSchedule taint, as the keyboard path does', () => {
    const plan = referencePlan();
    const result = placeNode(plan, { hardwareId: plan.hardware.find((h) => h.heightU === 2)!.id, rackId: plan.racks[0].id, positionU: 20, role: 'storage' });
    expect(result.ok).toBe(true);
    const node = result.ok ? result.plan.nodes.at(-1)! : null;
    expect(node?.labels['node-role.kubernetes.io/storage']).toBe('');
    expect(node?.taints).toEqual([{ key: 'node-role.kubernetes.io/storage', value: '', effect: 'NoSchedule' }]);
  });
});
