import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTalosSchema, loadTalosValidator } from '../../../src/export/omni/loadTalosSchema';
import { TALOS_SCHEMA_VERSIONS } from '../../../src/export/omni/talosFormat';
import { sharedTalosSchemas, vendoredSchemaFile } from './sharedData';

const reference = sharedTalosSchemas();

describe('vendored Talos schemas (src/export/omni/talosSchemas/)', () => {
  for (const version of TALOS_SCHEMA_VERSIONS) {
    const title = reference.exists
      ? `talos-v${version}-config.schema.json is byte-identical to ../shared/data/talos-config-schemas/`
      : `talos-v${version}-config.schema.json not compared: ../shared/data/talos-config-schemas/ is absent (looked in ${reference.dir})`;
    it(title, (ctx) => {
      // A skip, not a pass: without the reference copy nothing was compared, and the report must say so.
      ctx.skip(!reference.exists, `../shared/data/talos-config-schemas/ is absent (looked in ${reference.dir})`);
      const name = `talos-v${version}-config.schema.json`;
      expect(readFileSync(vendoredSchemaFile(version)).equals(readFileSync(join(reference.dir, name)))).toBe(true);
    });
  }
});

describe('loadTalosSchema / loadTalosValidator', () => {
  it('loadTalosSchema(v) gives each version its own schema, with the v1alpha1 config and KubeSpanConfig only from 1.13', async () => {
    const schemas = await Promise.all(TALOS_SCHEMA_VERSIONS.map(loadTalosSchema));
    for (const s of schemas) expect(s.$defs['v1alpha1.Config']).toBeDefined();
    const kinds = schemas.map((s) => Object.values(s.$defs).flatMap((d) => d.properties?.kind?.enum ?? []));
    expect(kinds.map((k) => k.includes('KubeSpanConfig'))).toEqual([false, true, true]);
  });

  it('loadTalosValidator(1.13) accepts a KubeSpanConfig and names the unknown key of a bad one; is built once', async () => {
    const validate = await loadTalosValidator('1.13');
    expect(validate({ apiVersion: 'v1alpha1', kind: 'KubeSpanConfig', enabled: true, mtu: 1420 })).toEqual([]);
    expect(validate({ apiVersion: 'v1alpha1', kind: 'KubeSpanConfig', enabled: true, running: true })).toEqual([{ path: '(document)', message: 'unknown key "running"' }]);
    expect(validate({ cluster: { allowSchedulingOnControlPlanes: 'yes' } })).toEqual([{ path: 'cluster.allowSchedulingOnControlPlanes', message: 'must be boolean' }]);
    expect(await loadTalosValidator('1.13')).toBe(validate);
  });
});
