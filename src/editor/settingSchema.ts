import { z } from 'zod';
import { assumptionsSchema, clusterSchema, reliabilitySchema, workloadSchema } from '../plan/schema';

/** The plan sections the settings editor changes, each checked on its own by its schema. */
export const SETTINGS_SCHEMAS = {
  cluster: clusterSchema,
  workload: workloadSchema,
  reliability: reliabilitySchema,
  assumptions: assumptionsSchema,
} as const;

export type SettingsSection = keyof typeof SETTINGS_SCHEMAS;
export type SettingPath = readonly (string | number)[];

export const isSettingsSection = (key: unknown): key is SettingsSection => typeof key === 'string' && Object.hasOwn(SETTINGS_SCHEMAS, key);

/** Peels defaults and optionals off a schema, keeping the outermost description. */
export function unwrapSchema(schema: z.ZodType): { inner: z.ZodType; optional: boolean; hasDefault: boolean; description?: string } {
  let s = schema;
  let optional = false;
  let hasDefault = false;
  let description = s.description;
  while (s instanceof z.ZodDefault || s instanceof z.ZodOptional || s instanceof z.ZodNullable) {
    if (s instanceof z.ZodOptional) optional = true;
    if (s instanceof z.ZodDefault) hasDefault = true;
    s = s.unwrap() as z.ZodType;
    description ??= s.description;
  }
  return { inner: s, optional, hasDefault, description };
}

const shapeOf = (schema: z.ZodObject) => schema.shape as Record<string, z.ZodType>;

/** The variant of a discriminated union whose tag `value` carries, or undefined. */
export function unionVariant(union: z.ZodDiscriminatedUnion, tag: unknown): z.ZodObject | undefined {
  const key = union.def.discriminator;
  return (union.options as z.ZodType[])
    .map((o) => unwrapSchema(o).inner)
    .find(
      (o): o is z.ZodObject =>
        o instanceof z.ZodObject &&
        (() => {
          const lit = shapeOf(o)[key];
          return lit instanceof z.ZodLiteral && lit.values.has(tag as never);
        })(),
    );
}

/** The tag values of a discriminated union, in declaration order (`longhorn`, `ceph`, …). */
export function unionTags(union: z.ZodDiscriminatedUnion): unknown[] {
  const key = union.def.discriminator;
  return (union.options as z.ZodType[]).flatMap((o) => {
    const inner = unwrapSchema(o).inner;
    const lit = inner instanceof z.ZodObject ? shapeOf(inner)[key] : undefined;
    return lit instanceof z.ZodLiteral ? [...lit.values] : [];
  });
}

/**
 * The schema that validates `path` below `schema`, following discriminated unions by the tag in
 * `data` (the current value). Undefined when the path names no field.
 */
export function schemaAtPath(schema: z.ZodType, path: SettingPath, data: unknown): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  let value = data;
  for (const key of path) {
    const inner: z.ZodType = unwrapSchema(current).inner;
    if (inner instanceof z.ZodObject) current = Object.hasOwn(shapeOf(inner), String(key)) ? shapeOf(inner)[String(key)] : undefined;
    else if (inner instanceof z.ZodArray) current = typeof key === 'number' ? (inner.element as z.ZodType) : undefined;
    else if (inner instanceof z.ZodDiscriminatedUnion) {
      const tag = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[inner.def.discriminator] : undefined;
      const variant = unionVariant(inner, tag);
      current = variant && Object.hasOwn(shapeOf(variant), String(key)) ? shapeOf(variant)[String(key)] : undefined;
    } else current = undefined;
    if (current === undefined) return undefined;
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return current;
}

/**
 * Starting values for required fields that have no schema default, so adding an optional
 * section or switching a union variant gives a valid object. Keyed by the field's name.
 * Ceph's default erasure-code profile is k=2, m=2 (docs.ceph.com, "Erasure code profiles");
 * the etcd profile starts from the etcd benchmark's write test (etcd op-guide/performance:
 * 100 connections, 8 B keys, 256 B values) with one client per connection, since a plan's
 * connections may not be fewer than its clients.
 */
const REQUIRED_SEEDS: Record<string, unknown> = {
  k: 2,
  m: 2,
  clients: 100,
  connections: 100,
  keyBytes: 8,
  valueBytes: 256,
  writeFraction: 1,
  count: 100,
  meanSizeGB: 100,
  annualFailureRate: 0.01,
  repairHours: 24,
};

/**
 * A value for `schema` with every default filled: objects seed their required fields (literals,
 * the first variant of a union, `REQUIRED_SEEDS`) and leave defaults and optionals to the parse.
 */
export function seedFor(schema: z.ZodType, name = ''): unknown {
  const { inner, optional, hasDefault } = unwrapSchema(schema);
  if (hasDefault) return (schema as z.ZodType).safeParse(undefined).data;
  if (inner instanceof z.ZodObject) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shapeOf(inner))) {
      const f = unwrapSchema(field);
      if (f.optional || f.hasDefault) continue;
      out[key] = seedFor(field, key);
    }
    const parsed = inner.safeParse(out);
    return parsed.success ? parsed.data : out;
  }
  if (inner instanceof z.ZodDiscriminatedUnion) {
    const first = unionTags(inner)[0];
    const variant = unionVariant(inner, first);
    return variant ? seedFor(variant) : undefined;
  }
  if (optional) return undefined;
  if (Object.hasOwn(REQUIRED_SEEDS, name)) return REQUIRED_SEEDS[name];
  if (inner instanceof z.ZodLiteral) return [...inner.values][0];
  if (inner instanceof z.ZodEnum) return inner.options[0];
  if (inner instanceof z.ZodBoolean) return false;
  if (inner instanceof z.ZodNumber) return Math.max(1, inner.minValue ?? 1);
  if (inner instanceof z.ZodArray) return [];
  return '';
}

/** The variant of `union` tagged `tag` with its defaults filled (`{ provider: 'ceph', pool: { type: 'replicated', size: 3, … }, … }`). */
export function variantSeed(union: z.ZodDiscriminatedUnion, tag: unknown): unknown {
  const variant = unionVariant(union, tag);
  return variant ? seedFor(variant) : undefined;
}
