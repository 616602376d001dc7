import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TalosDocumentCheck } from '../export/omni/configPatch';
import { TALOS_SCHEMA_VERSIONS } from '../export/omni/talosFormat';
import { anyTalosVersion, talosSchemaCheck, type TalosConfigSchema } from '../export/omni/talosSchema';
import { sharedDataDir } from './sharedData';

/**
 * The Talos config schemas in `../shared/data/talos-config-schemas/` beside the repository clone
 * (found from this file, not from the working directory). `folder` is where they were looked for;
 * `checks` has one entry per version found.
 */
export function loadTalosSchemas(): { folder: string; checks: Map<string, TalosDocumentCheck> } {
  const { dir } = sharedDataDir(dirname(fileURLToPath(import.meta.url)));
  const folder = join(dir, 'talos-config-schemas');
  const checks = new Map<string, TalosDocumentCheck>();
  for (const v of TALOS_SCHEMA_VERSIONS) {
    const file = join(folder, `talos-v${v}-config.schema.json`);
    if (existsSync(file)) checks.set(v, talosSchemaCheck(JSON.parse(readFileSync(file, 'utf8')) as TalosConfigSchema));
  }
  return { folder, checks };
}

/** A check that passes a document any known Talos version accepts (as Omni's validator does). */
export function anyVersion(checks: Map<string, TalosDocumentCheck>): TalosDocumentCheck | undefined {
  return checks.size > 0 ? anyTalosVersion([...checks.values()]) : undefined;
}
