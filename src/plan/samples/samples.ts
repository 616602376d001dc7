import type { Plan } from '../schema';
import { SAMPLE_HARDWARE as HW } from './catalogue';
import { baseSettings } from './common';
import { PlanBuilder } from './planBuilder';

/** The default a new user sees: 3 control planes in 3 racks, 6 workers, 3 storage nodes, Longhorn. */
export function referencePlan(): Plan {
  const b = new PlanBuilder(
    baseSettings(
      'Reference cluster',
      'reference',
      'The reference architecture at its smallest: three control planes in three racks of one row, six workers and three dedicated Longhorn storage nodes.',
    ),
    [HW.cp, HW.cpLarge, HW.worker, HW.storage].map((h) => structuredClone(h)),
  )
    .site('dc1', 'DC 1')
    .room('hall-a', 'Hall A', 'dc1')
    .row('row-1', 'Row 1', 'hall-a');
  for (let r = 1; r <= 3; r++) b.rack(`r${r}`, 'row-1', { name: `R${r}` });
  for (let r = 1; r <= 3; r++) b.nodes(`r${r}`, 'controlplane', HW.cp.id, 1);
  for (let r = 1; r <= 3; r++) b.nodes(`r${r}`, 'worker', HW.worker.id, 2);
  for (let r = 1; r <= 3; r++) b.nodes(`r${r}`, 'storage', HW.storage.id, 1);
  return b.build();
}

/** 3 control planes, 120 workers, 6 Ceph storage nodes in 8 racks over 2 rows. */
export function enterprisePlan(): Plan {
  const base = baseSettings(
    'Enterprise',
    'enterprise',
    'A mid-size production cluster: 120 workers over 8 racks in 2 rows, Ceph on six dedicated storage nodes with a rack failure domain.',
  );
  base.cluster.cni = { name: 'cilium', mode: 'native' };
  base.cluster.storage = {
    provider: 'ceph',
    pool: { type: 'replicated', size: 3, minSize: 2 },
    release: 'squid',
    failureDomain: 'rack',
    downOutIntervalS: 600,
    mclockProfile: 'balanced',
    nearfullRatio: 0.85,
    backfillfullRatio: 0.9,
    fullRatio: 0.95,
    pgsPerOsd: 100,
  };
  base.workload = {
    ...base.workload,
    pods: 4000,
    namespaces: 150,
    services: 900,
    configMapsAndSecrets: 8000,
    customObjects: 5000,
    podChurnPerMin: 60,
    apiWritesPerS: 80,
    apiReadsPerS: 600,
    watchers: 9000,
    eastWestGbpsPerNode: 2,
    volumes: { list: [], aggregate: { count: 800, meanSizeGB: 200, sizeSpread: 1.0, fillPct: 55 } },
  };
  const b = new PlanBuilder(
    base,
    [HW.cp, HW.cpLarge, HW.worker, HW.storage].map((h) => structuredClone(h)),
  )
    .site('dc1', 'DC 1')
    .room('hall-a', 'Hall A', 'dc1')
    .row('row-a', 'Row A', 'hall-a')
    .row('row-b', 'Row B', 'hall-a');
  // 208 V / 60 A three-phase feeds at 80 %: 208 · 60 · √3 · 0.8 ≈ 17,300 W.
  for (let r = 1; r <= 8; r++)
    b.rack(`r${r}`, r <= 4 ? 'row-a' : 'row-b', {
      name: `R${r}`,
      feeds: [
        { id: 'A', capacityW: 17_300 },
        { id: 'B', capacityW: 17_300 },
      ],
    });
  for (const r of [1, 3, 6]) b.nodes(`r${r}`, 'controlplane', HW.cpLarge.id, 1);
  for (const r of [2, 4, 5, 7, 8, 3]) b.nodes(`r${r}`, 'storage', HW.storage.id, 1);
  for (let i = 0; i < 120; i++) b.nodes(`r${(i % 8) + 1}`, 'worker', HW.worker.id, 1);
  return b.build();
}

