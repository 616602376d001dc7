import type { Plan } from '../plan/schema';
import { escapeHtml as esc } from './escape';

const U_PX = 10;
const RACK_W = 150;
const GAP = 28;
const TOP = 34;
const ROLE_FILL: Record<string, string> = { controlplane: '#3b82f6', worker: '#10b981', storage: '#f59e0b' };

/**
 * Front elevations for the printed report, one SVG per row of racks, as text: frames, switches at
 * the top, each node a box with its name, U1 at the bottom as staff read it. Racks an error
 * finding names get a red frame. Every name goes through HTML escaping; no DOM is needed, so the
 * CLI and the browser print the same page.
 */
export function rowElevations(plan: Plan, errorRacks: ReadonlySet<string>): { title: string; svg: string }[] {
  const hw = new Map(plan.hardware.map((h) => [h.id, h]));
  const rooms = new Map(plan.rooms.map((r) => [r.id, r]));
  const sites = new Map(plan.sites.map((s) => [s.id, s]));
  const nodesByRack = new Map<string, Plan['nodes']>();
  for (const n of plan.nodes) nodesByRack.set(n.rackId, [...(nodesByRack.get(n.rackId) ?? []), n]);
  const out: { title: string; svg: string }[] = [];
  for (const row of plan.rows) {
    const racks = plan.racks.filter((r) => r.rowId === row.id);
    if (racks.length === 0) continue;
    const room = rooms.get(row.roomId);
    const site = room ? sites.get(room.siteId) : undefined;
    const title = `${site?.name ?? ''} / ${room?.name ?? ''} / ${row.name}`;
    const tallest = Math.max(...racks.map((r) => r.heightU));
    const width = racks.length * (RACK_W + GAP) + GAP;
    const height = TOP + tallest * U_PX + 12;
    const parts: string[] = [];
    racks.forEach((rack, i) => {
      const x = GAP + i * (RACK_W + GAP);
      const y = TOP + (tallest - rack.heightU) * U_PX;
      const h = rack.heightU * U_PX;
      const bad = errorRacks.has(rack.id);
      parts.push(
        `<text class="rack-name${bad ? ' bad' : ''}" x="${x + RACK_W / 2}" y="${y - 8}" text-anchor="middle">${esc(rack.name)}${bad ? ' (error)' : ''}</text>`,
        `<rect class="frame${bad ? ' bad' : ''}" x="${x}" y="${y}" width="${RACK_W}" height="${h}"/>`,
      );
      const switchU = rack.tor.count * rack.tor.heightU;
      if (switchU > 0) parts.push(`<rect class="switch" x="${x + 3}" y="${y + 1}" width="${RACK_W - 6}" height="${switchU * U_PX - 2}"/>`);
      for (const n of nodesByRack.get(rack.id) ?? []) {
        const hu = hw.get(n.hardwareId)?.heightU ?? 1;
        const ny = y + (rack.heightU - (n.positionU + hu - 1)) * U_PX + 1;
        parts.push(
          `<rect class="node" fill="${ROLE_FILL[n.role]}" x="${x + 3}" y="${ny}" width="${RACK_W - 6}" height="${hu * U_PX - 2}"/>`,
          `<text class="node-name" x="${x + 7}" y="${ny + Math.min(hu * U_PX - 2, 9)}">${esc(n.name)} · U${n.positionU}</text>`,
        );
      }
    });
    out.push({
      title,
      svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" role="img" aria-label="${esc(`Elevation of ${title}`)}">${parts.join('')}</svg>`,
    });
  }
  return out;
}
