import { hardwareSchema, type Hardware, type Plan } from '../../plan/schema';
import { topFreeU } from '../../plan/validate';
import { done, refuse, type ActionResult } from '../action';
import { freshId } from '../naming';
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
  if (hw.powerPeakW < hw.powerTypicalW) return refuse(`hardware[${index}].powerPeakW: must be at least powerTypicalW (${hw.powerTypicalW}), got ${hw.powerPeakW}`);
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
        if (sorted[i].toU > topFreeU(rack)) return refuse(`hardware[${index}].heightU: ${sorted[i].name} would reach U${sorted[i].toU}, above ${rack.name}'s top free U${topFreeU(rack)}`);
        if (i > 0 && sorted[i].fromU <= sorted[i - 1].toU) return refuse(`hardware[${index}].heightU: ${sorted[i - 1].name} would overlap ${sorted[i].name} in ${rack.name}`);
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
  const id = freshId(`${source.id}-copy`, new Set(plan.hardware.map((h) => h.id)));
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
