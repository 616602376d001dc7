import { z } from 'zod';
import { unionTags, unionVariant, unwrapSchema } from '../../editor/settingSchema';

export type LeafInput = 'number' | 'text' | 'list' | 'checkbox' | 'select';

/** How SchemaForm draws one field of a zod schema. */
export type FormNode =
  | { kind: 'leaf'; input: LeafInput; options?: string[]; step?: number | 'any' }
  /** `toggle`: an optional object with required fields, added and removed as a whole. */
  | { kind: 'object'; fields: [string, z.ZodType][]; toggle: boolean }
  | { kind: 'union'; discriminator: string; tags: string[]; fields: [string, z.ZodType][] }
  | { kind: 'note'; text: string };

const isRequired = (field: z.ZodType) => {
  const u = unwrapSchema(field);
  return !u.optional && !u.hasDefault;
};

/** The form for `schema` holding `value` (a union shows the fields of the variant `value` is). */
export function formNode(schema: z.ZodType, value: unknown): FormNode {
  const { inner, optional } = unwrapSchema(schema);
  if (inner instanceof z.ZodObject) {
    const fields = Object.entries(inner.shape as Record<string, z.ZodType>);
    return { kind: 'object', fields, toggle: optional && fields.some(([, f]) => isRequired(f)) };
  }
  if (inner instanceof z.ZodDiscriminatedUnion) {
    const discriminator = inner.def.discriminator;
    const tag = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[discriminator] : undefined;
    const variant = unionVariant(inner, tag);
    const fields = variant ? Object.entries(variant.shape as Record<string, z.ZodType>).filter(([k]) => k !== discriminator) : [];
    return { kind: 'union', discriminator, tags: unionTags(inner).map(String), fields };
  }
  if (inner instanceof z.ZodNumber) return { kind: 'leaf', input: 'number', step: inner.isInt ? 1 : 'any' };
  if (inner instanceof z.ZodBoolean) return { kind: 'leaf', input: 'checkbox' };
  if (inner instanceof z.ZodEnum) return { kind: 'leaf', input: 'select', options: inner.options.map(String) };
  if (inner instanceof z.ZodLiteral) return { kind: 'leaf', input: 'select', options: [...inner.values].map(String) };
  if (inner instanceof z.ZodString) return { kind: 'leaf', input: 'text' };
  if (inner instanceof z.ZodArray) {
    if (unwrapSchema(inner.element as z.ZodType).inner instanceof z.ZodNumber) return { kind: 'leaf', input: 'list' };
    const n = Array.isArray(value) ? value.length : 0;
    return { kind: 'note', text: `${n} ${n === 1 ? 'entry' : 'entries'}; edit them in the plan file.` };
  }
  return { kind: 'note', text: 'Edit this in the plan file.' };
}

/**
 * The value a raw input stands for: a number field left empty clears an optional value (and is
 * NaN, so refused, for a required one); a list is comma-separated numbers.
 */
export function parseInput(input: LeafInput, raw: string | boolean | undefined, optional: boolean): unknown {
  if (raw === undefined || typeof raw === 'boolean') return raw;
  if (input === 'number') return raw.trim() === '' ? (optional ? undefined : Number.NaN) : Number(raw);
  if (input === 'list')
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map(Number);
  return raw;
}

/** A DOM id for a settings path: `set-cluster-etcd-heartbeatMs`. */
export const settingId = (path: readonly (string | number)[]) => `set-${path.join('-').replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** A placeholder that shows a default without float noise: 1448/1538 → "0.9415". */
export const shortNumber = (n: number | undefined) => (n === undefined ? undefined : String(Number(n.toPrecision(4))));

/**
 * The paths whose description a form prints, each description once: reliability's seven
 * components share "Expected failures per component-year." and only the first says it.
 * Later fields keep it as a tooltip.
 */
export function helpPaths(schema: z.ZodType, value: unknown, path: readonly (string | number)[], seen = new Set<string>()): Set<string> {
  const shown = new Set<string>();
  const walk = (s: z.ZodType, v: unknown, p: readonly (string | number)[]) => {
    const node = formNode(s, v);
    const description = unwrapSchema(s).description;
    if (node.kind === 'leaf' && description && !seen.has(description)) {
      seen.add(description);
      shown.add(p.join('.'));
    }
    if (node.kind === 'object' || node.kind === 'union') {
      for (const [key, field] of node.fields) walk(field, v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined, [...p, key]);
    }
  };
  walk(schema, value, path);
  return shown;
}
