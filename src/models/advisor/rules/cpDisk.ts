import type { Finding } from '../../finding';
import { DISK_CLASSES } from '../../../plan/diskClasses';
import { sig } from '../../../format/units';
import { nameList, raSource, type PlanRule } from '../rule';

const ID = 'RA-CP-DISK';
const NVME = new Set(['nvme-enterprise', 'nvme-consumer']);

/**
 * RA-CP-DISK: locally attached NVMe for control-plane nodes. Reads each member's etcd disk class
 * and fsync p99 from the control-plane report; any member off local NVMe is a warning with its
 * fsync figure against enterprise NVMe's (ETCD-FSYNC is the error when it breaks etcd's 10 ms).
 */
export const cpDisk: PlanRule = {
  id: ID,
  title: 'Control planes on local NVMe',
  source: raSource(ID, 'give control-plane nodes locally attached NVMe: the API server and etcd need fast disk I/O.'),
  check(input) {
    const cp = input.report.controlPlane;
    const off = cp.members.filter((m) => !NVME.has(m.diskClass));
    if (off.length === 0) return [];
    const worst = off.reduce((a, b) => (b.fsyncP99Ms > a.fsyncP99Ms ? b : a));
    const f: Finding = {
      ruleId: ID,
      severity: 'warning',
      source: this.source,
      message: `${nameList(off.map((m) => m.name))} keep etcd on ${[...new Set(off.map((m) => m.diskClass))].join(' and ')}, not local NVMe`,
      why: `every etcd write waits for an fsync: ${worst.name}'s p99 is ${sig(worst.fsyncP99Ms)} ms against ${DISK_CLASSES['nvme-enterprise'].fsyncP99Ms} ms on enterprise NVMe`,
      figure: { label: `fsync p99 on ${worst.name}`, value: worst.fsyncP99Ms, unit: 'ms' },
      subjects: { nodes: off.map((m) => m.id) },
    };
    return [f];
  },
};
