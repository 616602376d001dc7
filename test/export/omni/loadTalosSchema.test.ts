import { describe, expect, it } from 'vitest';
import { loadTalosSchema, loadTalosValidator } from '../../../src/cli/talosSchemas';
import { TALOS_SCHEMA_VERSIONS } from '../../../src/export/omni/talosFormat';
import { sharedData } from './sharedData';

describe('loadTalosSchema / loadTalosValidator (schemas read from ../shared/data/talos-config-schemas/)', () => {
  sharedData(); // fails here, saying where it looked, when ../shared/data is absent

  it('loadTalosSchema(v) gives each version its own schema, with the v1alpha1 config and KubeSpanConfig only from 1.13', async () => {
    const schemas = await Promise.all(TALOS_SCHEMA_VERSIONS.map(loadTalosSchema));
    for (const s of schemas) expect(s.$defs['v1alpha1.Config']).toBeDefined();
    const kinds = schemas.map((s) => Object.values(s.$defs).flatMap((d) => d.properties?.kind?.enum ?? []));
    expect(kinds.map((k) => k.includes('KubeSpanConfig'))).toEqual([false, true, true]);
  });

  it('loadTalosValidator(1.13) accepts a KubeSpanConfig and names the unknown key of a bad one; is built once', async () => {
    const validate = await loadTalosValidator('1.13');
    expect(validate({ apiVersion: 'v1alpha1', kind: 'KubeSpanConfig', enabled: true, mtu: 1420 })).toEqual([]);
    expect(validate({ apiVersion: 'v1alpha1', kind: 'KubeSpanConfig', enabled: true, running: true })).toEqual([
      { path: '(document)', message: 'unknown key "running"' },
    ]);
    expect(validate({ cluster: { allowSchedulingOnControlPlanes: 'yes' } })).toEqual([
      { path: 'cluster.allowSchedulingOnControlPlanes', message: 'must be boolean' },
    ]);
    expect(await loadTalosValidator('1.13')).toBe(validate);
  });

  it('loadTalosSchema(a version with no file) rejects naming the file it looked for', async () => {
    await expect(loadTalosSchema('0.1' as never)).rejects.toThrow(/no Talos 0\.1 schema at .*talos-config-schemas\/talos-v0\.1-config\.schema\.json/);
  });
});
