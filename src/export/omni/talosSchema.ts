import Ajv2020, { type Options, type ValidateFunction } from 'ajv/dist/2020';
import type { TalosDocumentCheck } from './configPatch';
import { definitionsByKind, talosDocumentValidator, type TalosConfigSchema, type TalosKeyValidator } from './talosDocumentValidator';

/**
 * How Ajv reads the Talos schemas, at run time (CLI, tests) and at build time (the app) alike:
 * draft 2020-12, every error rather than the first, `format` not checked, unknown keywords such
 * as `markdownDescription` ignored.
 */
export const TALOS_AJV_OPTIONS: Options = { strict: false, allErrors: true, validateFormats: false };

/** Our own `$id` for the schema: the 1.14 schema reuses the 1.13 `$id`, so each version gets its own Ajv and this id. */
export const TALOS_SCHEMA_ID = 'rackplan:talos-config';

/** `talosSchemaValidator`, with each problem as one sentence `path: message` (the importer's form). */
export function talosSchemaCheck(schema: TalosConfigSchema): TalosDocumentCheck {
  return talosDocumentCheck(talosSchemaValidator(schema));
}

/** A validator's problems as sentences `path: message`, the form Omni's validator reports them in. */
export function talosDocumentCheck(validate: TalosKeyValidator): TalosDocumentCheck {
  return (document) => validate(document).map((p) => `${p.path}: ${p.message}`);
}

/**
 * Builds the validator of one Talos version's documents from its JSON Schema with Ajv, compiling
 * each definition on first use (the v1alpha1 one takes a few hundred milliseconds). Ajv compiles
 * to code with `new Function`, so this runs where no Content-Security-Policy forbids it (Node);
 * the app uses the same validators compiled at build time (`precompileTalosSchema.ts`).
 */
export function talosSchemaValidator(schema: TalosConfigSchema): TalosKeyValidator {
  const ajv = new Ajv2020(TALOS_AJV_OPTIONS);
  ajv.addSchema({ ...schema, $id: TALOS_SCHEMA_ID });
  const compiled = new Map<string, ValidateFunction>();
  return talosDocumentValidator(definitionsByKind(schema), (def) => {
    let v = compiled.get(def);
    if (!v) {
      v = ajv.compile({ $ref: `${TALOS_SCHEMA_ID}#/$defs/${def}` });
      compiled.set(def, v);
    }
    return v;
  });
}

/**
 * Combines the checks of several Talos versions: a document passes if any version accepts it,
 * because Omni validates with its own (newest) Talos machinery, which still reads the legacy keys
 * newer schemas no longer list. When none accepts it, the fewest and deepest problems are kept:
 * the version that understood most of the document explains best what is wrong with it.
 */
export function anyTalosVersion(checks: readonly TalosDocumentCheck[]): TalosDocumentCheck {
  return (document) => {
    let best: string[] | undefined;
    for (const check of checks) {
      const errors = check(document);
      if (errors.length === 0) return [];
      if (!best || errors.length < best.length || (errors.length === best.length && depth(errors[0]) > depth(best[0]))) best = errors;
    }
    return best ?? [];
  };
}

function depth(error: string): number {
  return error.split(':')[0].split('.').length;
}
