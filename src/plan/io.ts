import jsYaml from 'js-yaml';
import YAML from 'yaml';
import { DEFAULTS } from './defaults';
import { filledDefaults, type DefaultFill } from './filledDefaults';
import type { PlanIssue } from './issues';
import { duplicateJsonKey } from './jsonDuplicates';
import type { Plan } from './schema';
import { validatePlan, type ValidationResult } from './validate';

export type PlanFormat = 'json' | 'yaml';

/** A read plan, with the defaults it took for fields the file left out (listed, never silent). */
export type ReadResult = ValidationResult & { filled?: DefaultFill[] };

/** Guesses the format from a file name, falling back to the text's first character. */
export function formatOf(fileName: string | undefined, text: string): PlanFormat {
  if (fileName && /\.ya?ml$/i.test(fileName)) return 'yaml';
  if (fileName && /\.json$/i.test(fileName)) return 'json';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

/**
 * YAML written by Rackplan opens with YAML_HEADER and ends with YAML_END. A file that opens with
 * the header but lacks the end line was cut short (a partial download, a truncated paste): YAML
 * cut at a line break is often still valid and would silently lose its last nodes.
 */
export const YAML_HEADER = '# Rackplan plan (YAML). Its last line marks the end, so a copy cut short is refused.';
export const YAML_END = '# end of plan';

/**
 * The most values (objects, arrays and scalars) a YAML document may expand to through its
 * aliases. Anchors are legitimate (a plan may alias one label set 128 times), so the limit is on
 * what they expand to, not on how many there are. The 5,000-node sample is about 120,000
 * values; 4,000,000 is 30 times that, and a "billion laughs" document passes it within a few levels.
 */
export const MAX_EXPANDED_VALUES = 4_000_000;

/**
 * Parses, migrates and validates plan text. Never throws: a syntax error, an oversize file, a
 * plan with too many nodes or any schema problem comes back as issues naming where it is.
 * Duplicate keys, unknown YAML tags, aliases that expand too far and a Rackplan YAML file cut
 * short are errors; fields left out that have defaults are filled and listed in `filled`.
 */
export function readPlan(text: string, format: PlanFormat): ReadResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > DEFAULTS.limits.maxFileBytes) {
    // Rounded up, so a file just over the limit never reads as exactly the limit.
    return fail('(file)', `is ${(Math.ceil((bytes / 2 ** 20) * 10) / 10).toFixed(1)} MiB; plans may be at most ${DEFAULTS.limits.maxFileBytes / 2 ** 20} MiB`);
  }
  // Editors on Windows often save UTF-8 with a byte-order mark, which JSON.parse refuses.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = format === 'json' ? parseJson(body) : parseYaml(body);
  if (!parsed.ok) return parsed;
  const doc = parsed.doc;
  const nodes = (doc as { nodes?: unknown } | null)?.nodes;
  if (Array.isArray(nodes) && nodes.length > DEFAULTS.limits.maxNodes) {
    return fail('nodes', `has ${nodes.length} nodes; plans may have at most ${DEFAULTS.limits.maxNodes}`);
  }
  const result = validatePlan(doc);
  if (!result.ok) return result;
  const filled = filledDefaults(doc, result.plan);
  return filled.length ? { ...result, filled } : result;
}

function parseJson(body: string): { ok: true; doc: unknown } | { ok: false; issues: PlanIssue[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (error) {
    return fail('(file)', `is not valid JSON${jsonErrorPlace(body, (error as Error).message)}: ${(error as Error).message.split('\n')[0]}`);
  }
  // JSON.parse keeps the last of two equal keys without a word; a plan never means that.
  const duplicate = duplicateJsonKey(body);
  if (duplicate) return fail(duplicate.path, `is given twice (line ${duplicate.line}); a key may appear once per object`);
  return { ok: true, doc };
}

/**
 * Where a JSON syntax error is, as " at line L, column C", for the user to find it. V8's message
 * often gives no position, so the text is read again by the YAML reader (JSON is YAML), whose
 * errors carry one; a document that simply stops is "at the end".
 */
function jsonErrorPlace(body: string, message: string): string {
  const lines = body.split('\n').length;
  const position = /at position (\d+)/.exec(message);
  if (position) {
    const at = Number(position[1]);
    const before = body.slice(0, at);
    const line = before.split('\n').length;
    return ` at line ${line}, column ${at - before.lastIndexOf('\n')}`;
  }
  if (/end of (JSON )?input/i.test(message)) return ` at the end (line ${lines}): it stops before its last bracket closes, so it looks cut short`;
  try {
    jsYaml.load(body, { schema: jsYaml.JSON_SCHEMA });
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    if (mark) return ` at line ${mark.line + 1}, column ${mark.column + 1}`;
  }
  return '';
}

function parseYaml(body: string): { ok: true; doc: unknown } | { ok: false; issues: PlanIssue[] } {
  if (body.startsWith(YAML_HEADER) && body.trimEnd().split('\n').at(-1)?.trim() !== YAML_END) {
    const lines = body.split('\n').length;
    return fail('(file)', `ends at line ${lines} without its "${YAML_END}" line: the file was cut short; open the complete file`);
  }
  let doc: unknown;
  try {
    // The core schema: JSON's types plus YAML's spellings of them. Tags it does not know
    // (!!binary, !!timestamp, !custom) are errors rather than strings or warnings.
    doc = jsYaml.load(body, { schema: jsYaml.CORE_SCHEMA, json: false });
  } catch (error) {
    const e = error as { reason?: string; mark?: { line: number; column: number }; message: string };
    const where = e.mark ? ` at line ${e.mark.line + 1}, column ${e.mark.column + 1}` : '';
    return fail('(file)', `is not valid YAML${where}: ${e.reason ?? e.message.split('\n')[0]}`);
  }
  const expansion = aliasExpansion(doc);
  if (expansion)
    return fail(expansion, `expands through YAML aliases to more than ${MAX_EXPANDED_VALUES.toLocaleString('en')} values; a plan never needs that many`);
  return { ok: true, doc };
}

/**
 * The path where the document's expanded size (each alias counted as a full copy of what it
 * names) first passes MAX_EXPANDED_VALUES, or null. Sizes of shared objects are memoised, so
 * the check costs one visit per distinct object however far the aliases expand.
 */
function aliasExpansion(root: unknown): string | null {
  const sizes = new Map<object, number>();
  let over: string | null = null;
  const visit = (value: unknown, path: string): number => {
    if (over !== null) return Infinity;
    if (value === null || typeof value !== 'object') return 1;
    const known = sizes.get(value);
    if (known !== undefined) return known;
    // An object being sized that is met again is its own ancestor: an alias cycle.
    sizes.set(value, Infinity);
    let size = 1;
    for (const [key, child] of Object.entries(value)) {
      size += visit(child, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
      if (size > MAX_EXPANDED_VALUES) {
        over ??= path || '(plan)';
        return Infinity;
      }
    }
    sizes.set(value, size);
    return size;
  };
  visit(root, '');
  return over;
}

/** Serialises a plan; `readPlan(writePlan(p, f), f)` gives back `p`. */
export function writePlan(plan: Plan, format: PlanFormat): string {
  if (format === 'json') return `${JSON.stringify(plan, null, 2)}\n`;
  return `${YAML_HEADER}\n${YAML.stringify(plan, { lineWidth: 0, aliasDuplicateObjects: false })}${YAML_END}\n`;
}

function fail(path: string, message: string): { ok: false; issues: PlanIssue[] } {
  return { ok: false, issues: [{ path, message }] };
}
