import type { PlanFix } from '../../plan/planFix';
import type { Plan, PlanNode } from '../../plan/schema';
import { checkNodeInPlan } from '../../plan/validate';
import { done, refuse, type ActionResult } from '../action';
import { indexPlan, nearestFreeU } from '../occupancy';
import { moveNodesToRack, placeNode } from './nodes';
import { updateSetting } from './settings';

const STORAGE_ROLE = 'node-role.kubernetes.io/storage';
const ZONE = 'topology.kubernetes.io/zone';

/**
 * Applies the remedy a finding offers as one edit (one undo step, labelled with the fix): the
 * rule named the change, this carries it out with the ordinary actions, so every fix is refused
 * for the same reasons a hand edit would be (no room in the rack, an invalid label).
 */
export function applyFix(plan: Plan, args: { fix: PlanFix }): ActionResult {
  const { fix } = args;
  let result: ActionResult;
  switch (fix.kind) {
    case 'moveNodes':
      result = chain(
        plan,
        fix.moves.map((m) => (p: Plan) => moveNodesToRack(p, { ids: [m.nodeId], rackId: m.rackId })),
      );
      break;
    case 'addControlPlanes':
      result = chain(
        plan,
        fix.rackIds.map((rackId) => (p: Plan) => addControlPlane(p, fix.hardwareId, rackId)),
      );
      break;
    case 'dedicateStorageNodes':
      result = editNodes(plan, fix.nodeIds, dedicate);
      break;
    case 'zoneByRack':
      result = editNodes(plan, fix.nodeIds, (n) => ({ ...n, labels: { ...n.labels, [ZONE]: n.rackId } }));
      break;
    case 'setting':
      result = updateSetting(plan, { path: ['cluster', ...fix.path], value: fix.value });
      break;
  }
  return result.ok ? done(result.plan, fix.label) : result;
}

function chain(plan: Plan, steps: ((p: Plan) => ActionResult)[]): ActionResult {
  let current = plan;
  for (const step of steps) {
    const r = step(current);
    if (!r.ok) return r;
    current = r.plan;
  }
  return done(current, '');
}

function addControlPlane(plan: Plan, hardwareId: string, rackId: string): ActionResult {
  const idx = indexPlan(plan);
  const rack = idx.racks.get(rackId);
  const hw = idx.hardware.get(hardwareId);
  if (!rack || !hw) return refuse(`no rack "${rackId}" or hardware "${hardwareId}"`);
  const u = nearestFreeU(rack, hw.heightU, idx.spans.get(rackId) ?? []);
  if (u === null) return refuse(`no free ${hw.heightU} U slot in ${rack.name}`);
  return placeNode(plan, { hardwareId, rackId, positionU: u, role: 'controlplane' });
}

/** The storage label and a NoSchedule taint with the same key, as the reference architecture asks. */
function dedicate(n: PlanNode): PlanNode {
  const taints = n.taints.some((t) => t.key === STORAGE_ROLE && t.effect === 'NoSchedule')
    ? n.taints
    : [...n.taints, { key: STORAGE_ROLE, value: '', effect: 'NoSchedule' as const }];
  return { ...n, labels: { ...n.labels, [STORAGE_ROLE]: '' }, taints };
}

function editNodes(plan: Plan, ids: readonly string[], edit: (n: PlanNode) => PlanNode): ActionResult {
  const want = new Set(ids);
  const nodes = plan.nodes.map((n) => (want.has(n.id) ? edit(n) : n));
  const next = { ...plan, nodes };
  for (let i = 0; i < nodes.length; i++) {
    if (!want.has(nodes[i].id)) continue;
    const issues = checkNodeInPlan(next, i);
    if (issues.length > 0) return refuse(`${issues[0].path}: ${issues[0].message}`);
  }
  return done(next, '');
}
