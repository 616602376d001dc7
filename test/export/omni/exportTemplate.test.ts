import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { configPatchProblems } from '../../../src/export/omni/configPatch';
import { omniTemplate } from '../../../src/export/omni/exportTemplate';
import { planFromTemplate, type ImportAnswers } from '../../../src/export/omni/importTemplate';
import { loadTemplate } from '../../../src/export/omni/loadTemplate';
import { formatProblem } from '../../../src/export/omni/templateModel';
import { validateTemplate } from '../../../src/export/omni/validateTemplate';
import type { Plan } from '../../../src/plan';
import { SAMPLES, hybridBurstPlan, referencePlan } from '../../../src/plan/samples/samples';
import { validPlanArbWith } from '../../arbitraries/plan';
import { TALOS_SCHEMA_VERSIONS, talosCheckFor } from './sharedData';

const withTalos = (plan: Plan, version: string): Plan => ({ ...plan, cluster: { ...plan.cluster, talosVersion: version } });

function answersFor(plan: Plan): ImportAnswers {
  return { hardware: plan.hardware, defaultHardwareId: plan.hardware[0].id, rackCount: 3, unlimitedSize: 3 };
}

function reexport(template: string, answers: ImportAnswers): string {
  const loaded = loadTemplate(template);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const imported = planFromTemplate(loaded.documents, answers);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  return omniTemplate(imported.plan).template;
}

