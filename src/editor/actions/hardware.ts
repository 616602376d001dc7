import { hardwareSchema, type Disk, type Hardware, type MeasuredDisk, type Plan } from '../../plan/schema';
import { topFreeU } from '../../plan/validate';
import { done, refuse, type ActionResult } from '../action';
import { freshId, planIds } from '../naming';
import { indexPlan } from '../occupancy';
import { checkPart } from '../schemaCheck';

/**
 * Changes a hardware profile. A taller profile must still fit every node that uses it: each must
 * stay below its rack's switches and clear of its neighbours, or the edit is refused naming one.
 */
export function updateHardware(plan: Plan, args: { id: string; patch: Partial<Omit<Hardware, 'id'>> }): ActionResult {
  const index = plan.hardware.findIndex((h) => h.id === args.id);
  if (index < 0) return refuse(`no hardware profile "${args.id}"`);
  const before = plan.hardware[index];
  const checked = checkPart(hardwareSchema, { ...before, ...args.patch }, `hardware[${index}]`);
  if ('problem' in checked) return refuse(checked.problem);
  const hw = checked.value;
  if (hw.powerPeakW < hw.powerTypicalW)
    return refuse(`hardware[${index}].powerPeakW: must be at least powerTypicalW (${hw.powerTypicalW}), got ${hw.powerPeakW}`);
  const hardware = plan.hardware.slice();
  hardware[index] = hw;
  const next = { ...plan, hardware };
  if (hw.heightU > before.heightU) {
    const idx = indexPlan(next);
    for (const [rackId, spans] of idx.spans) {
      const rack = idx.racks.get(rackId);
      if (!rack) continue;
      const sorted = spans.slice().sort((a, b) => a.fromU - b.fromU);
      for (let i = 0; i < sorted.length; i++) {
        if (sorted[i].toU > topFreeU(rack))
          return refuse(`hardware[${index}].heightU: ${sorted[i].name} would reach U${sorted[i].toU}, above ${rack.name}'s top free U${topFreeU(rack)}`);
        if (i > 0 && sorted[i].fromU <= sorted[i - 1].toU)
          return refuse(`hardware[${index}].heightU: ${sorted[i - 1].name} would overlap ${sorted[i].name} in ${rack.name}`);
      }
    }
  }
  return done(next, `Change ${Object.keys(args.patch).join(', ')} of ${before.name}`);
}

/** Adds a copy of a profile, to edit into a new one. */
export function duplicateHardware(plan: Plan, args: { id: string }): ActionResult {
  const source = plan.hardware.find((h) => h.id === args.id);
  if (!source) return refuse(`no hardware profile "${args.id}"`);
  if (plan.hardware.length >= 1000) return refuse('a plan holds at most 1000 hardware profiles');
  const id = freshId(`${source.id}-copy`, planIds(plan));
  const copy: Hardware = { ...structuredClone(source), id, name: `${source.name} (copy)`.slice(0, 120) };
  return done({ ...plan, hardware: [...plan.hardware, copy] }, `Duplicate profile ${source.name}`);
}

/** Removes a profile no node uses. */
export function removeHardware(plan: Plan, args: { id: string }): ActionResult {
  const hw = plan.hardware.find((h) => h.id === args.id);
  if (!hw) return refuse(`no hardware profile "${args.id}"`);
  const users = plan.nodes.filter((n) => n.hardwareId === hw.id);
  if (users.length > 0) return refuse(`${hw.name} is used by ${users.length} node${users.length === 1 ? '' : 's'} (${users[0].name}…)`);
  if (plan.hardware.length === 1) return refuse(`${hw.name}: a plan needs at least one hardware profile`);
  return done({ ...plan, hardware: plan.hardware.filter((h) => h !== hw) }, `Remove profile ${hw.name}`);
}

/** The fields of a disk the inspector edits; the measurement has its own action. */
export type DiskPatch = Partial<Omit<Disk, 'measured'>>;

