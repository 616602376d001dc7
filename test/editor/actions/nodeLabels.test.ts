import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { removeNodeLabel, removeNodeTaint, setNodeLabel, setNodeTaint } from '../../../src/editor/actions/nodeLabels';
import { referencePlan } from '../../../src/plan/samples/samples';
import type { Plan, Taint } from '../../../src/plan/schema';
import { labelKeyArb, labelValueArb } from '../../arbitraries/plan';
import { validatePlan } from '../../../src/plan/validate';

// The reference plan: st-01 carries the storage label and NoSchedule taint, w-0001 only its zone.
const plan = referencePlan();
const ZONE = 'topology.kubernetes.io/zone';
const STORAGE = 'node-role.kubernetes.io/storage';
const node = (p: Plan, id: string) => p.nodes.find((n) => n.id === id)!;
const reason = (r: ReturnType<typeof setNodeLabel>) => (r.ok ? null : r.reason);

describe('label actions', () => {
  it('setNodeLabel(plan, st-01, disktype=nvme) adds the label, keeps the others and the plan valid', () => {
    const r = setNodeLabel(plan, { ids: ['st-01'], key: 'disktype', value: 'nvme' });
    expect(r.ok && r.label).toBe('Label st-01 disktype=nvme');
    expect(r.ok && node(r.plan, 'st-01').labels).toEqual({ ...node(plan, 'st-01').labels, disktype: 'nvme' });
    expect(r.ok && validatePlan(r.plan).ok).toBe(true);
    // Nothing else changed: other nodes are the same objects.
    expect(r.ok && r.plan.nodes.filter((n, i) => n !== plan.nodes[i]).map((n) => n.id)).toEqual(['st-01']);
  });

  it('setNodeLabel(plan, key "bad key") refuses, naming the field and the valid form', () => {
    expect(reason(setNodeLabel(plan, { ids: ['st-01'], key: 'bad key', value: '' }))).toMatch(
      /^label key: must be a Kubernetes label key: an optional prefix of at most 253 .* then a name of at most 63 .*got "bad key"$/,
    );
    expect(reason(setNodeLabel(plan, { ids: ['st-01'], key: 'ok', value: '-x' }))).toMatch(
      /^label value: must be empty or at most 63 letters, digits, .*got "-x"$/,
    );
    expect(reason(setNodeLabel(plan, { ids: ['st-01'], key: '', value: '' }))).toMatch(/^label key: must be at least 1 character/);
  });

  it('setNodeLabel(plan, key of a 254-character prefix or a 64-character name) refuses; 253 and 63 are accepted', () => {
    expect(setNodeLabel(plan, { ids: ['w-0001'], key: `${'a'.repeat(253)}/${'b'.repeat(63)}`, value: 'c'.repeat(63) }).ok).toBe(true);
    expect(setNodeLabel(plan, { ids: ['w-0001'], key: `${'a'.repeat(254)}/b`, value: '' }).ok).toBe(false);
    expect(setNodeLabel(plan, { ids: ['w-0001'], key: 'b'.repeat(64), value: '' }).ok).toBe(false);
    expect(setNodeLabel(plan, { ids: ['w-0001'], key: 'b', value: 'c'.repeat(64) }).ok).toBe(false);
  });

  it('setNodeLabel(plan, key "__proto__") refuses; "constructor" is stored as an own key, not read from the prototype', () => {
    expect(reason(setNodeLabel(plan, { ids: ['w-0001'], key: '__proto__', value: 'x' }))).toMatch(/^label key: /);
    const r = setNodeLabel(plan, { ids: ['w-0001'], key: 'constructor', value: 'x' });
    expect(r.ok && Object.hasOwn(node(r.plan, 'w-0001').labels, 'constructor')).toBe(true);
    expect(r.ok && Object.getPrototypeOf(node(r.plan, 'w-0001').labels)).toBe(Object.prototype);
    // "toString" is inherited by every object: removing it from a node that lacks it is refused.
    expect(removeNodeLabel(plan, { ids: ['w-0001'], key: 'toString' }).ok).toBe(false);
  });

  it('setNodeLabel(plan, zone → rack, replaces zone) renames the label in place and refuses to overwrite another', () => {
    const r = setNodeLabel(plan, { ids: ['w-0001'], key: 'rack', value: 'r1', replaces: ZONE });
    expect(r.ok && node(r.plan, 'w-0001').labels).toEqual({ rack: 'r1' });
    expect(r.ok && r.label).toBe(`Rename label ${ZONE} to rack of w-0001`);
    expect(reason(setNodeLabel(plan, { ids: ['st-01'], key: ZONE, value: 'r1', replaces: STORAGE }))).toBe(
      `label key: st-01 already has a label "${ZONE}"; edit that one instead`,
    );
    expect(reason(setNodeLabel(plan, { ids: ['w-0001'], key: 'a', value: '', replaces: 'missing' }))).toBe('w-0001 has no label "missing"');
  });

  it('setNodeLabel(plan, three nodes, tier=gold) labels all in one edit and refuses when all already have it', () => {
    const ids = ['w-0001', 'w-0002', 'st-01'];
    const r = setNodeLabel(plan, { ids, key: 'tier', value: 'gold' });
    expect(r.ok && r.label).toBe('Label 3 nodes tier=gold');
    expect(r.ok && ids.map((id) => node(r.plan, id).labels.tier)).toEqual(['gold', 'gold', 'gold']);
    expect(reason(r.ok ? setNodeLabel(r.plan, { ids, key: 'tier', value: 'gold' }) : r)).toBe('tier=gold is already set on all 3 nodes');
    expect(reason(setNodeLabel(plan, { ids: ['nope'], key: 'a', value: '' }))).toBe('no node "nope"');
  });

  it('removeNodeLabel(plan, [w-0001, st-01], storage) removes it where present only', () => {
    const r = removeNodeLabel(plan, { ids: ['w-0001', 'st-01'], key: STORAGE });
    expect(r.ok && r.label).toBe(`Remove label ${STORAGE} from st-01`);
    expect(r.ok && node(r.plan, 'st-01').labels).toEqual({ [ZONE]: 'r1' });
    expect(r.ok && r.plan.nodes.find((n) => n.id === 'w-0001')).toBe(node(plan, 'w-0001'));
  });

  it("setNodeLabel then removeNodeLabel of any valid key returns the node's labels", () => {
    const name = fc.stringMatching(/^[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,20}[A-Za-z0-9])?$/);
    const key = fc.tuple(fc.option(fc.stringMatching(/^[a-z0-9](?:[-a-z0-9]{0,10}[a-z0-9])?(?:\.[a-z]{2,5})?$/)), name).map(([p, n]) => (p ? `${p}/${n}` : n));
    fc.assert(
      fc.property(key, fc.oneof(fc.constant(''), name), (k, v) => {
        fc.pre(!Object.hasOwn(node(plan, 'w-0001').labels, k));
        const added = setNodeLabel(plan, { ids: ['w-0001'], key: k, value: v });
        expect(added.ok).toBe(true);
        const removed = added.ok ? removeNodeLabel(added.plan, { ids: ['w-0001'], key: k }) : added;
        expect(removed.ok && node(removed.plan, 'w-0001').labels).toEqual(node(plan, 'w-0001').labels);
      }),
    );
  });
});

