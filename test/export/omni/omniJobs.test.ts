import { describe, expect, it } from 'vitest';
import { omniExportJob, omniImportJob, omniTalosCheckJob } from '../../../src/export/omni/omniJobs';
import { referencePlan } from '../../../src/plan/samples/samples';
import { fixture } from './sharedData';

const answers = (plan = referencePlan()) => ({ hardware: plan.hardware, defaultHardwareId: plan.hardware[0].id, rackCount: 2, unlimitedSize: 3 });

describe("omniExportJob / omniImportJob (the app's worker jobs)", () => {
  it("omniExportJob(reference) passes Omni's checks and counts 8 documents", () => {
    const s = omniExportJob(referencePlan());
    expect(s.problems).toEqual([]);
    expect(s.documentCount).toBe(1 + 1 + 3 + 3);
  });

  it("omniTalosCheckJob(reference on Talos 1.12, 1.13, 1.14) checks every patch against that version's schema and finds none wrong", async () => {
    for (const version of ['1.12', '1.13', '1.14'] as const) {
      const plan = referencePlan();
      plan.cluster.talosVersion = `${version}.1`;
      const verdict = await omniTalosCheckJob(plan);
      expect(verdict).toEqual({ status: 'checked', schemaVersion: version, patchCount: omniExportJob(plan).patchCount, problems: [] });
    }
  });

  it('omniTalosCheckJob(plan on Talos 1.11) says there is no schema for 1.11 and which versions have one', async () => {
    const plan = referencePlan();
    plan.cluster.talosVersion = '1.11.5';
    expect(await omniTalosCheckJob(plan)).toEqual({ status: 'no-schema', talosMinor: '1.11', available: ['1.12', '1.13', '1.14'] });
  });

  it('omniTalosCheckJob(plan, a loader that fails) is unavailable, naming the reason', async () => {
    const verdict = await omniTalosCheckJob(referencePlan(), () => Promise.reject(new Error('chunk failed')));
    expect(verdict).toEqual({ status: 'unavailable', schemaVersion: '1.12', reason: 'chunk failed' });
  });

  it('omniImportJob(cluster-invalid4) is refused; (cluster-inline-bytes) is ready; (cluster1) is refused, its file patches unreadable in a browser', () => {
    const refused = omniImportJob(fixture('cluster-invalid4.yaml'), answers());
    expect(refused.stage === 'refused' && refused.problems.map((p) => p.field)).toEqual(expect.arrayContaining(['features.diskEncryption', 'machineClass']));
    const ready = omniImportJob(fixture('cluster-inline-bytes.yaml'), answers());
    expect(ready.stage).toBe('ready');
    if (ready.stage === 'ready') {
      expect(ready.plan.cluster.kubespan.enabled).toBe(true);
      expect(ready.plan.nodes.map((n) => n.role)).toEqual(['controlplane', 'worker']);
      expect(ready.plan.nodes[0].machineUuid).toBe('aaaaaaaa-1111-2222-3333-444444444444');
    }
    const files = omniImportJob(fixture('cluster1.yaml'), answers());
    expect(files.stage === 'refused' && files.problems.every((p) => /failed to access/.test(p.message))).toBe(true);
  });

  it('omniImportJob(cluster3, hardware by role) gives control planes and workers their own profiles', () => {
    const plan = referencePlan();
    const [cp, , worker] = plan.hardware;
    const out = omniImportJob(fixture('cluster3.yaml'), {
      ...answers(plan),
      defaultHardwareId: worker.id,
      hardwareByRole: { controlplane: cp.id, worker: worker.id },
    });
    if (out.stage !== 'ready') throw new Error(out.stage);
    expect(new Set(out.plan.nodes.filter((n) => n.role === 'controlplane').map((n) => n.hardwareId))).toEqual(new Set([cp.id]));
    expect(new Set(out.plan.nodes.filter((n) => n.role === 'worker').map((n) => n.hardwareId))).toEqual(new Set([worker.id]));
  });
});
