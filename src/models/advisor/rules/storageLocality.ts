import { topologyOf } from '../../topology';
import { nameList, raSource, type PlanRule } from '../rule';

const ID = 'RA-STORAGE-LOCALITY';

/**
 * RA-STORAGE-LOCALITY: storage nodes close together. Storage nodes in more than one site is an
 * error (replication crosses the WAN), in more than one room a warning. Racks in one room are
 * fine: the models spread replicas over racks for resilience.
 */
export const storageLocality: PlanRule = {
  id: ID,
  title: 'Storage nodes close together',
  source: raSource(ID, 'keep storage nodes close to each other (behind the same switching) for replication throughput.'),
  check({ plan, report }) {
    if (report.storage.provider === 'none' || report.storage.provider === 'local-path') return [];
    const topo = topologyOf(plan);
    const places = topo.places.filter((p) =>
      report.storage.basis === 'data-disks' ? p.hardware.disks.some((d) => d.purpose === 'data') : p.node.role === 'storage',
    );
    const sites = new Set(places.map((p) => p.site.name));
    const rooms = new Set(places.map((p) => p.room.id));
    const subjects = { nodes: places.map((p) => p.node.id) };
    if (sites.size > 1) {
      const link = Math.min(...plan.sites.filter((s) => sites.has(s.name)).map((s) => s.wanGbps));
      return [
        {
          ruleId: ID,
          severity: 'error',
          source: this.source,
          message: `storage nodes span ${sites.size} sites (${nameList([...sites])})`,
          why: `every write is replicated across the WAN: ${plan.network.rtt.crossSiteMs} ms RTT and a ${link} Gbit/s link bound writes and rebuilds`,
          figure: { label: 'site link', value: link, unit: 'Gbit/s' },
          subjects,
        },
      ];
    }
    if (rooms.size > 1) {
      return [
        {
          ruleId: ID,
          severity: 'warning',
          source: this.source,
          message: `storage nodes span ${rooms.size} rooms`,
          why: `replication crosses the room cores (${plan.network.rtt.crossRoomMs} ms RTT) instead of one switching fabric`,
          figure: { label: 'cross-room RTT', value: plan.network.rtt.crossRoomMs, unit: 'ms' },
          subjects,
        },
      ];
    }
    return [];
  },
};
