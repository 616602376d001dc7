import fc from 'fast-check';
import { PlanBuilder } from '../../src/plan/samples/planBuilder';
import { baseSettings } from '../../src/plan/samples/common';
import type { DiskClass, Hardware, Plan, StorageSettings } from '../../src/plan/schema';

export interface StoragePlanSpec {
  /** Storage nodes in each rack (racks r1, r2, … in one row unless `rows` says otherwise). */
  nodesPerRack: number[];
  /** Racks per row; default: all in one row. */
  racksPerRow?: number;
  dataDisks?: number;
  diskGB?: number;
  diskClass?: DiskClass;
  nicGbps?: number;
  nics?: number;
  storage: StorageSettings;
  /** Volume sizes, GB, with their fill percentage. */
  volumes: Array<{ sizeGB: number; fillPct?: number; replicas?: number }>;
  kubespan?: boolean;
  /** Give storage nodes no taint (so they count as shared with workloads). */
  shared?: boolean;
  workers?: number;
}

/**
 * A small plan with storage nodes spread over racks, every disk alike: the fixture of the storage
 * tests. Storage nodes are named st-01, st-02, … in rack order; zones are the rack ids.
 */
export function storagePlan(spec: StoragePlanSpec): Plan {
  const base = baseSettings('Storage test', 'storage-test', '');
  base.cluster.storage = spec.storage;
  base.cluster.kubespan = { ...base.cluster.kubespan, enabled: spec.kubespan ?? false };
  base.workload = {
    ...base.workload,
    volumes: { list: spec.volumes.map((v, i) => ({ name: `v${i + 1}`, sizeGB: v.sizeGB, fillPct: v.fillPct ?? 100, replicas: v.replicas })) },
  };
  const hw: Hardware = {
    id: 'st',
    name: 'Storage',
    cores: 16,
    cpuClass: 'balanced',
    memoryGiB: 128,
    disks: [
      { class: 'nvme-enterprise', capacityGB: 480, count: 1, purpose: 'system' },
      { class: spec.diskClass ?? 'nvme-enterprise', capacityGB: spec.diskGB ?? 1000, count: spec.dataDisks ?? 1, purpose: 'data' },
    ],
    nics: { count: spec.nics ?? 2, speedGbps: spec.nicGbps ?? 25 },
    heightU: 1,
    powerTypicalW: 300,
    powerPeakW: 500,
  };
  const worker: Hardware = { ...hw, id: 'w', disks: [{ class: 'nvme-enterprise', capacityGB: 960, count: 1, purpose: 'system' }] };
  const b = new PlanBuilder(base, [hw, worker]).site('dc1', 'DC 1').room('h1', 'H1', 'dc1');
  const perRow = spec.racksPerRow ?? spec.nodesPerRack.length;
  const rows = Math.ceil(spec.nodesPerRack.length / Math.max(1, perRow));
  for (let r = 1; r <= rows; r++) b.row(`row${r}`, `Row ${r}`, 'h1');
  spec.nodesPerRack.forEach((_, i) => b.rack(`r${i + 1}`, `row${Math.floor(i / Math.max(1, perRow)) + 1}`));
  spec.nodesPerRack.forEach((n, i) => {
    if (n > 0) b.nodes(`r${i + 1}`, 'storage', 'st', n, spec.shared ? { taints: [] } : {});
  });
  for (let i = 0; i < (spec.workers ?? 0); i++) b.nodes(`r${(i % spec.nodesPerRack.length) + 1}`, 'worker', 'w', 1);
  return b.build();
}

export const longhornSettings = (replicas = 3): StorageSettings => ({
  provider: 'longhorn',
  replicas,
  replenishmentWaitS: 600,
  concurrentRebuildsPerNode: 5,
  overProvisioningPct: 100,
  minimalAvailablePct: 25,
  reservedPct: 30,
  engine: 'v1',
  version: '1.9',
});

export const cephSettings = (
  pool: { type: 'replicated'; size: number; minSize: number } | { type: 'erasure'; k: number; m: number },
  failureDomain: 'osd' | 'host' | 'rack' | 'row' = 'host',
  pgsPerOsd = 100,
): StorageSettings => ({
  provider: 'ceph',
  pool,
  release: 'squid',
  failureDomain,
  downOutIntervalS: 600,
  mclockProfile: 'balanced',
  nearfullRatio: 0.85,
  backfillfullRatio: 0.9,
  fullRatio: 0.95,
  pgsPerOsd,
});

export const mayastorSettings = (replicas = 3): StorageSettings => ({ provider: 'mayastor', replicas, faultedWaitS: 600 });

/** Any provider with settings a small cluster can use. */
export const storageSettingsArb: fc.Arbitrary<StorageSettings> = fc.oneof(
  fc.integer({ min: 1, max: 3 }).map((r) => longhornSettings(r)),
  fc
    .tuple(fc.integer({ min: 2, max: 3 }), fc.constantFrom<'host' | 'rack'>('host', 'rack'))
    .map(([size, fd]) => cephSettings({ type: 'replicated', size, minSize: Math.min(2, size) }, fd, 20)),
  fc
    .tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 1, max: 2 }), fc.constantFrom<'host' | 'rack'>('host', 'rack'))
    .map(([k, m, fd]) => cephSettings({ type: 'erasure', k, m }, fd, 20)),
  fc.integer({ min: 1, max: 3 }).map((r) => mayastorSettings(r)),
  fc.constant<StorageSettings>({ provider: 'local-path' }),
);

/** A small storage plan: 1-5 racks of 0-3 storage nodes, 1-3 disks each, 1-25 volumes, plus two workers for Local Path. */
export const storagePlanArb: fc.Arbitrary<Plan> = fc
  .record({
    nodesPerRack: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 }),
    dataDisks: fc.integer({ min: 1, max: 3 }),
    diskGB: fc.integer({ min: 200, max: 4000 }),
    storage: storageSettingsArb,
    volumes: fc.array(fc.record({ sizeGB: fc.integer({ min: 1, max: 400 }), fillPct: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 25 }),
  })
  .map((spec) => storagePlan({ ...spec, workers: 2 }));

/** A set of component ids of a plan that can fail: storage node ids, rack ids and disk slots. */
export function failableComponents(plan: Plan): Array<import('../../src/models/storage/failureImpact').FailedComponent> {
  const out: Array<import('../../src/models/storage/failureImpact').FailedComponent> = [];
  for (const r of plan.racks) out.push({ kind: 'rack', rackId: r.id }, { kind: 'tor', rackId: r.id, tor: 'A' });
  for (const n of plan.nodes) {
    out.push({ kind: 'node', nodeId: n.id });
    out.push({ kind: 'disk', nodeId: n.id, slot: 0 });
  }
  return out;
}
