import type { TalosSchemaVersion } from './talosFormat';
import { talosDocumentValidator, type TalosKeyValidator } from './talosDocumentValidator';

type ValidatorModule = typeof import('virtual:rackplan/talos-v1.12-validator.js');

/**
 * The validators the build compiled from the schemas in ../shared/data/talos-config-schemas/, one chunk per version, imported
 * when an export is first checked: the app's Content-Security-Policy forbids compiling code at
 * run time, and the chunks (250-330 KB minified each) stay out of the main bundle and the worker's start.
 */
const MODULES: Record<TalosSchemaVersion, () => Promise<ValidatorModule>> = {
  '1.12': () => import('virtual:rackplan/talos-v1.12-validator.js'),
  '1.13': () => import('virtual:rackplan/talos-v1.13-validator.js'),
  '1.14': () => import('virtual:rackplan/talos-v1.14-validator.js'),
};

const validators = new Map<TalosSchemaVersion, Promise<TalosKeyValidator>>();

/** The precompiled validator of one version's Talos documents; a failed load is forgotten, so a retry can succeed. */
export function loadPrecompiledTalosValidator(version: TalosSchemaVersion): Promise<TalosKeyValidator> {
  let validator = validators.get(version);
  if (!validator) {
    validator = MODULES[version]().then((m) =>
      talosDocumentValidator(m.byKind, (name) => {
        const validate = Object.hasOwn(m.definitions, name) ? m.definitions[name] : undefined;
        if (!validate) throw new Error(`the precompiled Talos ${version} validator has no definition ${name}`);
        return validate;
      }),
    );
    validator.catch(() => validators.delete(version));
    validators.set(version, validator);
  }
  return validator;
}
