import type { Finding } from '../../finding';
import { sizingMinimums } from '../../controlPlane/sizing';
import { etcdDisk } from '../../controlPlane/members';
import { topologyOf } from '../../topology';
import { nameList, raSource, type PlanRule } from '../rule';

const ID = 'RA-CP-SIZE';
const GB_PER_GIB = 2 ** 30 / 1e9;

/**
 * RA-CP-SIZE: control-plane minimums by cluster size (fewer than 100 workers: 4 cores, 8 GB,
 * 40 GB; more: 8 cores, 32 GB, 40 GB). Each hardware profile the members run on is compared with
 * the minimum for the plan's worker count (from the control-plane report's demand); a profile
 * below it is an error naming the members on it.
 */
export const cpSize: PlanRule = {
  id: ID,
  title: 'Control-plane nodes meet the minimum size',
  source: raSource(
    ID,
    'control-plane nodes need at least 4 cores, 8 GB of memory and 40 GB of NVMe below 100 workers, and 8 cores, 32 GB and 40 GB above; size by testing real workloads, since churn, namespaces and expensive API calls need more.',
  ),
  check(input) {
    const cp = input.report.controlPlane;
    const topo = topologyOf(input.plan);
    const workers = cp.sizing.demand.workers;
    const min = sizingMinimums(workers);
    const out: Finding[] = [];
    for (const hwId of new Set(cp.members.map((m) => m.hardwareId))) {
      const hw = topo.hardwareById.get(hwId);
      if (!hw) continue;
      const members = cp.members.filter((m) => m.hardwareId === hwId);
      const memGB = hw.memoryGiB * GB_PER_GIB;
      const disk = etcdDisk(hw.disks).capacityGB;
      const short: string[] = [];
      if (hw.cores < min.cores) short.push(`${hw.cores} cores < ${min.cores}`);
      if (memGB < min.memoryGB) short.push(`${Math.round(memGB * 10) / 10} GB memory < ${min.memoryGB} GB`);
      if (disk < min.diskGB) short.push(`${disk} GB system disk < ${min.diskGB} GB`);
      if (short.length === 0) continue;
      out.push({
        ruleId: ID,
        severity: 'error',
        source: this.source,
        message: `${nameList(members.map((m) => m.name))} (${hw.name}) are below the control-plane minimum for ${workers} workers: ${short.join(', ')}`,
        why: `with ${workers} workers the API server, etcd and controllers need at least ${min.cores} cores and ${min.memoryGB} GB; below that they run out of memory or CPU under churn`,
        figure: { label: 'memory per control plane', value: Math.round(memGB * 10) / 10, unit: 'GB' },
        subjects: { nodes: members.map((m) => m.id) },
      });
    }
    return out;
  },
};
