import { describe, expect, it } from 'vitest';
import { RA_RULES } from '../../../src/models/advisor/rules';
import { antiPatternsPlan, enterprisePlan, hybridBurstPlan, referencePlan } from '../../../src/plan/samples/samples';
import type { Plan } from '../../../src/plan/schema';
import { broken, editCluster, editHardware, editNode, findingsOf, withoutNodes, withRemoteSite } from './planEdits';

const ref = referencePlan;
const workload = (p: Plan, patch: Partial<Plan['workload']>): Plan => ({ ...p, workload: { ...p.workload, ...patch } });
const kubespanOn = (p: Plan, extra: Partial<Plan['cluster']['kubespan']> = {}) =>
  editCluster(p, (c) => ({ kubespan: { ...c.kubespan, enabled: true, ...extra } }));

/** For every rule a plan can break: one plan that breaks it (warning or error) and one that satisfies it. */
const CASES: Record<string, { breaks: () => Plan; satisfies: () => Plan; severity: 'error' | 'warning' }> = {
  'RA-CP-COUNT': { breaks: () => withoutNodes(ref(), 'cp-02', 'cp-03'), satisfies: ref, severity: 'error' },
  'RA-CP-SIZE': { breaks: () => editHardware(ref(), 'cp-1u-nvme', { cores: 2, memoryGiB: 4 }), satisfies: ref, severity: 'error' },
  'RA-CP-HEADROOM': {
    breaks: () =>
      workload(ref(), { pods: 30_000, watchers: 200_000, apiWritesPerS: 3000, apiReadsPerS: 20_000, podChurnPerMin: 3000, configMapsAndSecrets: 200_000 }),
    satisfies: ref,
    severity: 'error',
  },
  'RA-CP-DISK': {
    breaks: () => editHardware(ref(), 'cp-1u-nvme', { disks: [{ class: 'ssd-sata', capacityGB: 960, count: 2, purpose: 'system' }] }),
    satisfies: ref,
    severity: 'warning',
  },
  'RA-CP-RACKS': { breaks: () => editNode(ref(), 'cp-02', { rackId: 'r1', positionU: 20 }), satisfies: ref, severity: 'error' },
  'RA-CP-RTT': {
    breaks: () => ({ ...ref(), network: { ...ref().network, rttOverrides: [{ from: 'r1', to: 'r2', rttMs: 20 }] } }),
    satisfies: ref,
    severity: 'error',
  },
  'RA-KUBEPRISM': { breaks: () => editCluster(ref(), () => ({ kubeprism: { enabled: false, port: 7445 } })), satisfies: ref, severity: 'warning' },
  'RA-CP-NOSCHED': { breaks: () => editCluster(ref(), () => ({ allowSchedulingOnControlPlanes: true })), satisfies: ref, severity: 'warning' },
  'RA-WORKERS': { breaks: () => workload(ref(), { pods: 6 * 110 + 1 }), satisfies: () => workload(ref(), { pods: 6 * 110 }), severity: 'error' },
  'RA-STORAGE-COUNT': { breaks: () => withoutNodes(ref(), 'st-03'), satisfies: ref, severity: 'error' },
  'RA-CNI': {
    breaks: () => workload(ref(), { eastWestGbpsPerNode: 20 }),
    satisfies: () => editCluster(workload(ref(), { eastWestGbpsPerNode: 20 }), () => ({ cni: { name: 'cilium', mode: 'native' } })),
    severity: 'warning',
  },
  'RA-KUBESPAN-SIZE': {
    breaks: () => kubespanOn(enterprisePlan(), { excludeStorageTraffic: true }),
    satisfies: () => kubespanOn(ref(), { excludeStorageTraffic: true }),
    severity: 'warning',
  },
  'RA-KUBESPAN-THROUGHPUT': {
    breaks: () => kubespanOn(workload(ref(), { eastWestGbpsPerNode: 10 })),
    satisfies: () => kubespanOn(workload(ref(), { eastWestGbpsPerNode: 0.1 })),
    severity: 'warning',
  },
  'RA-STORAGE-CHOICE': {
    breaks: () => editCluster(ref(), () => ({ storage: { ...enterprisePlan().cluster.storage } })),
    satisfies: ref,
    severity: 'warning',
  },
  'RA-STORAGE-LOCALITY': { breaks: () => editNode(withRemoteSite(ref()), 'st-03', { rackId: 'remote', positionU: 1 }), satisfies: ref, severity: 'error' },
  'RA-STORAGE-NO-KUBESPAN': { breaks: () => kubespanOn(ref()), satisfies: () => kubespanOn(ref(), { excludeStorageTraffic: true }), severity: 'error' },
  'RA-STORAGE-DEDICATED': { breaks: () => editNode(ref(), 'st-01', { taints: [] }), satisfies: ref, severity: 'warning' },
  'RA-STORAGE-MEDIA': {
    breaks: () =>
      editHardware(ref(), 'storage-2u-nvme', {
        disks: [
          { class: 'nvme-enterprise', capacityGB: 960, count: 1, purpose: 'system' },
          { class: 'hdd', capacityGB: 16_000, count: 12, purpose: 'data' },
        ],
      }),
    satisfies: ref,
    severity: 'warning',
  },
  'RA-UPGRADES': {
    breaks: ref,
    satisfies: () => editCluster(ref(), (c) => ({ storage: { ...c.storage, provider: 'longhorn', replicas: 2 } as Plan['cluster']['storage'] })),
    severity: 'warning',
  },
};