describe('omniTemplate(plan)', () => {
  for (const [file, build] of Object.entries(SAMPLES)) {
    for (const version of TALOS_SCHEMA_VERSIONS) {
      it(`omniTemplate(${file} on Talos ${version}) passes Omni's checks and every patch validates against the Talos ${version} schema`, () => {
        const exported = omniTemplate(withTalos(build(), `${version}.0`));
        expect(exported.format.schemaVersion).toBe(version);
        const loaded = loadTemplate(exported.template);
        if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
        const check = talosCheckFor(version);
        expect(validateTemplate(loaded.documents, { talosCheck: check }).map(formatProblem)).toEqual([]);
        const patchProblems = exported.patches.flatMap(({ document, patch }) =>
          configPatchProblems(patch.documents.map((d) => YAML.stringify(d)).join('---\n'), check).map((p) => `${document} ${patch.name}: ${p}`),
        );
        expect(patchProblems).toEqual([]);
        expect(exported.patches.length).toBeGreaterThan(0);
      });
    }
  }

  it('omniTemplate(plan on Talos 1.12) puts KubeSpan in machine.network; on 1.13 in a KubeSpanConfig document', () => {
    const plan = hybridBurstPlan();
    const kubespanOf = (v: string) => omniTemplate(withTalos(plan, v)).patches.find((p) => p.patch.name === 'rackplan-kubespan')!.patch.documents;
    expect(kubespanOf('1.12.0')).toEqual([
      { cluster: { discovery: { enabled: true } }, machine: { network: { kubespan: { enabled: true, mtu: 1500 - 80 } } } },
    ]);
    expect(kubespanOf('1.13.0')).toEqual([
      { cluster: { discovery: { enabled: true } } },
      { apiVersion: 'v1alpha1', kind: 'KubeSpanConfig', enabled: true, mtu: 1500 - 80 },
    ]);
  });

  it('omniTemplate(plan on Talos 1.11) says there is no schema for it instead of guessing', () => {
    const exported = omniTemplate(withTalos(referencePlan(), '1.11.5'));
    expect(exported.format.schemaVersion).toBeUndefined();
    expect(exported.notes.some((n) => /Talos 1\.11 has no configuration schema/.test(n))).toBe(true);
  });

  it('omniTemplate(Cilium plan) sets CNI none and opens the Cilium ports; with KubeSpan also 51820/udp', () => {
    const plan = referencePlan();
    plan.cluster.cni = { name: 'cilium', mode: 'vxlan' };
    plan.cluster.kubespan.enabled = true;
    const e = omniTemplate(plan);
    expect(e.patches.find((p) => p.patch.name === 'rackplan-cni')!.patch.documents).toEqual([{ cluster: { network: { cni: { name: 'none' } } } }]);
    const worker = e.patches.find((p) => p.patch.name === 'rackplan-firewall-worker')!.patch.documents;
    const ports = worker.filter((d) => d.kind === 'NetworkRuleConfig').map((d) => d.portSelector as { ports: unknown[]; protocol: string });
    expect(ports).toContainEqual({ ports: [8472], protocol: 'udp' });
    expect(ports).toContainEqual({ ports: [51820], protocol: 'udp' });
    expect(worker[0]).toEqual({ apiVersion: 'v1alpha1', kind: 'NetworkDefaultActionConfig', ingress: 'block' });
  });

  it('omniTemplate(reference) labels workers by rack and zone, taints storage at registration, and notes the node-role label it cannot set', () => {
    const e = omniTemplate(referencePlan());
    const storage = e.documents.find((d) => d.kind === 'Workers' && d.labels?.['rackplan.io/role'] === 'storage');
    const docs = storage!.patches!.flatMap((p) => ('documents' in p.inline! ? p.inline.documents : []));
    const machine = docs.find((d) => d.machine && (d.machine as Record<string, unknown>).nodeLabels)!.machine as Record<string, unknown>;
    expect(machine.nodeLabels).toMatchObject({
      'topology.kubernetes.io/zone': 'r1',
      'topology.rackplan.io/rack': 'r1',
      'topology.kubernetes.io/region': 'dc1',
    });
    expect(machine.nodeLabels).not.toHaveProperty('node-role.kubernetes.io/storage');
    expect(machine.kubelet).toEqual({ extraConfig: { registerWithTaints: [{ key: 'node-role.kubernetes.io/storage', effect: 'NoSchedule' }] } });
    expect(e.notes.some((n) => n.includes('node-role.kubernetes.io/storage'))).toBe(true);
    expect(storage!.systemExtensions).toEqual(['siderolabs/iscsi-tools', 'siderolabs/util-linux-tools']);
  });

  it('omniTemplate(plan with machine UUIDs) lists machines, puts the dashboard argument in kernelArgs and per-rack control-plane labels in Machine documents', () => {
    const plan = referencePlan();
    plan.nodes.forEach((n, i) => {
      n.machineUuid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    });
    const e = omniTemplate(plan);
    const cluster = e.documents[0];
    expect(cluster.kind === 'Cluster' && cluster.kernelArgs).toEqual(['talos.dashboard.disabled=1']);
    expect(e.documents.filter((d) => d.kind === 'Machine')).toHaveLength(3);
    expect(e.machineClasses).toEqual([]);
    const loaded = loadTemplate(e.template);
    expect(loaded.ok && validateTemplate(loaded.documents)).toEqual([]);
  });

  it('omniTemplate never emits a field Omni forbids in patches (any valid plan)', () => {
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 4, maxNodesPerRack: 3 }), (plan) => {
        for (const { patch } of omniTemplate(plan).patches) {
          expect(configPatchProblems(patch.documents.map((d) => YAML.stringify(d)).join('---\n'))).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('export → import → export', () => {
  for (const [file, build] of Object.entries(SAMPLES)) {
    it(`omniTemplate(planFromTemplate(omniTemplate(${file}))) is the same template`, () => {
      const plan = build();
      const first = omniTemplate(plan).template;
      expect(reexport(first, answersFor(plan))).toBe(first);
    });
  }

  it('export → import → export is stable for any valid plan', () => {
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 4, maxNodesPerRack: 3 }), (plan) => {
        const first = omniTemplate(plan).template;
        expect(reexport(first, answersFor(plan))).toBe(first);
      }),
      { numRuns: 60 },
    );
  });
});
