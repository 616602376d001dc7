import { topologyOf } from '../../topology';
import { DISK_CLASSES } from '../../../plan/diskClasses';
import { nameList, raSource, type PlanRule } from '../rule';

const ID = 'RA-STORAGE-MEDIA';

/**
 * RA-STORAGE-MEDIA: SSD or NVMe for storage. Storage nodes with spinning data disks are a
 * warning with the rebuild time the storage model predicts for losing one of them.
 */
export const storageMedia: PlanRule = {
  id: ID,
  title: 'SSD or NVMe storage',
  source: raSource(ID, 'use SSD or NVMe for storage that must perform.'),
  check({ plan, report }) {
    if (report.storage.provider === 'none') return [];
    const topo = topologyOf(plan);
    const hdd = topo.places.filter((p) => p.node.role === 'storage' && p.hardware.disks.some((d) => d.purpose === 'data' && !DISK_CLASSES[d.class].solidState));
    if (hdd.length === 0) return [];
    const node = report.storage.failures.find((f) => f.id === 'node');
    const restored = node?.rebuild.timeline.restoredAtS ?? null;
    const hours = restored !== null && Number.isFinite(restored) ? restored / 3600 : null;
    return [
      {
        ruleId: ID,
        severity: 'warning',
        source: this.source,
        message: `storage node(s) ${nameList(hdd.map((p) => p.node.name))} keep data on spinning disks`,
        why:
          hours !== null
            ? `client I/O is slow and rebuilds are long: losing a storage node takes about ${hours.toFixed(1)} h to re-replicate, exposed to a second failure all that time`
            : 'client I/O is slow and rebuilds are long, exposed to a second failure all that time',
        figure: hours !== null ? { label: 'rebuild after a node loss', value: Math.round(hours * 10) / 10, unit: 'h' } : undefined,
        subjects: { nodes: hdd.map((p) => p.node.id) },
      },
    ];
  },
};
