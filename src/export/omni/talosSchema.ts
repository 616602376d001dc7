import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import type { TalosDocumentCheck } from './configPatch';
import { isMap } from './loadTemplate';

/** A Talos configuration JSON Schema (siderolabs/docs `public/talos/v1.x/schemas/config.schema.json`). */
export interface TalosConfigSchema {
  $defs: Record<string, { properties?: Record<string, { enum?: unknown[] }> }>;
  oneOf?: { $ref: string }[];
}

/** One schema problem of a Talos document: the key path in it (`machine.network.kubespan`) and what is wrong. */
export interface TalosKeyProblem {
  /** Dotted key path inside the document, list items by index (`ingress.0.subnet`); `(document)` for the whole. */
  path: string;
  message: string;
}

/** Validates one Talos document (a patch document, kind-less or with `kind`) and lists its problems. */
export type TalosKeyValidator = (document: Record<string, unknown>) => TalosKeyProblem[];

/** `talosSchemaValidator`, with each problem as one sentence `path: message` (the importer's form). */
export function talosSchemaCheck(schema: TalosConfigSchema): TalosDocumentCheck {
  return talosDocumentCheck(talosSchemaValidator(schema));
}

/** A validator's problems as sentences `path: message`, the form Omni's validator reports them in. */
export function talosDocumentCheck(validate: TalosKeyValidator): TalosDocumentCheck {
  return (document) => validate(document).map((p) => `${p.path}: ${p.message}`);
}

/**
 * Builds the validator of one Talos version's documents from its JSON Schema: the document's
 * definition is picked by `kind` (none: the v1alpha1 machine config), then validated with Ajv
 * (draft 2020-12, all errors). Null values are dropped first, because Talos' YAML decoder reads
 * `key:` with no value as "not set" where the schema would demand an object. Definitions are
 * compiled on first use (the v1alpha1 one takes Ajv a few hundred milliseconds).
 */
export function talosSchemaValidator(schema: TalosConfigSchema): TalosKeyValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  // The 1.14 schema reuses the 1.13 $id, so each version gets its own Ajv and an id of our own.
  const id = 'rackplan:talos-config';
  ajv.addSchema({ ...schema, $id: id });
  const byKind = new Map<string, string>();
  for (const [name, def] of Object.entries(schema.$defs)) {
    const kinds = def.properties?.kind?.enum;
    if (Array.isArray(kinds)) for (const k of kinds) if (typeof k === 'string') byKind.set(k, name);
  }
  const compiled = new Map<string, ValidateFunction>();
  const validatorOf = (def: string) => {
    let v = compiled.get(def);
    if (!v) {
      v = ajv.compile({ $ref: `${id}#/$defs/${def}` });
      compiled.set(def, v);
    }
    return v;
  };
  return (document) => {
    const kind = typeof document.kind === 'string' ? document.kind : '';
    const def = kind === '' ? 'v1alpha1.Config' : byKind.get(kind);
    if (!def) return [{ path: 'kind', message: `unknown document kind ${JSON.stringify(kind)}` }];
    const validate = validatorOf(def);
    if (validate(withoutNulls(document))) return [];
    return dedupe((validate.errors ?? []).map(describeError));
  };
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

function describeError(e: ErrorObject): TalosKeyProblem {
  const path = e.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).join('.') || '(document)';
  if (e.keyword === 'additionalProperties') return { path, message: `unknown key ${JSON.stringify((e.params as { additionalProperty: string }).additionalProperty)}` };
  if (e.keyword === 'enum') return { path, message: `must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}` };
  return { path, message: e.message ?? e.keyword };
}

/** Ajv reports the same problem once per branch of a oneOf/anyOf; the user needs it once. */
function dedupe(list: TalosKeyProblem[]): TalosKeyProblem[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isMap(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = withoutNulls(v);
  return out;
}
