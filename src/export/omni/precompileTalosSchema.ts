import Ajv2020 from 'ajv/dist/2020';
import standaloneCode from 'ajv/dist/standalone';
import { definitionsByKind, V1ALPHA1_DEFINITION, type TalosConfigSchema } from './talosDocumentValidator';
import { TALOS_AJV_OPTIONS, TALOS_SCHEMA_ID } from './talosSchema';

/**
 * The source of an ES module that validates one Talos version's documents without compiling
 * anything when it runs: Ajv's standalone code for the v1alpha1 config and every document kind,
 * plus `definitions` (`$defs` name → validate function) and `byKind` (kind → `$defs` name). The
 * app's Content-Security-Policy has no 'unsafe-eval', so Ajv cannot compile in the browser; the
 * build runs this (vite.config.ts, `virtual:rackplan/talos-v<version>-validator.js`) instead, with
 * the same options the run-time path uses, so both reach the same verdicts.
 */
export function precompiledTalosSchemaModule(schema: TalosConfigSchema): string {
  const ajv = new Ajv2020({ ...TALOS_AJV_OPTIONS, code: { source: true, esm: true } });
  // Annotations do not change what validates; without them the module is a fraction of the size.
  ajv.addSchema({ ...(withoutAnnotations(schema) as object), $id: TALOS_SCHEMA_ID });
  const byKind = definitionsByKind(schema);
  const names = [V1ALPHA1_DEFINITION, ...new Set(Object.values(byKind))];
  const exports = Object.fromEntries(names.map((name, i) => [`d${i}`, `${TALOS_SCHEMA_ID}#/$defs/${name}`]));
  const code = standaloneCode(ajv, exports);
  // A `require` would fail in a browser module; Ajv emits one only for keywords these schemas do not use today.
  if (/\brequire\(/.test(code))
    throw new Error('Ajv standalone code needs a runtime helper (require): the Talos schema uses a keyword the precompiled path does not support');
  const table = names.map((name, i) => `${JSON.stringify(name)}: d${i}`).join(', ');
  return `${code}\nexport const definitions = { ${table} };\nexport const byKind = ${JSON.stringify(byKind)};\n`;
}

/** Keywords that only describe (JSON Schema 2020-12 §9 "annotations", and editors' extensions). */
const ANNOTATIONS = new Set(['title', 'description', 'markdownDescription', 'x-intellij-html-description', 'examples', '$comment']);
/** Keywords whose value is a map of subschemas, or a list of them, or one subschema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_LISTS = new Set(['oneOf', 'anyOf', 'allOf', 'prefixItems']);
const SCHEMAS = new Set([
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
]);

/** The schema without annotation keywords, walking only schema positions (a property named `title` stays). */
function withoutAnnotations(schema: unknown): unknown {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (SCHEMA_MAPS.has(key) && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutAnnotations(v)]));
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) out[key] = value.map(withoutAnnotations);
    else if (SCHEMAS.has(key)) out[key] = withoutAnnotations(value);
    else out[key] = value;
  }
  return out;
}
