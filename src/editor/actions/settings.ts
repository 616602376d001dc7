import { z } from 'zod';
import { fieldPath } from '../../plan/fieldPath';
import { formatIssue } from '../../plan/issues';
import type { Plan } from '../../plan/schema';
import { crossCheckSettings } from '../../plan/validate';
import { done, refuse, type ActionResult } from '../action';
import { checkPart } from '../schemaCheck';
import { isSettingsSection, schemaAtPath, SETTINGS_SCHEMAS, unionTags, unwrapSchema, variantSeed, type SettingPath } from '../settingSchema';

type Container = Record<string, unknown> | unknown[];

const isContainer = (v: unknown): v is Container => v !== null && typeof v === 'object';
const isEmptyObject = (v: unknown) => isContainer(v) && !Array.isArray(v) && Object.keys(v).length === 0;

/**
 * `root` with `value` at `path`, copying only the objects on the path (structural sharing);
 * undefined removes the key, and with `prune` also every object the removal leaves empty.
 * A missing object on the way is created; a path through a number or string is a problem.
 */
function setIn(root: unknown, path: SettingPath, value: unknown, prune: boolean): { value: unknown } | { problem: number } {
  if (path.length === 0) return { value };
  const [key, ...rest] = path;
  const node: Container = root === undefined ? (typeof key === 'number' ? [] : {}) : (root as Container);
  if (!isContainer(node) || Array.isArray(node) !== (typeof key === 'number')) return { problem: 0 };
  if (Array.isArray(node) && (!Number.isInteger(key) || (key as number) < 0 || (key as number) > node.length)) return { problem: 0 };
  const child = (node as Record<string | number, unknown>)[key];
  const inner = setIn(child, rest, value, prune);
  if ('problem' in inner) return { problem: inner.problem + 1 };
  if (inner.value === child && (child !== undefined || !Object.hasOwn(node, key))) return { value: node };
  if (Array.isArray(node)) {
    const copy = [...node];
    copy[key as number] = inner.value;
    return { value: copy };
  }
  const copy: Record<string, unknown> = { ...node };
  if (inner.value === undefined || (prune && isEmptyObject(inner.value))) delete copy[key as string];
  else copy[key as string] = inner.value;
  return { value: copy };
}

/**
 * Sets one value inside `cluster`, `workload`, `reliability` or `assumptions` and checks only that
 * section with its schema, so a 5,000-node plan is never revalidated on a keystroke.
 *
 * - Setting a union's tag (`cluster.storage.provider`, `cluster.storage.pool.type`) replaces the
 *   union with that variant and its defaults (`ceph` → pool replicated size 3, failure domain host…).
 * - An object value is parsed through the field's schema first, so an added optional section
 *   (`workload.etcdProfile`) arrives with its defaults.
 * - `undefined` removes an optional field; in `assumptions` it also drops objects left empty,
 *   so clearing the last override leaves the plan without `assumptions` at all.
 *
 * Refusals name the field: `cluster.etcd.heartbeatMs: must be > 0 and <= 50000, got 0`; the
 * plan's checks across settings fields (`crossCheckSettings`) refuse an edit that breaks them.
 */
export function updateSetting(plan: Plan, args: { path: SettingPath; value: unknown }): ActionResult {
  const { path } = args;
  const [section, ...rest] = path;
  if (!isSettingsSection(section)) return refuse(`${fieldPath(path)}: not a settings section (cluster, workload, reliability or assumptions)`);
  if (rest.length === 0) return refuse(`${section}: name a field inside the section`);
  const schema: z.ZodType = SETTINGS_SCHEMAS[section];
  const current: unknown = plan[section];
  const target = schemaAtPath(schema, rest, current);
  if (!target) return refuse(`${fieldPath(path)}: is not a known field`);

  let value = args.value;
  const parentSchema = unwrapSchema(schemaAtPath(schema, rest.slice(0, -1), current) ?? schema).inner;
  const switchesVariant = parentSchema instanceof z.ZodDiscriminatedUnion && parentSchema.def.discriminator === rest.at(-1);
  let writePath: SettingPath = rest;
  if (switchesVariant) {
    const seeded = variantSeed(parentSchema, value);
    if (seeded === undefined) {
      return refuse(`${fieldPath(path)}: must be one of ${unionTagList(parentSchema)}, got ${JSON.stringify(value) ?? 'nothing'}`);
    }
    const before = valueAt(current, rest);
    if (before === value) return done(plan, `Change ${fieldPath(path)}`);
    value = seeded;
    writePath = rest.slice(0, -1);
  } else if (isContainer(value)) {
    const parsed = target.safeParse(value);
    if (parsed.success) value = parsed.data;
  }

  const next = setIn(current, writePath, value, section === 'assumptions');
  if ('problem' in next) return refuse(`${fieldPath([section, ...writePath.slice(0, next.problem)])}: has no field ${JSON.stringify(writePath[next.problem])}`);
  const removesSection = section === 'assumptions' && (next.value === undefined || isEmptyObject(next.value));
  if (!removesSection) {
    const checked = checkPart(schema, next.value, section);
    if ('problem' in checked) return refuse(checked.problem);
  }

  const updated: Record<string, unknown> = { ...plan };
  if (removesSection) delete updated[section];
  else updated[section] = next.value;
  // Checks across fields (Ceph minSize <= size, rising full ratios, connections >= clients)
  // refuse an edit that adds a problem; one the plan already had does not block other edits.
  if (section === 'cluster' || section === 'workload') {
    const had = new Set(crossCheckSettings(plan).map(formatIssue));
    const added = crossCheckSettings(updated as Plan)
      .map(formatIssue)
      .find((issue) => !had.has(issue));
    if (added) return refuse(added);
  }
  const verb =
    args.value === undefined
      ? section === 'assumptions'
        ? 'Reset'
        : 'Remove'
      : valueAt(current, writePath) === undefined && isContainer(value)
        ? 'Add'
        : 'Change';
  return done(updated as Plan, `${verb} ${fieldPath(path)}`);
}

/** The value at `path` of the current section, for telling a new field from a changed one. */
export function valueAt(data: unknown, path: SettingPath): unknown {
  let v = data;
  for (const key of path) {
    if (!isContainer(v)) return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

function unionTagList(union: z.ZodDiscriminatedUnion): string {
  return unionTags(union)
    .map((v) => JSON.stringify(v))
    .join(', ');
}
