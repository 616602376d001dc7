import type { Finding } from '../../finding';
import type { FailureLevel } from '../../controlPlane/failureDomains';
import { topologyOf } from '../../topology';
import { raSource, type PlanRule } from '../rule';

const ID = 'CP-SINGLE-FAILURE';

const LEVELS: readonly FailureLevel[] = ['tor', 'power', 'row', 'room'];

/**
 * A single switch, power feed or circuit, row or room whose loss alone loses etcd quorum (read
 * from the control plane's failure-domain tolerance; racks are RA-CP-RACKS, nodes RA-CP-COUNT).
 * Always an error, except a row or room that holds every node of its site: that is the site
 * itself, and the reference architecture keeps the control plane in one data center, so no
 * placement inside the plan avoids it (sites are left to the planner's disaster recovery).
 */
export const cpSingleFailure: PlanRule = {
  id: ID,
  title: 'No single switch, feed, row or room takes quorum',
  source: raSource(
    'RA-CP-RACKS',
    'the control plane must survive the loss of any one of its failure domains; the reference architecture spreads it over racks, so their switches and power feeds must not be shared single points either.',
  ),
  check(input) {
    const cp = input.report.controlPlane;
    const topo = topologyOf(input.plan);
    const out: Finding[] = [];
    // Node counts per row, room and site, summed from the racks' lists the first time a row or
    // room is critical: O(racks), not a pass over every node per critical domain.
    let counts: { row: Map<string, number>; room: Map<string, number>; site: Map<string, number> } | undefined;
    const countsOf = () => {
      if (counts) return counts;
      const c = (counts = { row: new Map<string, number>(), room: new Map<string, number>(), site: new Map<string, number>() });
      const add = (m: Map<string, number>, id: string, n: number) => m.set(id, (m.get(id) ?? 0) + n);
      for (const list of topo.nodesByRack.values()) {
        // Every place of one rack's list has that rack's row, room and site.
        if (list.length === 0) continue;
        const { row, room, site } = list[0];
        add(c.row, row.id, list.length);
        add(c.room, room.id, list.length);
        add(c.site, site.id, list.length);
      }
      return c;
    };
    for (const level of LEVELS) {
      const t = cp.tolerance.find((x) => x.level === level);
      for (const c of t?.critical ?? []) {
        const [, domain] = c.domainId.split(/:(.*)/s);
        if (level === 'row' || level === 'room') {
          const siteId = level === 'row' ? topo.roomById.get(topo.rowById.get(domain)?.roomId ?? '')?.siteId : topo.roomById.get(domain)?.siteId;
          const c = countsOf();
          const inDomain = (level === 'row' ? c.row : c.room).get(domain) ?? 0;
          if (inDomain === (siteId === undefined ? 0 : (c.site.get(siteId) ?? 0))) continue;
        }
        const ids = cp.members.filter((m) => c.members.includes(m.name)).map((m) => m.id);
        const racks = [...new Set(ids.map((id) => topo.placeById.get(id)?.rack.id ?? ''))];
        out.push({
          ruleId: ID,
          severity: 'error',
          source: this.source,
          message: `${c.label} is a single point of failure for control planes ${c.members.join(', ')}`,
          why: `losing ${c.label} loses quorum: ${c.members.length} of ${cp.quorum.members} members depend on it (quorum ${cp.quorum.quorum})`,
          figure: { label: `members down with ${c.label}`, value: c.members.length, unit: 'members' },
          subjects: { nodes: ids, racks },
        });
      }
    }
    return out;
  },
};
