import { describe, expect, it } from 'vitest';
import { addRoom, addRow, addSite } from '../../../src/editor/actions/locations';
import { planIds } from '../../../src/editor/naming';
import { referencePlan } from '../../../src/plan/samples/samples';
import { validatePlan } from '../../../src/plan/validate';
import type { Plan } from '../../../src/plan/schema';

/** The reference plan with one node renamed to `id`: ids share one namespace, so a new location must avoid it. */
function withNodeId(id: string): Plan {
  const plan = referencePlan();
  return { ...plan, nodes: plan.nodes.map((n, i) => (i === 0 ? { ...n, id } : n)) };
}

describe('addSite / addRoom / addRow(plan) ids', () => {
  it('addSite(plan) never takes an id a node already has', () => {
    const plan = withNodeId('site-2');
    const r = addSite(plan);
    if (!r.ok) throw new Error(r.reason);
    const site = r.plan.sites.at(-1)!;
    expect(site.id).toBe('site-2-2');
    expect(validatePlan(r.plan).ok).toBe(true);
  });

  it('addRoom and addRow give ids unique across every collection of the plan', () => {
    let plan = referencePlan();
    const site = plan.sites[0];
    plan = withNodeId(`${site.id}-room-${plan.rooms.filter((r) => r.siteId === site.id).length + 1}`);
    const room = addRoom(plan, { siteId: site.id });
    if (!room.ok) throw new Error(room.reason);
    const newRoom = room.plan.rooms.at(-1)!;
    expect(planIds(plan).has(newRoom.id)).toBe(false);
    const row = addRow(room.plan, { roomId: newRoom.id });
    if (!row.ok) throw new Error(row.reason);
    expect(planIds(room.plan).has(row.plan.rows.at(-1)!.id)).toBe(false);
    expect(validatePlan(row.plan).ok).toBe(true);
  });
});
