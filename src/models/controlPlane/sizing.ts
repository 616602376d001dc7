import type { Hardware } from '../../plan/schema';
import { diskSpec } from '../../plan/diskClasses';
import { coreEquivalents, type ControlPlaneAssumptions } from './assumptions';
import { etcdDisk } from './members';
import { pct, sig as fmt } from '../../format/units';

/** What the control plane must carry, from the etcd load model and the workload. */
export interface ControlPlaneDemand {
  members: number;
  workers: number;
  nodes: number;
  writesPerS: number;
  readsPerS: number;
  linearizableReads: boolean;
  podChurnPerS: number;
  /** API requests/s (etcd writes, workload reads, kubelet Node reads), watches, watch fan-out and relist size, from `apiServerLoad`. */
  apiRequestsPerS: number;
  watchers: number;
  watchEventsPerS: number;
  watchBytesPerS: number;
  relistBytesPerNode: number;
  /** Mean bytes of an etcd write (for the watch-cache history). */
  meanWriteBytes: number;
  liveBytes: number;
  dbBytes: number;
  quotaBytes: number;
  etcdMemoryBytes: number;
}

export interface NodeUse {
  /** Balanced-core equivalents busy on the most loaded control-plane node (the etcd leader). */
  cpuCores: number;
  memoryGiB: number;
  parts: { label: string; cpuCores: number; memoryGiB: number }[];
}

const GIB = 2 ** 30;
const GB_PER_GIB = GIB / 1e9;
/** RA-CP-HEADROOM: scale the control plane up past 60 % CPU or memory use. */
export const HEADROOM = 0.6;
/** etcd FAQ: WAL fsync p99 should stay below 10 ms. */
export const MAX_FSYNC_P99_MS = 10;

/**
 * etcd's disk rule, the one sizing, the ETCD-FSYNC finding and the headline's write-latency
 * verdict all apply: a WAL whose fsync p99 (ms) is above 10 ms is too slow (etcd FAQ,
 * https://etcd.io/docs/v3.5/faq/), whatever commit latency it adds up to: a slow fsync delays
 * heartbeats and proposals, so leaders are lost under load before any API SLO is broken.
 * Example: walFsyncTooSlow(20.8) is true, walFsyncTooSlow(0.15) (enterprise NVMe) false.
 */
export function walFsyncTooSlow(fsyncP99Ms: number): boolean {
  return fsyncP99Ms > MAX_FSYNC_P99_MS;
}

/**
 * CPU and memory of the most loaded control-plane node when `serving` of the `members` API
 * servers share the load (all of them, or n − 1 with one down). The etcd leader and the active
 * controller-manager / scheduler land on one node, so they are counted whole.
 *   API server CPU = (requests · c_api + events · c_event + event bytes / send rate) / serving
 *                    + relist: (N / members) · relist bytes / window / encode rate / serving   [one down only]
 *   etcd CPU       = W · c_w + R / serving · c_r
 *   memory         = base + etcd + live · m_api + watchers / serving · b_watch
 *                    + W · write bytes · watch-cache history · m_api + live · m_ctl
 * With one down, the agents of the lost API server's nodes re-list everything they watch from the
 * survivors; that burst, not the steady state, is what sizes a large control plane.
 * Costs: `assumptions.ts` (etcd costs calibrated on etcd op-guide/performance; the rest assumptions).
 */
export function nodeUse(d: ControlPlaneDemand, a: ControlPlaneAssumptions, serving: number): NodeUse {
  const s = Math.max(1, serving);
  const readCost = a.cpuUsPerRead + (d.linearizableReads ? a.cpuUsPerLinearizableRead : 0);
  const lost = Math.max(0, d.members - s);
  const relistBytesPerS = d.members > 0 ? (((d.nodes * lost) / d.members) * d.relistBytesPerNode) / a.relistWindowS : 0;
  const parts = [
    { label: 'Talos, kubelet and idle control plane', cpuCores: a.baseCpuCores, memoryGiB: a.baseMemoryGiB },
    {
      label: 'kube-apiserver requests',
      cpuCores: ((d.apiRequestsPerS / s) * a.apiServerCpuMsPerRequest) / 1000,
      memoryGiB: (d.liveBytes * a.apiServerMemoryPerDataByte + d.writesPerS * d.meanWriteBytes * a.watchCacheHistoryS * a.apiServerMemoryPerDataByte) / GIB,
    },
    {
      label: 'kube-apiserver watches',
      cpuCores: ((d.watchEventsPerS * a.watchEventUs) / 1e6 + d.watchBytesPerS / (a.watchSendMBpsPerCore * 1e6)) / s,
      memoryGiB: ((d.watchers / s) * a.apiServerBytesPerWatcher) / GIB,
    },
    {
      label: 'kube-apiserver re-lists after an API server loss',
      cpuCores: relistBytesPerS / s / (a.listEncodeMBpsPerCore * 1e6),
      memoryGiB: 0,
    },
    {
      label: 'etcd (leader)',
      cpuCores: (d.writesPerS * a.leaderCpuUsPerWrite + (d.readsPerS / s) * readCost) / 1e6,
      memoryGiB: d.etcdMemoryBytes / GIB,
    },
    {
      label: 'controller-manager and scheduler',
      cpuCores: (d.podChurnPerS * a.controllersCpuMsPerPodChurn) / 1000,
      memoryGiB: (d.liveBytes * a.controllersMemoryPerDataByte) / GIB,
    },
  ];
  return {
    cpuCores: parts.reduce((t, p) => t + p.cpuCores, 0),
    memoryGiB: parts.reduce((t, p) => t + p.memoryGiB, 0),
    parts,
  };
}

