import { raSource, type PlanRule } from '../rule';

const ID = 'RA-STORAGE-COUNT';
const REPLICATING = new Set(['longhorn', 'ceph', 'mayastor']);

/**
 * RA-STORAGE-COUNT: three or more storage nodes. Reads the storage report: a replicating provider
 * on fewer nodes than one unit's width (replicas, size or k + m) is an error (copies have nowhere
 * to go); on fewer than three a warning.
 */
export const storageCount: PlanRule = {
  id: ID,
  title: 'Three or more storage nodes',
  source: raSource(ID, 'dedicated storage nodes are optional; when used, run three or more, since more storage nodes tolerate more failures.'),
  check({ plan, report }) {
    const s = report.storage;
    if (!REPLICATING.has(s.provider) || s.nodes === 0 || (s.nodes >= 3 && s.nodes >= s.placement.width)) return [];
    const ids = plan.nodes.filter((n) => (s.basis === 'data-disks' ? true : n.role === 'storage')).map((n) => n.id);
    const names = plan.nodes
      .filter((n) => ids.includes(n.id))
      .map((n) => n.name)
      .slice(0, 6);
    const short = s.nodes < s.placement.width;
    return [
      {
        ruleId: ID,
        severity: short ? 'error' : 'warning',
        source: this.source,
        message: `only ${s.nodes} storage node(s) (${names.join(', ')}) for ${s.provider}`,
        why: short
          ? `each ${s.placement.unitKind === 'pg' ? 'PG' : 'volume'} needs ${s.placement.width} copies on separate nodes: ${s.placement.undersizedUnits} of ${s.placement.units} are degraded from day one`
          : `${s.nodes} nodes leave no spare to rebuild onto after a loss`,
        figure: { label: 'storage nodes', value: s.nodes, unit: 'nodes' },
        subjects: { nodes: ids },
      },
    ];
  },
};
