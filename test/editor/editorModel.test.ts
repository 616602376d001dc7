import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionResult } from '../../src/editor/action';
import { emptyHistory, record, redo, undo, type History } from '../../src/editor/history';
import { diffPlans, isEmptyDiff } from '../../src/editor/planDiff';
import { deleteNodes, duplicateNodes, moveNodes, moveNodesToRack, placeNode, setRole, shiftNodes, updateNode } from '../../src/editor/actions/nodes';
import { removeNodeLabel, removeNodeTaint, setNodeLabel, setNodeTaint } from '../../src/editor/actions/nodeLabels';
import { addRack, moveRack, removeRack, updateRack } from '../../src/editor/actions/racks';
import { addRoom, addRow, addSite, removeLocation, reorderLocation, updateLocation, type LocationKind } from '../../src/editor/actions/locations';
import { addDisk, duplicateHardware, removeDisk, removeHardware, setDiskMeasurement, updateDisk, updateHardware } from '../../src/editor/actions/hardware';
import { updateNetwork } from '../../src/editor/actions/network';
import { enterprisePlan, hybridBurstPlan, referencePlan } from '../../src/plan/samples/samples';
import type { Plan, Role, Taint } from '../../src/plan/schema';
import { validatePlan } from '../../src/plan/validate';
import { diskClassArb, measuredDiskArb } from '../arbitraries/disks';

/**
 * Model-based tests of the editor (dubzzz/fast-check examples/004-stateMachine): random
 * sequences of edits, undos and redos run against the real history, and a model that keeps every
 * plan the user has seen. After each step the plan is valid (or the edit was refused with a
 * reason); undo goes back to exactly the previous plan and redo forward again.
 */
interface Real {
  plan: Plan;
  history: History;
}
interface Model {
  past: Plan[];
  future: Plan[];
}

/** Applies a result the way PlanDocument.apply does. */
function apply(real: Real, result: ActionResult): boolean {
  if (!result.ok) return false;
  const diff = diffPlans(real.plan, result.plan);
  if (isEmptyDiff(diff)) return false;
  real.history = record(real.history, { label: result.label, diff });
  real.plan = result.plan;
  return true;
}

const pick = <T>(items: readonly T[], i: number): T | undefined => (items.length === 0 ? undefined : items[i % items.length]);