export interface Requirement {
  resource: 'cpu' | 'memory' | 'disk' | 'fsync' | 'iops';
  /** Needed per control-plane node, in `unit`. */
  value: number;
  unit: string;
  reasons: string[];
}

export interface SizingMinimums {
  cores: number;
  memoryGB: number;
  diskGB: number;
  source: string;
}

/**
 * The floor a control-plane node must meet whatever the load: RA-CP-SIZE (fewer than 100
 * workers: 4 cores, 8 GB, 40 GB NVMe; more: 8 cores, 32 GB, 40 GB) over the Talos minimum
 * (2 cores, 2 GiB, 10 GiB), since the reference architecture's is the higher.
 */
export function sizingMinimums(workers: number): SizingMinimums {
  return workers < 100
    ? { cores: 4, memoryGB: 8, diskGB: 40, source: 'RA-CP-SIZE (< 100 workers)' }
    : { cores: 8, memoryGB: 32, diskGB: 40, source: 'RA-CP-SIZE (≥ 100 workers)' };
}

export type EtcdClass = 'small' | 'medium' | 'large' | 'xlarge';

/**
 * etcd op-guide/hardware "Example hardware configurations" (AWS and GCE): each class's limits
 * (Kubernetes nodes, client requests/s, data size) and the hardware it advises for etcd alone
 * (vCPU, GB memory, disk IOPS). Past the extra-large class etcd publishes no larger one.
 */
export const ETCD_CLASSES: Record<EtcdClass, { requestsPerS: number; dbBytes: number; nodes: number; cpus: number; memoryGB: number; iops: number }> = {
  small: { requestsPerS: 200, dbBytes: 100e6, nodes: 50, cpus: 2, memoryGB: 8, iops: 3600 },
  medium: { requestsPerS: 1000, dbBytes: 500e6, nodes: 250, cpus: 4, memoryGB: 16, iops: 6000 },
  large: { requestsPerS: 10_000, dbBytes: 1e9, nodes: 1000, cpus: 8, memoryGB: 32, iops: 8000 },
  xlarge: { requestsPerS: 100_000, dbBytes: 10e9, nodes: 3000, cpus: 16, memoryGB: 64, iops: 16_000 },
};

/** The smallest etcd hardware class whose request rate, DB size and Kubernetes node count all fit (extra-large past all of them). */
export function etcdClassOf(requestsPerS: number, dbBytes: number, nodes: number): EtcdClass {
  for (const c of ['small', 'medium', 'large'] as const) {
    const k = ETCD_CLASSES[c];
    if (requestsPerS < k.requestsPerS && dbBytes <= k.dbBytes && nodes <= k.nodes) return c;
  }
  return 'xlarge';
}

/**
 * What each control-plane node needs, with the reasons: CPU and memory so the most loaded node
 * stays under 60 % with one node down (RA-CP-HEADROOM), never under the minimums; disk for Talos
 * plus etcd (quota + one DB copy for defragmentation and snapshots + 5 x 64 MiB WAL segments,
 * etcd --max-wals 5); fsync p99 ≤ 10 ms (etcd FAQ) on local NVMe (RA-CP-DISK); IOPS for one
 * WAL write and one backend write per write at low concurrency, at least 50 (etcd op-guide/hardware).
 */