/** Rules whose subject only the Omni export can settle: the plan gets a reminder with its own figure. */
const REMINDERS = ['RA-STORAGE-OS', 'RA-DASHBOARD', 'RA-EXTENSIONS', 'RA-SECUREBOOT', 'RA-FIREWALL', 'RA-ETCD-BACKUP', 'RA-UPS', 'RA-KUBEVIRT'];

describe('advisor rules', () => {
  it('RA_RULES covers every "plan" rule of the reference architecture, each with a case here or a reminder', () => {
    const ids = RA_RULES.map((r) => r.id).sort();
    expect(ids).toEqual([...Object.keys(CASES), ...REMINDERS].sort());
  });

  for (const [id, c] of Object.entries(CASES)) {
    it(`${id}: a plan that breaks it gets a ${c.severity}, naming what it concerns; a plan that satisfies it gets none`, () => {
      const found = broken(c.breaks(), id);
      expect(found.length).toBeGreaterThan(0);
      expect(found.some((f) => f.severity === c.severity)).toBe(true);
      for (const f of found) {
        expect(f.message.length).toBeGreaterThan(10);
        expect(f.why.length).toBeGreaterThan(10);
        expect(f.source).toMatch(/Sidero Labs/);
        if (f.figure) expect(Number.isFinite(f.figure.value)).toBe(true);
      }
      expect(broken(c.satisfies(), id)).toEqual([]);
    });
  }

  it('RA-CP-RACKS says which rack loses quorum and by how many members', () => {
    const [f] = broken(editNode(ref(), 'cp-02', { rackId: 'r1', positionU: 20 }), 'RA-CP-RACKS');
    expect(f.message).toBe('control planes cp-01 and cp-02 share rack R1');
    expect(f.why).toBe('losing rack R1 loses quorum: 2 of 3 members are in it (quorum 2)');
    expect(f.subjects).toEqual({ nodes: ['cp-01', 'cp-02'], racks: ['r1'] });
  });

  it('RA-DASHBOARD reminds with 50 MB x the node count', () => {
    const f = findingsOf(ref()).find((x) => x.ruleId === 'RA-DASHBOARD')!;
    expect(f.severity).toBe('info');
    expect(f.figure).toEqual({ label: 'memory freed', value: Math.round((12 * 50) / 100) / 10, unit: 'GB' });
  });

  it('RA-KUBEVIRT says Local Path cannot live-migrate VM disks and Longhorn can', () => {
    const msg = (p: Plan) => findingsOf(p).find((x) => x.ruleId === 'RA-KUBEVIRT')!.message;
    expect(msg(ref())).toMatch(/longhorn can live-migrate/);
    expect(msg(editCluster(ref(), () => ({ storage: { provider: 'local-path' } })))).toMatch(/local-path cannot live-migrate/);
  });

  it('KUBESPAN-VERDICT: not advised on 129 nodes in one site with storage; advised for the hybrid burst', () => {
    const verdict = (p: Plan) => findingsOf(p).find((x) => x.ruleId === 'KUBESPAN-VERDICT')!.message;
    expect(verdict(enterprisePlan())).toBe('KubeSpan: not advised for this plan: 129 nodes, above the 100-node guidance; storage traffic would be encrypted');
    expect(verdict(hybridBurstPlan())).toBe('KubeSpan: advised for this plan: it bridges the on-premises site and the Cloud region nodes');
  });

  it('NET-FLANNEL-FRAGMENTATION does not show on a Cilium plan with KubeSpan off, nor on Flannel with KubeSpan off', () => {
    const anti = antiPatternsPlan();
    expect(findingsOf(anti).some((f) => f.ruleId === 'NET-FLANNEL-FRAGMENTATION')).toBe(true);
    const off = editCluster(anti, (c) => ({ kubespan: { ...c.kubespan, enabled: false } }));
    expect(findingsOf(off).some((f) => f.ruleId === 'NET-FLANNEL-FRAGMENTATION')).toBe(false);
    const cilium = editCluster(off, () => ({ cni: { name: 'cilium', mode: 'native' } }));
    expect(findingsOf(cilium).some((f) => f.ruleId === 'NET-FLANNEL-FRAGMENTATION')).toBe(false);
  });

  it("RA-WORKERS and RA-UPGRADES count pods against the plan's kubelet maxPods, not a fixed 110", () => {
    const maxPods = (p: Plan, n: number) => editCluster(p, (c) => ({ kubelet: { ...c.kubelet, maxPods: n } }));
    const ids = (p: Plan) =>
      findingsOf(p)
        .filter((f) => f.severity !== 'info')
        .map((f) => f.ruleId);
    // 661 pods on 6 workers: 111 per worker breaks the default 110 but not 250.
    expect(ids(workload(ref(), { pods: 661 }))).toContain('RA-WORKERS');
    expect(ids(maxPods(workload(ref(), { pods: 661 }), 250))).not.toContain('RA-WORKERS');
    // 300 pods on 6 workers: 60 per worker, 60 with one drained: breaks maxPods 55, not 110.
    const drained = (p: Plan) => broken(p, 'RA-UPGRADES').filter((f) => f.message.startsWith('draining'));
    expect(drained(maxPods(workload(ref(), { pods: 300 }), 55)).map((f) => f.message)).toEqual(['draining one of 6 workers leaves 60 pods per worker']);
    expect(drained(workload(ref(), { pods: 300 }))).toEqual([]);
  });
});