/** Replaces a profile's disk list through `updateHardware`, so every schema bound and fit check applies, with a label of our own. */
function withDisks(plan: Plan, hw: Hardware, disks: Disk[], label: string): ActionResult {
  const r = updateHardware(plan, { id: hw.id, patch: { disks } });
  return r.ok ? done(r.plan, label) : r;
}

/** The profile and the index of its disk, or a refusal naming what is missing. */
function findDisk(plan: Plan, id: string, index: number): { hw: Hardware; at: number } | { problem: string } {
  const at = plan.hardware.findIndex((h) => h.id === id);
  if (at < 0) return { problem: `no hardware profile "${id}"` };
  const hw = plan.hardware[at];
  if (!Number.isInteger(index) || index < 0 || index >= hw.disks.length)
    return { problem: `hardware[${at}].disks: ${hw.name} has no disk ${index + 1} (it has ${hw.disks.length})` };
  return { hw, at: index };
}

/**
 * Changes one disk of a profile (class, size, count, purpose). A new class drops the disk's fio
 * measurement: it described the old drive, and keeping it would hide the class change from the
 * models (the measurement replaces the class figures). The label says so.
 */
export function updateDisk(plan: Plan, args: { id: string; index: number; patch: DiskPatch }): ActionResult {
  const found = findDisk(plan, args.id, args.index);
  if ('problem' in found) return refuse(found.problem);
  const { hw, at } = found;
  const before = hw.disks[at];
  const classChanged = args.patch.class !== undefined && args.patch.class !== before.class;
  const { measured, ...rest } = { ...before, ...args.patch };
  const disk: Disk = classChanged || measured === undefined ? rest : { ...rest, measured };
  const disks = hw.disks.slice();
  disks[at] = disk;
  const dropped = classChanged && before.measured ? ' (drops its fio measurement)' : '';
  return withDisks(plan, hw, disks, `Change ${Object.keys(args.patch).join(', ')} of disk ${at + 1} of ${hw.name}${dropped}`);
}

/** Adds a disk to a profile: one data disk like its last disk (same class and size), without a measurement. */
export function addDisk(plan: Plan, args: { id: string }): ActionResult {
  const hw = plan.hardware.find((h) => h.id === args.id);
  if (!hw) return refuse(`no hardware profile "${args.id}"`);
  const last = hw.disks[hw.disks.length - 1];
  const disk: Disk = { class: last.class, capacityGB: last.capacityGB, count: 1, purpose: 'data' };
  return withDisks(plan, hw, [...hw.disks, disk], `Add a disk to ${hw.name}`);
}

/** Removes one disk of a profile; the schema keeps at least one. */
export function removeDisk(plan: Plan, args: { id: string; index: number }): ActionResult {
  const found = findDisk(plan, args.id, args.index);
  if ('problem' in found) return refuse(found.problem);
  const { hw, at } = found;
  if (hw.disks.length === 1) return refuse(`${hw.name}: a profile needs at least one disk`);
  return withDisks(
    plan,
    hw,
    hw.disks.filter((_, i) => i !== at),
    `Remove disk ${at + 1} of ${hw.name}`,
  );
}

/**
 * Gives one disk its own measurement (e.g. read from fio by `fioMeasurement`), which replaces
 * the class figures in every model, or clears it (`measured: null`) to go back to the class.
 */
export function setDiskMeasurement(plan: Plan, args: { id: string; index: number; measured: MeasuredDisk | null }): ActionResult {
  const found = findDisk(plan, args.id, args.index);
  if ('problem' in found) return refuse(found.problem);
  const { hw, at } = found;
  const before = hw.disks[at];
  if (args.measured === null && !before.measured) return refuse(`disk ${at + 1} of ${hw.name} has no measurement to clear`);
  const { measured: _old, ...rest } = before;
  const disks = hw.disks.slice();
  disks[at] = args.measured === null ? rest : { ...rest, measured: args.measured };
  const label =
    args.measured === null
      ? `Clear the measurement of disk ${at + 1} of ${hw.name}`
      : `Measure disk ${at + 1} of ${hw.name}${args.measured.source ? ` (${args.measured.source})` : ''}`;
  return withDisks(plan, hw, disks, label);
}
