import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TalosConfigSchema, TalosKeyValidator } from '../export/omni/talosDocumentValidator';
import type { TalosSchemaVersion } from '../export/omni/talosFormat';
import { sharedDataDir } from './sharedData';

/**
 * Where the Talos configuration JSON Schemas are: `../shared/data/talos-config-schemas/` beside
 * the clone (siderolabs/docs `public/talos/v1.1x/schemas/config.schema.json`). They are read
 * from there, never copied into the repository; without that folder the CLI says the patches
 * are not schema-checked instead of guessing.
 */
export function talosSchemaDir(): { dir: string; exists: boolean } {
  const shared = sharedDataDir(dirname(fileURLToPath(import.meta.url)));
  const dir = join(shared.dir, 'talos-config-schemas');
  return { dir, exists: shared.exists };
}

/** The Talos configuration JSON Schema of one Talos minor version; rejects, saying where it looked, when it is absent. */
export async function loadTalosSchema(version: TalosSchemaVersion): Promise<TalosConfigSchema> {
  const { dir } = talosSchemaDir();
  const file = join(dir, `talos-v${version}-config.schema.json`);
  try {
    return JSON.parse(await readFile(file, 'utf8')) as TalosConfigSchema;
  } catch (e) {
    throw new Error(`no Talos ${version} schema at ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

const validators = new Map<TalosSchemaVersion, Promise<TalosKeyValidator>>();

/**
 * The validator of one version's Talos documents, built once per process (a CLI run, a test file):
 * Ajv compiles it here at run time, which the CLI may do (the app's policy forbids it, so the app
 * uses the validators the build compiled). A failed load is forgotten, so the next call tries again.
 */
export function loadTalosValidator(version: TalosSchemaVersion): Promise<TalosKeyValidator> {
  let validator = validators.get(version);
  if (!validator) {
    validator = Promise.all([import('../export/omni/talosSchema'), loadTalosSchema(version)]).then(([m, schema]) => m.talosSchemaValidator(schema));
    validator.catch(() => validators.delete(version));
    validators.set(version, validator);
  }
  return validator;
}
