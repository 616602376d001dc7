import { componentId, dataDiskSlots } from '../failures';
import { blastRadius, severityOf, type BlastRadius } from './health';
import { scenarioCore, type HardComponent } from './scenarioCore';
import type { SweepBasis } from './sweepBasis';

/** One failure set a sweep tries. */
export interface SweepScenario {
  /** Component ids joined with " + " (`rack:R1 + rack:R2`). */
  id: string;
  components: HardComponent[];
  /**
   * Whether the CI gate judges this scenario. A row, room or site holding every rack of the plan
   * is not: no layout survives losing all of it, so it says nothing about the plan.
   */
  gated: boolean;
}

/** One row of a sweep's table: what the failure did, compactly (open the drill for the full health). */
export interface SweepRow {
  id: string;
  gated: boolean;
  severity: number;
  blast: BlastRadius;
  nodesDown: number;
  membersUp: number;
  members: number;
  unitsUnavailable: number;
  unitsLost: number;
  /** Expected volumes touched by an unavailable or lost unit. */
  volumesUnavailable: number;
  capacityFits: boolean;
  apiNodesWithout: number;
  feedsOverCapacity: string[];
  /** Racks dark, for the heat map. */
  racksDown: string[];
}

export interface SweepOptions {
  /** Add every pair of racks and every pair of feeds (N-2). */
  pairs?: boolean;
}

/**
 * Every single-component failure of a plan (N-1): each node, data disk, rack, switch, feed,
 * power circuit, row, room and site; with `pairs`, every pair of racks and every pair of feeds
 * (N-2). Site links are left to drills: with sites fully meshed, one link down partitions nothing.
 */
export function sweepScenarios(b: SweepBasis, options: SweepOptions = {}): SweepScenario[] {
  const plan = b.plan;
  const out: HardComponent[][] = [];
  for (const p of b.topology.places) {
    out.push([{ kind: 'node', nodeId: p.node.id }]);
    for (let s = 0; s < dataDiskSlots(p); s++) out.push([{ kind: 'disk', nodeId: p.node.id, slot: s }]);
  }
  const feeds: HardComponent[] = [];
  for (const r of plan.racks) {
    out.push([{ kind: 'rack', rackId: r.id }]);
    out.push([{ kind: 'tor', rackId: r.id, tor: 'A' }]);
    if (r.tor.count === 2) out.push([{ kind: 'tor', rackId: r.id, tor: 'B' }]);
    for (const f of r.feeds) feeds.push({ kind: 'feed', rackId: r.id, feed: f.id });
  }
  for (const f of feeds) out.push([f]);
  for (const c of [...b.racksByCircuit.keys()].sort()) out.push([{ kind: 'circuit', circuit: c }]);
  for (const r of plan.rows) out.push([{ kind: 'row', rowId: r.id }]);
  for (const r of plan.rooms) out.push([{ kind: 'room', roomId: r.id }]);
  for (const s of plan.sites) out.push([{ kind: 'site', siteId: s.id }]);
  if (options.pairs) {
    const racks = plan.racks;
    for (let i = 0; i < racks.length; i++)
      for (let j = i + 1; j < racks.length; j++)
        out.push([
          { kind: 'rack', rackId: racks[i].id },
          { kind: 'rack', rackId: racks[j].id },
        ]);
    for (let i = 0; i < feeds.length; i++) for (let j = i + 1; j < feeds.length; j++) out.push([feeds[i], feeds[j]]);
  }
  const everything = (c: HardComponent) => {
    const racks =
      c.kind === 'row'
        ? b.racksByRow.get(c.rowId)
        : c.kind === 'room'
          ? b.racksByRoom.get(c.roomId)
          : c.kind === 'site'
            ? b.racksBySite.get(c.siteId)
            : undefined;
    return racks !== undefined && racks.length === plan.racks.length;
  };
  return out.map((components) => ({ id: components.map(componentId).join(' + '), components, gated: !components.some(everything) }));
}

/** Runs scenarios `[start, end)` of a sweep: one delta health each (see `scenarioCore`). Pure, so chunks can run anywhere. */
export function sweepChunk(b: SweepBasis, scenarios: readonly SweepScenario[], start: number, end: number): SweepRow[] {
  const rows: SweepRow[] = [];
  for (let k = start; k < Math.min(end, scenarios.length); k++) {
    const s = scenarios[k];
    const core = scenarioCore(b, s.components);
    // The table needs the flags, not the panel's sentences: skip `composeHealth`'s text.
    const blast = blastRadius(core, b.base);
    rows.push({
      id: s.id,
      gated: s.gated,
      severity: severityOf(blast, core),
      blast,
      nodesDown: core.nodes.down,
      membersUp: core.quorum.membersUp,
      members: core.quorum.members,
      unitsUnavailable: core.storage?.units.unavailable ?? 0,
      unitsLost: core.storage?.units.lost ?? 0,
      volumesUnavailable: core.storage?.volumes.unavailable ?? 0,
      capacityFits: core.capacity.fits,
      apiNodesWithout: core.api.nodesWithout,
      feedsOverCapacity: core.power.feedsOverCapacity.map((f) => f.feed),
      racksDown: core.power.racksDown.map((r) => r.rackId),
    });
  }
  return rows;
}

/** Worst first: by severity (blast flags, then nodes down), then id for a stable order. */
export function rankSweep(rows: readonly SweepRow[]): SweepRow[] {
  return [...rows].sort((a, b) => b.severity - a.severity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface SweepSummary {
  scenarios: number;
  /** Count of scenarios with each blast flag. */
  counts: Record<keyof BlastRadius, number>;
  /** Single failures (N-1) the gate judges that lose quorum or data: the CI gate fails when any. */
  gateFailures: string[];
}

/** Counts per blast flag and the N-1 scenarios that fail the gate (quorum or data lost). */
export function summariseSweep(rows: readonly SweepRow[]): SweepSummary {
  const counts: SweepSummary['counts'] = { quorumLost: 0, dataLost: 0, dataUnavailable: 0, capacityShort: 0, apiUnreachable: 0, powerOverCapacity: 0 };
  const gate: string[] = [];
  for (const r of rows) {
    for (const k of Object.keys(counts) as (keyof BlastRadius)[]) if (r.blast[k]) counts[k]++;
    if (r.gated && !r.id.includes(' + ') && (r.blast.quorumLost || r.blast.dataLost)) gate.push(r.id);
  }
  return { scenarios: rows.length, counts, gateFailures: gate };
}

/** Runs a whole sweep in one go (the CLI; the UI splits it over the worker pool with `sweepChunk`). */
export function runSweep(b: SweepBasis, options: SweepOptions = {}): { rows: SweepRow[]; summary: SweepSummary } {
  const scenarios = sweepScenarios(b, options);
  const rows = rankSweep(sweepChunk(b, scenarios, 0, scenarios.length));
  return { rows, summary: summariseSweep(rows) };
}