describe('inspector and file agree', () => {
  // Keys and values near the rules' edges: valid ones, one character off, and hostile ones.
  const near = fc.oneof(
    labelKeyArb,
    fc.constantFrom(
      '',
      '-a',
      'a-',
      '_a',
      'a/b/c',
      'A.com/x',
      '__proto__',
      'constructor',
      `${'a'.repeat(253)}/x`,
      `${'a'.repeat(254)}/x`,
      'b'.repeat(63),
      'b'.repeat(64),
      'a b',
      'é',
    ),
    fc.string({ maxLength: 12 }),
  );

  it('setNodeLabel(plan, key, value) is accepted exactly when validatePlan accepts a file with that label', () => {
    fc.assert(
      fc.property(near, fc.oneof(labelValueArb, near), (key, value) => {
        const edited = setNodeLabel(plan, { ids: ['w-0001'], key, value });
        const doc = structuredClone(plan);
        // defineProperty, as JSON.parse would: assignment would treat "__proto__" as the prototype.
        Object.defineProperty(doc.nodes[3].labels, key, { value, enumerable: true, writable: true, configurable: true });
        expect(doc.nodes[3].id).toBe('w-0001');
        expect(edited.ok).toBe(validatePlan(doc).ok);
      }),
      { numRuns: 500 },
    );
  });

  it('setNodeTaint(plan, taint) is accepted exactly when validatePlan accepts a file with that taint', () => {
    const effect = fc.constantFrom('NoSchedule', 'PreferNoSchedule', 'NoExecute', 'noschedule', '') as fc.Arbitrary<Taint['effect']>;
    fc.assert(
      fc.property(near, fc.oneof(labelValueArb, near), effect, (key, value, eff) => {
        const taint = { key, value, effect: eff };
        const edited = setNodeTaint(plan, { id: 'st-01', taint });
        const doc = structuredClone(plan);
        const st = doc.nodes.find((n) => n.id === 'st-01')!;
        st.taints = [...st.taints, taint];
        expect(edited.ok).toBe(validatePlan(doc).ok);
      }),
      { numRuns: 500 },
    );
  });
});