class EditCommand implements fc.Command<Model, Real> {
  constructor(
    private name: string,
    private edit: (plan: Plan) => ActionResult,
  ) {}
  check() {
    return true;
  }
  run(model: Model, real: Real) {
    const before = real.plan;
    const result = this.edit(before);
    if (!result.ok) {
      expect(result.reason.length).toBeGreaterThan(0);
      expect(real.plan).toBe(before);
      return;
    }
    if (!apply(real, result)) return;
    const valid = validatePlan(real.plan);
    if (!valid.ok) throw new Error(`${this.name} → invalid plan: ${valid.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    model.past.push(real.plan);
    model.future = [];
  }
  toString() {
    return this.name;
  }
}

class UndoCommand implements fc.Command<Model, Real> {
  check(model: Readonly<Model>) {
    return model.past.length > 1;
  }
  run(model: Model, real: Real) {
    const step = undo(real.plan, real.history);
    expect(step).not.toBeNull();
    real.plan = step!.plan;
    real.history = step!.history;
    model.future.unshift(model.past.pop()!);
    expect(real.plan).toStrictEqual(model.past.at(-1));
  }
  toString() {
    return 'undo';
  }
}

class RedoCommand implements fc.Command<Model, Real> {
  check(model: Readonly<Model>) {
    return model.future.length > 0;
  }
  run(model: Model, real: Real) {
    const step = redo(real.plan, real.history);
    expect(step).not.toBeNull();
    real.plan = step!.plan;
    real.history = step!.history;
    model.past.push(model.future.shift()!);
    expect(real.plan).toStrictEqual(model.past.at(-1));
  }
  toString() {
    return 'redo';
  }
}

const idx = fc.nat(1000);
const idxs = fc.array(fc.nat(1000), { minLength: 1, maxLength: 4 });
const u = fc.integer({ min: -2, max: 50 });
const role = fc.constantFrom<Role>('controlplane', 'worker', 'storage');
const kind = fc.constantFrom<LocationKind>('site', 'room', 'row');
const ids = (plan: Plan, is: number[]) => [...new Set(is.map((i) => pick(plan.nodes, i)?.id).filter((x): x is string => !!x))];
const items = (plan: Plan, k: LocationKind): readonly { id: string }[] => (k === 'site' ? plan.sites : k === 'room' ? plan.rooms : plan.rows);
const labelKey = fc.constantFrom(
  'disktype',
  'example.com/tier',
  'node-role.kubernetes.io/storage',
  'topology.kubernetes.io/zone',
  'constructor',
  '__proto__',
  'bad key',
);
const effect = fc.constantFrom<Taint['effect']>('NoSchedule', 'PreferNoSchedule', 'NoExecute');
const nothing = (): ActionResult => ({ ok: false, reason: 'nothing to pick' });

const commands = [
  fc.tuple(idx, idx, u, role).map(
    ([h, r, pos, ro]) =>
      new EditCommand(`placeNode(hw ${h}, rack ${r}, U${pos}, ${ro})`, (p) => {
        const hw = pick(p.hardware, h);
        const rack = pick(p.racks, r);
        return hw && rack ? placeNode(p, { hardwareId: hw.id, rackId: rack.id, positionU: pos, role: ro }) : nothing();
      }),
  ),
  fc.tuple(idx, idx, u).map(
    ([n, r, pos]) =>
      new EditCommand(`moveNodes(node ${n} → rack ${r} U${pos})`, (p) => {
        const node = pick(p.nodes, n);
        const rack = pick(p.racks, r);
        return node && rack ? moveNodes(p, { moves: [{ id: node.id, rackId: rack.id, positionU: pos }] }) : nothing();
      }),
  ),
  fc
    .tuple(idxs, fc.integer({ min: -3, max: 3 }))
    .map(([ns, d]) => new EditCommand(`shiftNodes(${ns}, ${d})`, (p) => shiftNodes(p, { ids: ids(p, ns), deltaU: d }))),
  fc.tuple(idxs, idx).map(
    ([ns, r]) =>
      new EditCommand(`moveNodesToRack(${ns}, rack ${r})`, (p) => {
        const rack = pick(p.racks, r);
        return rack ? moveNodesToRack(p, { ids: ids(p, ns), rackId: rack.id }) : nothing();
      }),
  ),
  idxs.map((ns) => new EditCommand(`duplicateNodes(${ns})`, (p) => duplicateNodes(p, { ids: ids(p, ns) }))),
  idxs.map((ns) => new EditCommand(`deleteNodes(${ns})`, (p) => deleteNodes(p, { ids: ids(p, ns) }))),
  fc.tuple(idxs, role).map(([ns, ro]) => new EditCommand(`setRole(${ns}, ${ro})`, (p) => setRole(p, { ids: ids(p, ns), role: ro }))),
  fc.tuple(idx, fc.constantFrom('w-9999', 'Bad Name', 'cp-01', 'x')).map(
    ([n, name]) =>
      new EditCommand(`updateNode(${n}, name ${name})`, (p) => {
        const node = pick(p.nodes, n);
        return node ? updateNode(p, { id: node.id, patch: { name } }) : nothing();
      }),
  ),
  // Label and taint edits draw keys from a small pool so adds, renames, clashes and removals of
  // the same key meet within one run; "bad key", "__proto__" and "-x" must be refused.
  fc
    .tuple(idxs, labelKey, fc.constantFrom('', 'nvme', '-x'), fc.option(labelKey))
    .map(
      ([ns, key, value, replaces]) =>
        new EditCommand(`setNodeLabel(${ns}, ${key}=${value}${replaces ? ` replaces ${replaces}` : ''})`, (p) =>
          setNodeLabel(p, { ids: ids(p, ns), key, value, ...(replaces ? { replaces } : {}) }),
        ),
    ),
  fc.tuple(idxs, labelKey).map(([ns, key]) => new EditCommand(`removeNodeLabel(${ns}, ${key})`, (p) => removeNodeLabel(p, { ids: ids(p, ns), key }))),
  fc.tuple(idx, labelKey, fc.constantFrom('', 'true'), effect, fc.option(fc.nat(3))).map(
    ([n, key, value, eff, at]) =>
      new EditCommand(`setNodeTaint(${n}, ${key}=${value}:${eff}${at === null ? '' : ` at ${at}`})`, (p) => {
        const node = pick(p.nodes, n);
        return node ? setNodeTaint(p, { id: node.id, taint: { key, value, effect: eff }, ...(at === null ? {} : { index: at }) }) : nothing();
      }),
  ),
  fc.tuple(idx, fc.nat(3)).map(
    ([n, at]) =>
      new EditCommand(`removeNodeTaint(${n}, ${at})`, (p) => {
        const node = pick(p.nodes, n);
        return node ? removeNodeTaint(p, { id: node.id, index: at }) : nothing();
      }),
  ),
  idx.map((r) => new EditCommand(`addRack(row ${r})`, (p) => addRack(p, { rowId: pick(p.rows, r)!.id }))),
  idx.map(
    (r) =>
      new EditCommand(`removeRack(${r})`, (p) => {
        const rack = pick(p.racks, r);
        return rack ? removeRack(p, { id: rack.id }) : nothing();
      }),
  ),
  fc
    .tuple(
      idx,
      fc.record({ heightU: fc.integer({ min: 0, max: 61 }) }, { requiredKeys: [] }),
      fc.option(fc.constantFrom(1, 2)),
      fc.option(fc.constantFrom('R1', 'New rack', '')),
    )
    .map(
      ([r, patch, tors, name]) =>
        new EditCommand(`updateRack(${r}, ${JSON.stringify({ patch, tors, name })})`, (p) => {
          const rack = pick(p.racks, r);
          if (!rack) return nothing();
          return updateRack(p, {
            id: rack.id,
            patch: { ...patch, ...(tors ? { tor: { ...rack.tor, count: tors as 1 | 2 } } : {}), ...(name !== null ? { name } : {}) },
          });
        }),
    ),
  fc.tuple(idx, fc.boolean()).map(
    ([r, oneFeed]) =>
      new EditCommand(`updateRack(${r}, feeds ${oneFeed ? 'A' : 'A+B'})`, (p) => {
        const rack = pick(p.racks, r);
        return rack
          ? updateRack(p, {
              id: rack.id,
              patch: {
                feeds: oneFeed
                  ? [{ id: 'A', capacityW: 8600 }]
                  : [
                      { id: 'A', capacityW: 8600 },
                      { id: 'B', capacityW: 8600 },
                    ],
              },
            })
          : nothing();
      }),
  ),
  fc.tuple(idx, idx, fc.integer({ min: -1, max: 10 })).map(
    ([r, w, i]) =>
      new EditCommand(`moveRack(${r}, row ${w}, ${i})`, (p) => {
        const rack = pick(p.racks, r);
        const row = pick(p.rows, w);
        return rack && row ? moveRack(p, { id: rack.id, rowId: row.id, index: i }) : nothing();
      }),
  ),
  fc.constant(new EditCommand('addSite()', (p) => addSite(p))),
  idx.map((s) => new EditCommand(`addRoom(site ${s})`, (p) => addRoom(p, { siteId: pick(p.sites, s)!.id }))),
  idx.map((s) => new EditCommand(`addRow(room ${s})`, (p) => addRow(p, { roomId: pick(p.rooms, s)!.id }))),
  fc.tuple(kind, idx).map(([k, i]) => new EditCommand(`removeLocation(${k} ${i})`, (p) => removeLocation(p, { kind: k, id: pick(items(p, k), i)!.id }))),
  fc
    .tuple(kind, idx, fc.constantFrom<-1 | 1>(-1, 1))
    .map(([k, i, d]) => new EditCommand(`reorderLocation(${k} ${i}, ${d})`, (p) => reorderLocation(p, { kind: k, id: pick(items(p, k), i)!.id, delta: d }))),
  fc
    .tuple(kind, idx, fc.constantFrom('Hall Z', '', 'x'.repeat(121)))
    .map(
      ([k, i, name]) =>
        new EditCommand(`updateLocation(${k} ${i}, ${name.length})`, (p) => updateLocation(p, { kind: k, id: pick(items(p, k), i)!.id, patch: { name } })),
    ),
  fc
    .tuple(idx, fc.integer({ min: 0, max: 4 }))
    .map(
      ([h, height]) =>
        new EditCommand(`updateHardware(${h}, heightU ${height})`, (p) => updateHardware(p, { id: pick(p.hardware, h)!.id, patch: { heightU: height } })),
    ),
  idx.map((h) => new EditCommand(`duplicateHardware(${h})`, (p) => duplicateHardware(p, { id: pick(p.hardware, h)!.id }))),
  idx.map((h) => new EditCommand(`removeHardware(${h})`, (p) => removeHardware(p, { id: pick(p.hardware, h)!.id }))),
  // Disk and CPU-class edits from the hardware inspector, in and out of the schema's bounds.
  fc
    .tuple(idx, fc.constantFrom<Plan['hardware'][number]['cpuClass']>('efficiency', 'balanced', 'performance'))
    .map(([h, c]) => new EditCommand(`updateHardware(${h}, cpuClass ${c})`, (p) => updateHardware(p, { id: pick(p.hardware, h)!.id, patch: { cpuClass: c } }))),
  fc
    .tuple(
      idx,
      idx,
      fc.record(
        {
          class: diskClassArb,
          capacityGB: fc.constantFrom(0, 240, 1920, 2e6),
          count: fc.integer({ min: 0, max: 65 }),
          purpose: fc.constantFrom<'system' | 'data'>('system', 'data'),
        },
        { requiredKeys: [] },
      ),
    )
    .map(
      ([h, d, patch]) =>
        new EditCommand(`updateDisk(${h}, disk ${d}, ${JSON.stringify(patch)})`, (p) => {
          const hw = pick(p.hardware, h)!;
          return updateDisk(p, { id: hw.id, index: d % (hw.disks.length + 1), patch });
        }),
    ),
  idx.map((h) => new EditCommand(`addDisk(${h})`, (p) => addDisk(p, { id: pick(p.hardware, h)!.id }))),
  fc.tuple(idx, idx).map(
    ([h, d]) =>
      new EditCommand(`removeDisk(${h}, disk ${d})`, (p) => {
        const hw = pick(p.hardware, h)!;
        return removeDisk(p, { id: hw.id, index: d % hw.disks.length });
      }),
  ),
  fc.tuple(idx, idx, fc.option(measuredDiskArb, { nil: null })).map(
    ([h, d, m]) =>
      new EditCommand(`setDiskMeasurement(${h}, disk ${d}, ${JSON.stringify(m)})`, (p) => {
        const hw = pick(p.hardware, h)!;
        return setDiskMeasurement(p, { id: hw.id, index: d % hw.disks.length, measured: m });
      }),
  ),
  fc.integer({ min: 1000, max: 10_000 }).map((mtu) => new EditCommand(`updateNetwork(mtu ${mtu})`, (p) => updateNetwork(p, { patch: { mtu } }))),
  fc.constant(new UndoCommand()),
  fc.constant(new RedoCommand()),
];

const samples: [string, () => Plan][] = [
  ['referencePlan()', referencePlan],
  ['enterprisePlan()', enterprisePlan],
  ['hybridBurstPlan()', hybridBurstPlan],
];

describe('editor actions (model-based)', () => {
  for (const [title, make] of samples) {
    it(`any sequence of edits on ${title} keeps the plan valid; undo all restores it; redo all replays it`, () => {
      const original = make();
      // A deep copy taken before any edit: the model holds plans by reference, so an action that
      // mutated a shared object would change `original` too and still compare equal to it.
      const pristine = structuredClone(original);
      fc.assert(
        fc.property(fc.commands(commands, { maxCommands: 60, size: '+1' }), (cmds) => {
          const real: Real = { plan: original, history: emptyHistory() };
          const model: Model = { past: [original], future: [] };
          fc.modelRun(() => ({ model, real }), cmds);
          // The newest plan the user made, even if the run ended with undos.
          const edited = model.future.at(-1) ?? model.past.at(-1);
          // Undo everything, then redo everything.
          for (let step = undo(real.plan, real.history); step; step = undo(real.plan, real.history)) Object.assign(real, step);
          expect(real.plan).toStrictEqual(pristine);
          for (let step = redo(real.plan, real.history); step; step = redo(real.plan, real.history)) Object.assign(real, step);
          expect(real.plan).toStrictEqual(edited);
        }),
        { numRuns: title.startsWith('enterprise') ? 60 : 150 },
      );
    });
  }
});
