import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { omniTemplate } from '../../../src/export/omni/exportTemplate';
import { loadPrecompiledTalosValidator } from '../../../src/export/omni/loadPrecompiledTalosValidator';
import { loadTalosValidator } from '../../../src/cli/talosSchemas';
import { precompiledTalosSchemaModule } from '../../../src/export/omni/precompileTalosSchema';
import type { TalosConfigSchema } from '../../../src/export/omni/talosDocumentValidator';
import { TALOS_SCHEMA_VERSIONS } from '../../../src/export/omni/talosFormat';
import { SAMPLES } from '../../../src/plan/samples/samples';
import { sharedSchemaFile } from './sharedData';

/** Documents each validator must judge alike: every exported patch document, and broken ones of each kind of fault. */
function documentsFor(version: string): Record<string, unknown>[] {
  const exported = Object.values(SAMPLES).flatMap((build) => {
    const plan = build();
    plan.cluster.talosVersion = `${version}.0`;
    return omniTemplate(plan).patches.flatMap((p) => p.patch.documents);
  });
  const broken = [
    { machine: { kubelet: { nodeIP: 5 } } },
    { cluster: { allowSchedulingOnControlPlanes: 'yes', unknownKey: 1 } },
    { machine: { network: { kubespan: { enabled: true, running: true } } } },
    { apiVersion: 'v1alpha1', kind: 'KubeSpanConfig', enabled: 'on' },
    { apiVersion: 'v1alpha1', kind: 'NetworkRuleConfig', name: 'r', portSelector: { ports: ['x'], protocol: 'sctp' } },
    { apiVersion: 'v1alpha1', kind: 'NoSuchConfig' },
    { machine: { sysctls: { 'vm.nr_hugepages': null } } },
  ];
  return [...exported, ...broken];
}

describe('precompiledTalosSchemaModule(schema) / loadPrecompiledTalosValidator(version)', () => {
  for (const version of TALOS_SCHEMA_VERSIONS) {
    it(`loadPrecompiledTalosValidator(${version}) reaches the same verdict as Ajv compiling the schema at run time, document for document`, async () => {
      const [ahead, runtime] = await Promise.all([loadPrecompiledTalosValidator(version), loadTalosValidator(version)]);
      const docs = documentsFor(version);
      expect(docs.map(ahead)).toEqual(docs.map(runtime));
      // The comparison is worth something only if some documents fail.
      expect(docs.filter((d) => runtime(d).length > 0).length).toBeGreaterThanOrEqual(6);
    });
  }

  it('precompiledTalosSchemaModule(1.13 schema) is an ES module without annotations, require or eval, exporting definitions and byKind', () => {
    const schema = JSON.parse(readFileSync(sharedSchemaFile('1.13'), 'utf8')) as TalosConfigSchema;
    const code = precompiledTalosSchemaModule(schema);
    expect(code).toMatch(/^export const definitions = \{ "v1alpha1\.Config": d0, /m);
    expect(code).toMatch(/^export const byKind = \{.*"KubeSpanConfig":"network\.KubeSpanConfigV1Alpha1"/m);
    expect(code).not.toMatch(/markdownDescription|\brequire\(|new Function|\beval\(/);
  });
});