describe('taint actions', () => {
  it('setNodeTaint(plan, w-0001, gpu=true:NoExecute) adds a taint and keeps the plan valid', () => {
    const r = setNodeTaint(plan, { id: 'w-0001', taint: { key: 'gpu', value: 'true', effect: 'NoExecute' } });
    expect(r.ok && r.label).toBe('Add taint gpu=true:NoExecute to w-0001');
    expect(r.ok && node(r.plan, 'w-0001').taints).toEqual([{ key: 'gpu', value: 'true', effect: 'NoExecute' }]);
    expect(r.ok && validatePlan(r.plan).ok).toBe(true);
  });

  it('setNodeTaint(plan, st-01, a second storage NoSchedule taint) refuses; another effect is accepted', () => {
    const twin = { key: STORAGE, value: 'x', effect: 'NoSchedule' as const };
    expect(reason(setNodeTaint(plan, { id: 'st-01', taint: twin }))).toBe(
      `taint key: st-01 already has a NoSchedule taint "${STORAGE}"; Kubernetes allows one taint per key and effect`,
    );
    expect(setNodeTaint(plan, { id: 'st-01', taint: { ...twin, effect: 'NoExecute' } }).ok).toBe(true);
    // Editing the one taint in place is not a clash with itself.
    expect(setNodeTaint(plan, { id: 'st-01', index: 0, taint: twin }).ok).toBe(true);
  });

  it('setNodeTaint(plan, bad key, value or effect) refuses, naming the field', () => {
    expect(reason(setNodeTaint(plan, { id: 'w-0001', taint: { key: 'a b', value: '', effect: 'NoSchedule' } }))).toMatch(
      /^taint key: must be a Kubernetes label key/,
    );
    expect(reason(setNodeTaint(plan, { id: 'w-0001', taint: { key: 'a', value: 'x y', effect: 'NoSchedule' } }))).toMatch(/^taint value: must be empty or/);
    expect(reason(setNodeTaint(plan, { id: 'w-0001', taint: { key: 'a', value: '', effect: 'Never' as 'NoSchedule' } }))).toBe(
      'taint effect: must be one of "NoSchedule", "PreferNoSchedule", "NoExecute", got "Never"',
    );
    expect(reason(setNodeTaint(plan, { id: 'st-01', index: 3, taint: { key: 'a', value: '', effect: 'NoSchedule' } }))).toBe('st-01 has no taint 4');
  });

  it('setNodeTaint(plan, st-01, index 0, same taint) refuses as unchanged; with another effect changes it in place', () => {
    const same = node(plan, 'st-01').taints[0];
    expect(reason(setNodeTaint(plan, { id: 'st-01', index: 0, taint: same }))).toBe('the taint is unchanged');
    const r = setNodeTaint(plan, { id: 'st-01', index: 0, taint: { ...same, effect: 'PreferNoSchedule' } });
    expect(r.ok && node(r.plan, 'st-01').taints).toEqual([{ ...same, effect: 'PreferNoSchedule' }]);
    expect(r.ok && r.label).toBe(`Change taint ${STORAGE}:PreferNoSchedule of st-01`);
  });

  it("setNodeTaint refuses the 33rd taint with the schema's limit", () => {
    let p: Plan = plan;
    for (let i = 0; i < 31; i++) {
      const r = setNodeTaint(p, { id: 'st-01', taint: { key: `t${i}`, value: '', effect: 'NoSchedule' } });
      if (!r.ok) throw new Error(r.reason);
      p = r.plan;
    }
    expect(reason(setNodeTaint(p, { id: 'st-01', taint: { key: 'last', value: '', effect: 'NoSchedule' } }))).toMatch(/^nodes\[\d+\]\.taints: /);
  });

  it('removeNodeTaint(plan, st-01, 0) removes the storage taint; a missing index is refused', () => {
    const r = removeNodeTaint(plan, { id: 'st-01', index: 0 });
    expect(r.ok && node(r.plan, 'st-01').taints).toEqual([]);
    expect(r.ok && r.label).toBe(`Remove taint ${STORAGE}:NoSchedule from st-01`);
    expect(reason(removeNodeTaint(plan, { id: 'w-0001', index: 0 }))).toBe('w-0001 has no taint 1');
  });
});