export function requirements(d: ControlPlaneDemand, a: ControlPlaneAssumptions): Requirement[] {
  const min = sizingMinimums(d.workers);
  const oneDown = nodeUse(d, a, d.members - 1);
  const cls = etcdClassOf(d.writesPerS + d.readsPerS, d.dbBytes, d.nodes);
  const klass = ETCD_CLASSES[cls];
  const etcdDiskGB = (Math.max(d.quotaBytes, d.dbBytes) + d.dbBytes + 5 * 64 * 2 ** 20) / 1e9;
  const diskGB = a.talosDiskGB + etcdDiskGB;
  const iops = Math.max(50, 2 * d.writesPerS);
  const cpu = oneDown.cpuCores / HEADROOM;
  const mem = (oneDown.memoryGiB * GB_PER_GIB) / HEADROOM;
  // etcd's class is advised for etcd alone: on a stacked control plane the rest still needs its share with headroom.
  const etcdPart = oneDown.parts.find((p) => p.label.startsWith('etcd'))!;
  const cpuWithClass = klass.cpus + (oneDown.cpuCores - etcdPart.cpuCores) / HEADROOM;
  const memWithClass = klass.memoryGB + ((oneDown.memoryGiB - etcdPart.memoryGiB) * GB_PER_GIB) / HEADROOM;
  return [
    {
      resource: 'cpu',
      value: Math.max(min.cores, cpu, cpuWithClass),
      unit: 'balanced cores',
      reasons: [
        `${fmt(oneDown.cpuCores)} cores busy on the leader node with one control plane down, / 0.6 (RA-CP-HEADROOM) = ${fmt(cpu)}`,
        `etcd ${cls} class advises ${klass.cpus} vCPU for etcd alone (etcd op-guide/hardware), + the rest / 0.6 = ${fmt(cpuWithClass)}`,
        `minimum ${min.cores} (${min.source})`,
      ],
    },
    {
      resource: 'memory',
      value: Math.max(min.memoryGB, mem, memWithClass),
      unit: 'GB',
      reasons: [
        `${fmt(oneDown.memoryGiB * GB_PER_GIB)} GB in use with one control plane down, / 0.6 = ${fmt(mem)} GB`,
        `etcd ${cls} class advises ${klass.memoryGB} GB for etcd alone (etcd op-guide/hardware), + the rest / 0.6 = ${fmt(memWithClass)} GB`,
        `minimum ${min.memoryGB} GB (${min.source})`,
      ],
    },
    {
      resource: 'disk',
      value: Math.max(min.diskGB, diskGB),
      unit: 'GB',
      reasons: [
        `Talos and images ${a.talosDiskGB} GB + etcd ${fmt(etcdDiskGB)} GB (quota, a defragmentation copy, WAL)`,
        `minimum ${min.diskGB} GB (${min.source})`,
      ],
    },
    {
      resource: 'fsync',
      value: MAX_FSYNC_P99_MS,
      unit: 'ms p99',
      reasons: ['WAL fsync p99 below 10 ms (etcd FAQ)', 'locally attached NVMe (RA-CP-DISK)'],
    },
    {
      resource: 'iops',
      value: iops,
      unit: 'write IOPS',
      reasons: [
        `${fmt(d.writesPerS)} writes/s x 2 (WAL + backend) at worst without batching; at least 50 (etcd op-guide/hardware)`,
        `etcd ${cls} class advises ${klass.iops} IOPS`,
      ],
    },
  ];
}

export type Verdict = 'fits' | 'fits-without-n1-headroom' | 'too-small';

export interface HardwareVerdict {
  hardwareId: string;
  name: string;
  verdict: Verdict;
  /** The resource that decides the verdict (the failing check, or the tightest one). */
  deciding: Requirement['resource'];
  /** Use of capacity, all members up and with one down (0..1+), for CPU and memory. */
  cpuUse: { allUp: number; oneDown: number };
  memoryUse: { allUp: number; oneDown: number };
  reasons: string[];
  /** Each check the profile misses, with the severity it costs and the rule that files it as a finding. */
  shortfalls: SizingShortfall[];
}

/**
 * One sizing check a profile misses. `ruleId` is the finding that states the same fact, so the
 * sizing verdict and the Findings tab never disagree: RA-CP-SIZE (below the minimum cores,
 * memory or disk), ETCD-FSYNC (WAL fsync p99 over 10 ms), RA-CP-HEADROOM (over 60 % busy), and
 * CP-SIZING for what only sizing checks (disk below what etcd's quota needs, too few write IOPS,
 * a spinning disk, fewer cores or GB than etcd's hardware class advises).
 */
export interface SizingShortfall {
  resource: Requirement['resource'];
  severity: 'error' | 'warning';
  why: string;
  ruleId: 'RA-CP-SIZE' | 'ETCD-FSYNC' | 'RA-CP-HEADROOM' | 'CP-SIZING';
}

/**
 * Verdict for one hardware profile as a control-plane node: `too-small` when it misses a
 * minimum, the fsync or IOPS or disk-capacity need, or is over 60 % busy with every node up;
 * `fits-without-n1-headroom` when it keeps 60 % headroom only while every node is up; `fits`
 * when it keeps it with one node down.
 */
