import { z } from 'zod';
import { fieldPath } from './fieldPath';

/** One problem with a plan, named by the field it is in. */
export interface PlanIssue {
  /** `racks[3].heightU` */
  path: string;
  message: string;
}

export function formatIssue(issue: PlanIssue): string {
  return `${issue.path}: ${issue.message}`;
}

/** Finds the schema that validates `path` inside `data`, so messages can quote both bounds of a range. */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[], data: unknown): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  let value: unknown = data;
  for (const key of path) {
    current = unwrap(current);
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, z.ZodType>)[String(key)];
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else if (current instanceof z.ZodDiscriminatedUnion) {
      const options = current.options as z.ZodType[];
      const tag = current.def.discriminator;
      const chosen = options.find((o) => {
        const shape = (unwrap(o) as z.ZodObject).shape as Record<string, z.ZodType>;
        const lit = shape[tag];
        return lit instanceof z.ZodLiteral && value !== null && typeof value === 'object' && lit.values.has((value as Record<string, never>)[tag]);
      });
      current = chosen ? ((unwrap(chosen) as z.ZodObject).shape as Record<string, z.ZodType>)[String(key)] : undefined;
    } else return undefined;
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    if (current === undefined) return undefined;
  }
  return unwrap(current);
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let s = schema;
  while (s instanceof z.ZodDefault || s instanceof z.ZodOptional || s instanceof z.ZodNullable) {
    s = s.unwrap() as z.ZodType;
  }
  return s;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * Both bounds of a number schema, honouring exclusive ones: `1-60`, or `> 0 and <= 100000` for
 * `positive().max(100_000)` (quoting that as `0-100000` would call the rejected 0 allowed).
 * Null when either bound is missing or unbounded.
 */
function numberRange(target: z.ZodNumber): string | null {
  let lo: { value: number; inclusive: boolean } | null = null;
  let hi: { value: number; inclusive: boolean } | null = null;
  for (const check of target._zod.def.checks ?? []) {
    const def = check._zod.def as { check: string; value?: unknown; inclusive?: boolean };
    if (typeof def.value !== 'number') continue;
    const bound = { value: def.value, inclusive: def.inclusive ?? true };
    if (def.check === 'greater_than' && (!lo || bound.value >= lo.value)) lo = bound;
    if (def.check === 'less_than' && (!hi || bound.value <= hi.value)) hi = bound;
  }
  const finite = (n: number) => Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER;
  if (!lo || !hi || !finite(lo.value) || !finite(hi.value)) return null;
  if (lo.inclusive && hi.inclusive) return `${lo.value}-${hi.value}`;
  return `${lo.inclusive ? '>=' : '>'} ${lo.value} and ${hi.inclusive ? '<=' : '<'} ${hi.value}`;
}

/** zod's type names in a planner's words: `int` → `a whole number`. */
function kindName(expected: string): string {
  const names: Record<string, string> = {
    int: 'a whole number',
    number: 'a number',
    string: 'text',
    boolean: 'true or false',
    object: 'an object',
    array: 'a list',
    record: 'an object',
    nonoptional: 'a value',
  };
  return names[expected] ?? expected;
}

/** A union of literals (`count: 1 | 2`) lists its values; anything else says no form matched. */
function unionMessage(errors: readonly (readonly z.core.$ZodIssue[])[], got: unknown): string {
  const values: unknown[] = [];
  for (const option of errors) {
    const only = option.length === 1 ? option[0] : undefined;
    if (!only || only.code !== 'invalid_value' || only.path.length > 0) return 'does not match any allowed form';
    values.push(...only.values);
  }
  return `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${show(got)}`;
}

/** Turns zod's issues into field-path messages a planner can act on: `racks[3].heightU: must be 1-60, got 0`. */
export function issuesFromZod(error: z.ZodError, schema: z.ZodType, data: unknown): PlanIssue[] {
  return error.issues.flatMap((issue): PlanIssue[] => {
    const got = valueAt(data, issue.path);
    const path = fieldPath(issue.path);
    switch (issue.code) {
      case 'too_small':
      case 'too_big': {
        const target = schemaAt(schema, issue.path, data);
        if (target instanceof z.ZodNumber) {
          const range = numberRange(target);
          if (range) return [{ path, message: `must be ${range}, got ${show(got)}` }];
        }
        if (issue.origin === 'array') {
          const bound = issue.code === 'too_small' ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
          return [{ path, message: `must have ${bound} entries, got ${Array.isArray(got) ? got.length : show(got)}` }];
        }
        if (issue.origin === 'string') {
          const bound = issue.code === 'too_small' ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
          return [{ path, message: `must be ${bound} characters long, got ${show(got)}` }];
        }
        const rel =
          issue.code === 'too_small' ? `${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}` : `${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}`;
        return [{ path, message: `must be ${rel}, got ${show(got)}` }];
      }
      case 'invalid_type':
        return [{ path, message: got === undefined ? `is required (${kindName(issue.expected)})` : `must be ${kindName(issue.expected)}, got ${show(got)}` }];
      case 'invalid_value':
        return [{ path, message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${show(got)}` }];
      case 'invalid_union':
        if ('discriminator' in issue && issue.discriminator) {
          return [
            {
              path,
              message: `must be one of ${(issue as { options?: unknown[] }).options?.map((o) => JSON.stringify(o)).join(', ') ?? 'the known kinds'}, got ${show(got)}`,
            },
          ];
        }
        return [{ path, message: unionMessage(issue.errors, got) }];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: fieldPath([...issue.path, key]), message: 'is not a known field' }));
      case 'invalid_format':
        return [{ path, message: `${issue.message.replace(/^Invalid string: /, '')}, got ${show(got)}` }];
      case 'invalid_key': {
        const why = issue.issues[0]?.message.replace(/^Invalid string: /, '') ?? 'is not allowed';
        return [{ path, message: `is not an allowed key: ${why}` }];
      }
      case 'not_multiple_of':
        return [{ path, message: `must be a whole number, got ${show(got)}` }];
      default:
        return [{ path, message: `${issue.message}, got ${show(got)}` }];
    }
  });
}
