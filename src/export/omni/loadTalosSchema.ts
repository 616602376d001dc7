import type { TalosSchemaVersion } from './talosFormat';
import type { TalosConfigSchema, TalosKeyValidator } from './talosDocumentValidator';

/**
 * The vendored Talos configuration schemas (`talosSchemas/README.md` says where each came from),
 * imported on demand: each is about 300 KB, so a bundler gives each its own chunk, which the app
 * fetches only when an export is checked, and the main bundle never carries them.
 */
const SCHEMA_MODULES: Record<TalosSchemaVersion, () => Promise<{ default: unknown }>> = {
  '1.12': () => import('./talosSchemas/talos-v1.12-config.schema.json'),
  '1.13': () => import('./talosSchemas/talos-v1.13-config.schema.json'),
  '1.14': () => import('./talosSchemas/talos-v1.14-config.schema.json'),
};

/** The Talos configuration JSON Schema of one Talos minor version. Rejects only if its chunk cannot be loaded. */
export async function loadTalosSchema(version: TalosSchemaVersion): Promise<TalosConfigSchema> {
  return (await SCHEMA_MODULES[version]()).default as TalosConfigSchema;
}

const validators = new Map<TalosSchemaVersion, Promise<TalosKeyValidator>>();

/**
 * The validator of one version's Talos documents, built once per process (worker, CLI run):
 * Ajv, which compiles it, is imported here too, so it also stays out of bundles until needed.
 * A failed load is forgotten, so the next call tries again.
 */
export function loadTalosValidator(version: TalosSchemaVersion): Promise<TalosKeyValidator> {
  let validator = validators.get(version);
  if (!validator) {
    validator = Promise.all([import('./talosSchema'), loadTalosSchema(version)]).then(([m, schema]) => m.talosSchemaValidator(schema));
    validator.catch(() => validators.delete(version));
    validators.set(version, validator);
  }
  return validator;
}