export function hardwareVerdict(h: Hardware, d: ControlPlaneDemand, a: ControlPlaneAssumptions): HardwareVerdict {
  const reqs = requirements(d, a);
  const min = sizingMinimums(d.workers);
  const cores = coreEquivalents(h);
  const memGB = h.memoryGiB * GB_PER_GIB;
  const allUp = nodeUse(d, a, d.members);
  const oneDown = nodeUse(d, a, d.members - 1);
  const cpuUse = { allUp: allUp.cpuCores / cores, oneDown: oneDown.cpuCores / cores };
  const memoryUse = { allUp: allUp.memoryGiB / h.memoryGiB, oneDown: oneDown.memoryGiB / h.memoryGiB };
  const disk = etcdDisk(h.disks);
  const spec = diskSpec(disk);
  const need = (r: Requirement['resource']) => reqs.find((x) => x.resource === r)?.value ?? 0;
  const failures: SizingShortfall[] = [];
  const fail = (resource: Requirement['resource'], ruleId: SizingShortfall['ruleId'], why: string) =>
    failures.push({ resource, severity: 'error', why, ruleId });
  if (h.cores < min.cores) fail('cpu', 'RA-CP-SIZE', `${h.cores} cores, below the ${min.cores}-core minimum (${min.source})`);
  if (memGB < min.memoryGB) fail('memory', 'RA-CP-SIZE', `${fmt(memGB)} GB, below the ${min.memoryGB} GB minimum (${min.source})`);
  if (walFsyncTooSlow(spec.fsyncP99Ms) || !spec.solidState)
    fail(
      'fsync',
      walFsyncTooSlow(spec.fsyncP99Ms) ? 'ETCD-FSYNC' : 'CP-SIZING',
      `${spec.label}${spec.measured ? ' (measured)' : ''}: fsync p99 ${fmt(spec.fsyncP99Ms)} ms, etcd needs < ${MAX_FSYNC_P99_MS} ms on solid state`,
    );
  if (disk.capacityGB < need('disk'))
    fail('disk', disk.capacityGB < min.diskGB ? 'RA-CP-SIZE' : 'CP-SIZING', `system disk ${disk.capacityGB} GB, needs ${fmt(need('disk'))} GB`);
  if (spec.randWriteIops < need('iops')) fail('iops', 'CP-SIZING', `${spec.randWriteIops} write IOPS, needs ${fmt(need('iops'))}`);
  if (cpuUse.allUp > HEADROOM) fail('cpu', 'RA-CP-HEADROOM', `CPU ${pct(cpuUse.allUp)} busy with every node up, over 60 % (RA-CP-HEADROOM)`);
  if (memoryUse.allUp > HEADROOM) fail('memory', 'RA-CP-HEADROOM', `memory ${pct(memoryUse.allUp)} used with every node up, over 60 % (RA-CP-HEADROOM)`);
  const reasons = failures.map((f) => f.why);
  if (failures.length > 0) {
    return { hardwareId: h.id, name: h.name, verdict: 'too-small', deciding: failures[0].resource, cpuUse, memoryUse, reasons, shortfalls: failures };
  }
  const deciding = cpuUse.oneDown >= memoryUse.oneDown ? 'cpu' : 'memory';
  const tight = Math.max(cpuUse.oneDown, memoryUse.oneDown);
  // Below the requirement (which adds etcd's own hardware class) the node runs, but without the advised margin.
  const shortCpu = cores < need('cpu');
  const shortMemory = memGB < need('memory');
  const verdict: Verdict = tight > HEADROOM || shortCpu || shortMemory ? 'fits-without-n1-headroom' : 'fits';
  const shortfalls: SizingShortfall[] = [];
  const warn = (resource: Requirement['resource'], ruleId: SizingShortfall['ruleId'], why: string) =>
    shortfalls.push({ resource, severity: 'warning', why, ruleId });
  const tightWhy = `${deciding === 'cpu' ? 'CPU' : 'memory'} ${pct(tight)} used on the leader node with one control plane down${tight > HEADROOM ? ', over the 60 % headroom' : ''}`;
  reasons.push(tightWhy);
  if (tight > HEADROOM) warn(deciding, 'RA-CP-HEADROOM', tightWhy);
  if (shortCpu) warn('cpu', 'CP-SIZING', `${fmt(cores)} balanced cores, below the ${fmt(need('cpu'))} the etcd class and headroom ask for`);
  if (shortMemory) warn('memory', 'CP-SIZING', `${fmt(memGB)} GB, below the ${fmt(need('memory'))} GB the etcd class and headroom ask for`);
  reasons.push(...shortfalls.filter((x) => x.ruleId === 'CP-SIZING').map((x) => x.why));
  if (disk.class !== 'nvme-enterprise' && disk.class !== 'nvme-consumer') reasons.push(`${spec.label}: RA-CP-DISK asks for local NVMe`);
  return { hardwareId: h.id, name: h.name, verdict, deciding, cpuUse, memoryUse, reasons, shortfalls };
}
