import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPlan, validatePlan, writePlan, type Plan } from '../../src/plan';
import { SAMPLES } from '../../src/plan/samples/samples';

const EXAMPLES = new URL('../../public/examples/', import.meta.url);

function sample(file: string): Plan {
  const result = validatePlan(SAMPLES[file]());
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.plan;
}

function count(plan: Plan, role: Plan['nodes'][number]['role']): number {
  return plan.nodes.filter((n) => n.role === role).length;
}

function siteOfNode(plan: Plan, node: Plan['nodes'][number]): string {
  const rack = plan.racks.find((r) => r.id === node.rackId)!;
  const row = plan.rows.find((r) => r.id === rack.rowId)!;
  return plan.rooms.find((r) => r.id === row.roomId)!.siteId;
}

describe('sample plans', () => {
  it('public/examples/ holds exactly the files SAMPLES builds', () => {
    expect(
      readdirSync(EXAMPLES)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(Object.keys(SAMPLES).sort());
  });

  for (const file of Object.keys(SAMPLES)) {
    it(`public/examples/${file} equals writePlan(SAMPLES['${file}'](), 'json') and reads back valid`, () => {
      const built = SAMPLES[file]();
      const text = readFileSync(new URL(file, EXAMPLES), 'utf8');
      // If this fails, regenerate with `npx tsx src/cli/main.ts examples public/examples`.
      expect(text).toBe(writePlan(built, 'json'));
      const result = readPlan(text, 'json');
      expect(result.issues).toEqual([]);
      // The builder writes every default, so validation changes nothing.
      expect(result.ok && result.plan).toStrictEqual(JSON.parse(text));
    });
  }

  it('reference: 3 control planes in 3 different racks, 6 workers, 3 storage nodes, Longhorn', () => {
    const plan = sample('reference.json');
    const cps = plan.nodes.filter((n) => n.role === 'controlplane');
    expect(cps).toHaveLength(3);
    expect(new Set(cps.map((n) => n.rackId)).size).toBe(3);
    expect([count(plan, 'worker'), count(plan, 'storage')]).toEqual([6, 3]);
    expect(plan.cluster.storage.provider).toBe('longhorn');
  });

  it('enterprise: 3 control planes, 120 workers, 6 Ceph storage nodes, 8 racks in 2 rows', () => {
    const plan = sample('enterprise.json');
    expect([count(plan, 'controlplane'), count(plan, 'worker'), count(plan, 'storage')]).toEqual([3, 120, 6]);
    expect(plan.cluster.storage.provider).toBe('ceph');
    expect(plan.racks).toHaveLength(8);
    expect(new Set(plan.racks.map((r) => r.rowId)).size).toBe(2);
  });

  it('hyperscale-5000: 5 control planes, 5,000 nodes, 200 racks', () => {
    const plan = sample('hyperscale-5000.json');
    expect(count(plan, 'controlplane')).toBe(5);
    expect(plan.nodes).toHaveLength(5000);
    expect(plan.racks).toHaveLength(2 * 10 * 10);
  });

  it('hybrid-burst: two sites, one of them cloud, KubeSpan on', () => {
    const plan = sample('hybrid-burst.json');
    expect(plan.sites.map((s) => s.kind).sort()).toEqual(['cloud', 'datacenter']);
    expect(plan.cluster.kubespan.enabled).toBe(true);
    expect(new Set(plan.nodes.map((n) => siteOfNode(plan, n))).size).toBe(2);
  });

  it('anti-patterns: valid, 2 HDD control planes in one rack, workloads on control planes, KubeSpan over 100 nodes, storage in two sites', () => {
    const plan = sample('anti-patterns.json');
    const cps = plan.nodes.filter((n) => n.role === 'controlplane');
    expect(cps).toHaveLength(2);
    expect(new Set(cps.map((n) => n.rackId)).size).toBe(1);
    for (const cp of cps) {
      const hw = plan.hardware.find((h) => h.id === cp.hardwareId)!;
      expect(hw.disks.filter((d) => d.purpose === 'system').map((d) => d.class)).toEqual(['hdd']);
    }
    expect(plan.cluster.allowSchedulingOnControlPlanes).toBe(true);
    expect(plan.cluster.kubespan.enabled).toBe(true);
    expect(plan.nodes.length).toBeGreaterThan(100);
    const storageSites = new Set(plan.nodes.filter((n) => n.role === 'storage').map((n) => siteOfNode(plan, n)));
    expect(storageSites.size).toBe(2);
  });
});
