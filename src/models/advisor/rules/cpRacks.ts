import type { Finding, FindingFix } from '../../finding';
import { topologyOf } from '../../topology';
import { racksWithRoom } from '../fixTargets';
import { nameList, raSource, type PlanRule, type RuleInput } from '../rule';

const ID = 'RA-CP-RACKS';

/**
 * RA-CP-RACKS: control planes in different racks of one data center. Reads the control plane's
 * rack-level failure-domain tolerance: a rack holding more members than etcd tolerates losing is
 * an error ("losing rack R1 loses quorum: 2 of 3 members are in it"); members sharing a rack
 * without that is a warning; members in more than one site a warning (the RA keeps them in one
 * data center, and RA-CP-RTT bounds their distance).
 */
export const cpRacks: PlanRule = {
  id: ID,
  title: 'Control planes in different racks',
  source: raSource(
    ID,
    'place the control-plane nodes in different racks on the same network within one data center, so a rack, its switches or its power take at most one of them.',
  ),
  check(input) {
    const cp = input.report.controlPlane;
    const topo = topologyOf(input.plan);
    const rackLevel = cp.tolerance.find((t) => t.level === 'rack');
    const out: Finding[] = [];
    const byRack = new Map<string, string[]>();
    for (const m of cp.members) {
      const rackId = topo.placeById.get(m.id)?.rack.id ?? m.rack;
      byRack.set(rackId, [...(byRack.get(rackId) ?? []), m.id]);
    }
    const name = (id: string) => topo.placeById.get(id)?.node.name ?? id;
    const rackName = (id: string) => topo.rackById.get(id)?.name ?? id;
    const critical = new Set<string>();
    for (const c of rackLevel?.critical ?? []) {
      const rackId = c.domainId.replace(/^rack:/, '');
      const ids = byRack.get(rackId) ?? [];
      // A critical rack with one member means two or fewer members in all: RA-CP-COUNT's finding.
      if (ids.length < 2) continue;
      critical.add(rackId);
      out.push({
        ruleId: ID,
        severity: 'error',
        source: this.source,
        message: `control planes ${nameList(ids.map(name))} share rack ${rackName(rackId)}`,
        why: `losing rack ${rackName(rackId)} loses quorum: ${ids.length} of ${cp.quorum.members} members are in it (quorum ${cp.quorum.quorum})`,
        figure: { label: `members in rack ${rackName(rackId)}`, value: ids.length, unit: 'members' },
        subjects: { nodes: ids, racks: [rackId] },
        fix: spreadFix(input, byRack, rackId),
      });
    }
    for (const [rackId, ids] of byRack) {
      if (ids.length < 2 || critical.has(rackId)) continue;
      out.push({
        ruleId: ID,
        severity: 'warning',
        source: this.source,
        message: `control planes ${nameList(ids.map(name))} share rack ${rackName(rackId)}`,
        why: `losing rack ${rackName(rackId)} takes ${ids.length} of ${cp.quorum.members} members at once and leaves ${cp.quorum.toleratedFailures - ids.length} failure(s) of margin`,
        figure: { label: `members in rack ${rackName(rackId)}`, value: ids.length, unit: 'members' },
        subjects: { nodes: ids, racks: [rackId] },
        fix: spreadFix(input, byRack, rackId),
      });
    }
    const sites = new Set(cp.members.map((m) => topo.placeById.get(m.id)?.site.name ?? ''));
    if (sites.size > 1) {
      out.push({
        ruleId: ID,
        severity: 'warning',
        source: this.source,
        message: `the control planes span ${sites.size} sites (${nameList([...sites])})`,
        why: `every etcd write crosses the sites: the largest RTT between members is ${cp.rtt.maxMs} ms`,
        figure: { label: 'largest member RTT', value: cp.rtt.maxMs, unit: 'ms' },
        subjects: { nodes: cp.members.map((m) => m.id) },
      });
    }
    return out;
  },
};

/** Moves all but one member of the shared rack to racks with room that hold no member. */
function spreadFix(input: RuleInput, byRack: Map<string, string[]>, rackId: string): FindingFix | undefined {
  const topo = topologyOf(input.plan);
  const ids = byRack.get(rackId) ?? [];
  const movers = ids.slice(1);
  const taken = new Set(byRack.keys());
  const moves: { nodeId: string; rackId: string }[] = [];
  const labels: string[] = [];
  for (const id of movers) {
    const place = topo.placeById.get(id);
    if (!place) return undefined;
    const target = racksWithRoom(input, place.hardware.heightU, taken, new Set([place.site.id]))[0];
    if (!target) return undefined;
    taken.add(target.id);
    moves.push({ nodeId: id, rackId: target.id });
    labels.push(`${place.node.name} to rack ${target.name}`);
  }
  return moves.length > 0 ? { kind: 'moveNodes', label: `Move ${nameList(labels)}`, moves } : undefined;
}
