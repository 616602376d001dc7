import type { ErrorObject } from 'ajv';
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

/** An Ajv validate function, compiled at run time or ahead of time: true, or false with `errors`. */
export type CompiledDefinition = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** The definition a kind-less document (the legacy machine config) is checked against. */
export const V1ALPHA1_DEFINITION = 'v1alpha1.Config';

/** Which `$defs` entry describes each document `kind` (`KubeSpanConfig` → `network.KubeSpanConfigV1Alpha1`). */
export function definitionsByKind(schema: TalosConfigSchema): Record<string, string> {
  const byKind: Record<string, string> = {};
  for (const [name, def] of Object.entries(schema.$defs)) {
    const kinds = def.properties?.kind?.enum;
    if (Array.isArray(kinds)) for (const k of kinds) if (typeof k === 'string') byKind[k] = name;
  }
  return byKind;
}

/**
 * The validator of one Talos version's documents: the definition is picked by `kind` (none: the
 * v1alpha1 machine config) and run. Null values are dropped first, because Talos' YAML decoder
 * reads `key:` with no value as "not set" where the schema would demand an object. `definition`
 * gives the compiled function of a `$defs` name; whether Ajv compiled it now or at build time
 * (the app, whose Content-Security-Policy forbids compiling code at run time) is its business.
 */
export function talosDocumentValidator(byKind: Readonly<Record<string, string>>, definition: (name: string) => CompiledDefinition): TalosKeyValidator {
  return (document) => {
    const kind = typeof document.kind === 'string' ? document.kind : '';
    const def = kind === '' ? V1ALPHA1_DEFINITION : Object.hasOwn(byKind, kind) ? byKind[kind] : undefined;
    if (!def) return [{ path: 'kind', message: `unknown document kind ${JSON.stringify(kind)}` }];
    const validate = definition(def);
    if (validate(withoutNulls(document))) return [];
    return dedupe((validate.errors ?? []).map(describeError));
  };
}

function describeError(e: ErrorObject): TalosKeyProblem {
  const path =
    e.instancePath
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .join('.') || '(document)';
  if (e.keyword === 'additionalProperties')
    return { path, message: `unknown key ${JSON.stringify((e.params as { additionalProperty: string }).additionalProperty)}` };
  if (e.keyword === 'enum')
    return { path, message: `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}` };
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
