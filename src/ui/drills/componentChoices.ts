import type { Plan } from '../../plan/schema';
import { displayName } from '../displayName';

/** One component the drill builder can fail, with the chaos-tool word for what failing it rehearses. */
export interface ComponentChoice {
  id: string;
  /** The chaos-engineering name of the experiment (LitmusChaos / Chaos Mesh vocabulary where one exists). */
  action: string;
  label: string;
}

/**
 * Every component of the plan a drill can fail, in the order a planner scans them: sites, site
 * links, rooms, rows, racks with their switches and feeds, nodes, then data disks. Names are the
 * plan's display names (never HTML); ids are `componentId`'s.
 */
export function componentChoices(plan: Plan): ComponentChoice[] {
  const out: ComponentChoice[] = [];
  const site = new Map(plan.sites.map((s) => [s.id, displayName(s.name)]));
  for (const s of plan.sites) out.push({ id: `site:${s.id}`, action: 'site-loss', label: `site ${displayName(s.name)}` });
  for (let i = 0; i < plan.sites.length; i++) {
    for (let j = i + 1; j < plan.sites.length; j++) {
      const [a, b] = [plan.sites[i].id, plan.sites[j].id].sort();
      out.push({ id: `siteLink:${a}|${b}`, action: 'network-partition', label: `link ${site.get(a)} ↔ ${site.get(b)}` });
    }
  }
  for (const r of plan.rooms) out.push({ id: `room:${r.id}`, action: 'room-loss', label: `room ${displayName(r.name)}` });
  for (const r of plan.rows) out.push({ id: `row:${r.id}`, action: 'row-loss', label: `row ${displayName(r.name)}` });
  for (const r of plan.racks) {
    const rack = displayName(r.name);
    out.push({ id: `rack:${r.id}`, action: 'rack-loss', label: `rack ${rack}` });
    for (const t of r.tor.count === 2 ? ['A', 'B'] : ['A'])
      out.push({ id: `tor:${r.id}/${t}`, action: 'network-partition', label: `ToR ${t} of rack ${rack}` });
    for (const f of r.feeds) out.push({ id: `feed:${r.id}/${f.id}`, action: 'power-feed-loss', label: `feed ${f.id} of rack ${rack}` });
  }
  for (const n of plan.nodes) out.push({ id: `node:${n.id}`, action: 'node-restart', label: `node ${displayName(n.name)} (${n.role})` });
  const hardware = new Map(plan.hardware.map((h) => [h.id, h]));
  for (const n of plan.nodes) {
    let slot = 0;
    for (const d of hardware.get(n.hardwareId)?.disks ?? []) {
      if (d.purpose !== 'data') continue;
      for (let k = 0; k < d.count; k++, slot++)
        out.push({ id: `disk:${n.id}/${slot}`, action: 'disk-loss', label: `disk ${slot} (${d.class}) of node ${displayName(n.name)}` });
    }
  }
  return out;
}

/**
 * The choices whose action, label or id contain every word of `query` (case-insensitive), at most
 * `limit` of them: "r2 feed" finds both feeds of rack R2. An empty query matches everything.
 */
export function matchChoices(choices: readonly ComponentChoice[], query: string, limit: number): ComponentChoice[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: ComponentChoice[] = [];
  for (const c of choices) {
    if (out.length >= limit) break;
    const hay = `${c.action} ${c.label} ${c.id}`.toLowerCase();
    if (words.every((w) => hay.includes(w))) out.push(c);
  }
  return out;
}