/** 5 control planes and 5,000 nodes in 200 racks: 2 rooms x 10 rows x 10 racks. */
export function hyperscalePlan(): Plan {
  const base = baseSettings(
    'Hyperscale 5000',
    'hyperscale',
    'At the Kubernetes supported limit: 5,000 nodes in 200 racks across two halls, five control planes, Ceph with a rack failure domain, Cilium native routing.',
  );
  base.cluster.cni = { name: 'cilium', mode: 'native' };
  base.cluster.storage = {
    provider: 'ceph',
    pool: { type: 'erasure', k: 4, m: 2 },
    release: 'squid',
    failureDomain: 'rack',
    downOutIntervalS: 600,
    mclockProfile: 'balanced',
    nearfullRatio: 0.85,
    backfillfullRatio: 0.9,
    fullRatio: 0.95,
    pgsPerOsd: 100,
  };
  // Large clusters raise etcd's quota towards its suggested 8 GiB maximum (etcd dev-guide/limit).
  base.cluster.etcd = { ...base.cluster.etcd, quotaBackendBytes: 8 * 2 ** 30 };
  base.workload = {
    ...base.workload,
    pods: 140_000,
    namespaces: 5000,
    services: 9000,
    configMapsAndSecrets: 60_000,
    customObjects: 40_000,
    avgObjectBytes: 5000,
    podChurnPerMin: 600,
    apiWritesPerS: 600,
    apiReadsPerS: 5000,
    watchers: 120_000,
    eastWestGbpsPerNode: 3,
    volumes: { list: [], aggregate: { count: 20_000, meanSizeGB: 250, sizeSpread: 1.2, fillPct: 50 } },
  };
  const b = new PlanBuilder(
    base,
    [HW.cp, HW.cpLarge, HW.worker, HW.storage].map((h) => structuredClone(h)),
  ).site('dc1', 'DC 1');
  const racks: string[] = [];
  for (const hall of ['a', 'b']) {
    b.room(`hall-${hall}`, `Hall ${hall.toUpperCase()}`, 'dc1');
    for (let row = 1; row <= 10; row++) {
      const rowId = `${hall}${row}`;
      b.row(rowId, `Row ${hall.toUpperCase()}${row}`, `hall-${hall}`);
      for (let r = 1; r <= 10; r++) {
        const id = `${rowId}-r${r}`;
        // 400 V / 40 A three-phase feeds at 80 %: 400 · 40 · √3 · 0.8 ≈ 22,200 W.
        b.rack(id, rowId, {
          name: `${hall.toUpperCase()}${row}-R${r}`,
          heightU: 48,
          feeds: [
            { id: 'A', capacityW: 22_000 },
            { id: 'B', capacityW: 22_000 },
          ],
        });
        racks.push(id);
      }
    }
  }
  // Control planes in five different rows across both halls.
  for (const id of ['a1-r1', 'a5-r1', 'a9-r1', 'b3-r1', 'b7-r1']) b.nodes(id, 'controlplane', HW.cpLarge.id, 1);
  // 120 storage nodes: two in each of racks 2, 5 and 8 of every row (20 rows x 3 racks x 2), so
  // a Ceph rack failure domain holds more than one host and losing a host is not losing a rack.
  let storage = 0;
  for (const id of racks) {
    if (!/-r(2|5|8)$/.test(id)) continue;
    b.nodes(id, 'storage', HW.storage.id, 2);
    storage += 2;
  }
  const workers = 5000 - 5 - storage;
  for (let i = 0; i < workers; i++) b.nodes(racks[i % racks.length], 'worker', HW.worker.id, 1);
  return b.build();
}

/** The reference cluster plus a cloud site joined over KubeSpan for burst capacity. */
export function hybridBurstPlan(): Plan {
  const base = baseSettings(
    'Hybrid burst',
    'hybrid',
    'An on-premises cluster that bursts into a cloud region: the cloud workers join over KubeSpan, the reason KubeSpan exists. Storage stays on premises.',
  );
  // Storage replicates over a storage network that KubeSpan does not route (RA-STORAGE-NO-KUBESPAN).
  base.cluster.kubespan = { ...base.cluster.kubespan, enabled: true, excludeStorageTraffic: true };
  base.cluster.talosVersion = '1.14.0';
  base.network.rtt.crossSiteMs = 18;
  const b = new PlanBuilder(
    base,
    [HW.cp, HW.worker, HW.storage, HW.cloudVm].map((h) => structuredClone(h)),
  )
    .site('dc1', 'DC 1')
    .room('hall-a', 'Hall A', 'dc1')
    .row('row-1', 'Row 1', 'hall-a')
    .site('cloud', 'Cloud region', 'cloud', 5)
    .room('az1', 'Zone 1', 'cloud', 100)
    .row('az1-pool', 'Burst pool', 'az1', 100);
  for (let r = 1; r <= 3; r++) b.rack(`r${r}`, 'row-1', { name: `R${r}` });
  // Cloud capacity has no feeds of its own: a nominal figure the model marks provider-managed.
  b.rack('burst', 'az1-pool', { name: 'Burst VMs', heightU: 60, feeds: [{ id: 'A', capacityW: 100_000 }], tor: { count: 1, uplinkGbps: 100 } });
  for (let r = 1; r <= 3; r++) b.nodes(`r${r}`, 'controlplane', HW.cp.id, 1);
  for (let r = 1; r <= 3; r++) b.nodes(`r${r}`, 'worker', HW.worker.id, 2);
  for (let r = 1; r <= 3; r++) b.nodes(`r${r}`, 'storage', HW.storage.id, 1);
  b.nodes('burst', 'worker', HW.cloudVm.id, 20, { feeds: ['A'] });
  return b.build();
}

