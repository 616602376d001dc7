import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TalosDocumentCheck } from '../../../src/export/omni/configPatch';
import { TALOS_SCHEMA_VERSIONS } from '../../../src/export/omni/talosFormat';
import type { TalosConfigSchema } from '../../../src/export/omni/talosDocumentValidator';
import { anyTalosVersion, talosSchemaCheck } from '../../../src/export/omni/talosSchema';
import { sharedDataDir } from '../../../src/cli/sharedData';

const here = dirname(fileURLToPath(import.meta.url));
const shared = sharedDataDir(here);

/** `../shared/data` beside the clone, or a test failure that says where it looked and what is missing. */
export function sharedData(): string {
  if (!shared.exists) {
    throw new Error(`../shared/data is absent (looked for ${shared.dir}, beside the repository clone): the Omni template fixtures these tests read live there`);
  }
  return shared.dir;
}

/** A Talos configuration schema in `../shared/data/talos-config-schemas/`, read synchronously for tests. */
export const sharedSchemaFile = (version: string) => join(sharedData(), 'talos-config-schemas', `talos-v${version}-config.schema.json`);

export const fixturesDir = () => join(sharedData(), 'omni-template-fixtures');

export function fixture(name: string): string {
  return readFileSync(join(fixturesDir(), name), 'utf8');
}

/** Every template fixture (not Omni's derived `*-resources.yaml`). */
export function templateFixtures(): string[] {
  return readdirSync(fixturesDir())
    .filter((f) => f.endsWith('.yaml') && !f.endsWith('-resources.yaml'))
    .sort();
}

/** Reads `file:` references the way Omni does: relative to the template's folder. */
export function fixtureFiles(path: string): string | undefined {
  try {
    return readFileSync(resolve(fixturesDir(), path), 'utf8');
  } catch {
    return undefined;
  }
}

export { TALOS_SCHEMA_VERSIONS };

const checks = new Map<string, TalosDocumentCheck>();
export function talosCheckFor(version: string): TalosDocumentCheck {
  let c = checks.get(version);
  if (!c) {
    const schema = JSON.parse(readFileSync(sharedSchemaFile(version), 'utf8')) as TalosConfigSchema;
    c = talosSchemaCheck(schema);
    checks.set(version, c);
  }
  return c;
}

export const anyVersionCheck = () => anyTalosVersion(TALOS_SCHEMA_VERSIONS.map(talosCheckFor));