/**
 * A structurally valid plan that breaks as many reference-architecture rules as it can:
 * two control planes in one rack on HDDs, workloads on control planes, storage on HDD over
 * KubeSpan across sites, only two storage nodes without labels or taints, KubeSpan above 100
 * nodes, single feeds and switches, an A/B rack whose feeds cannot carry each other, KubePrism off,
 * etcd timers against etcd's rules.
 */
export function antiPatternsPlan(): Plan {
  const base = baseSettings(
    'Anti-patterns',
    'anti-patterns',
    'Everything the reference architecture warns against, in one valid plan. Use it to see what the advisor and the models flag.',
  );
  base.cluster.kubespan = { ...base.cluster.kubespan, enabled: true };
  base.cluster.talosVersion = '1.12.0';
  base.cluster.allowSchedulingOnControlPlanes = true;
  base.cluster.kubeprism = { enabled: false, port: 7445 };
  // A 5 ms heartbeat with the tightest election etcd accepts (5 x heartbeat): 200 heartbeats/s per follower for nothing on a LAN.
  base.cluster.etcd = { ...base.cluster.etcd, heartbeatMs: 5, electionTimeoutMs: 25 };
  base.cluster.storage = {
    provider: 'longhorn',
    replicas: 3,
    replenishmentWaitS: 600,
    concurrentRebuildsPerNode: 5,
    overProvisioningPct: 200,
    minimalAvailablePct: 10,
    reservedPct: 30,
    engine: 'v1',
    version: '1.9',
  };
  base.network.rtt.crossSiteMs = 35;
  const b = new PlanBuilder(
    base,
    [HW.cpHdd, HW.worker, HW.storageHdd, HW.cpSmall].map((h) => structuredClone(h)),
  )
    .site('dc1', 'DC 1')
    .room('closet', 'Closet', 'dc1')
    .row('row-1', 'Row 1', 'closet')
    .site('dc2', 'DC 2 (remote)', 'datacenter', 1)
    .room('dc2-room', 'Room', 'dc2')
    .row('dc2-row', 'Row 1', 'dc2-room');
  // One 208 V / 30 A single-phase circuit at 80 %: 208 · 30 · 0.8 ≈ 5,000 W.
  const single = { feeds: [{ id: 'A' as const, capacityW: 5000 }], tor: { count: 1 as const, uplinkGbps: 40 } };
  b.rack('r1', 'row-1', { name: 'R1', ...single })
    .rack('r2', 'row-1', { name: 'R2', ...single })
    .rack('r3', 'row-1', { name: 'R3', ...single })
    .rack('remote', 'dc2-row', { name: 'Remote', ...single });
  b.nodes('r1', 'controlplane', HW.cpHdd.id, 2, { labels: {} });
  b.nodes('r1', 'storage', HW.storageHdd.id, 1, { labels: {}, taints: [] });
  b.nodes('remote', 'storage', HW.storageHdd.id, 1, { labels: {}, taints: [] });
  b.rack('r4', 'row-1', { name: 'R4', ...single });
  for (let i = 0; i < 120; i++) b.nodes(`r${(i % 3) + 2}`, 'worker', HW.worker.id, 1, { labels: {} });
  // A/B fed, but each feed sized for half the rack: losing either overloads its twin (8 × 750 W + 350 W = 6,350 W peak > 5,000 W).
  b.rack('r5', 'row-1', {
    name: 'R5',
    feeds: [
      { id: 'A', capacityW: 5000 },
      { id: 'B', capacityW: 5000 },
    ],
    tor: { count: 1, uplinkGbps: 40 },
  });
  b.nodes('r5', 'worker', HW.worker.id, 8, { labels: {} });
  return b.build();
}

/** The published samples: file name (in `public/examples/`) → builder. */
export const SAMPLES: Record<string, () => Plan> = {
  'reference.json': referencePlan,
  'enterprise.json': enterprisePlan,
  'hyperscale-5000.json': hyperscalePlan,
  'hybrid-burst.json': hybridBurstPlan,
  'anti-patterns.json': antiPatternsPlan,
};
