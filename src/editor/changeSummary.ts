import type { Plan } from '../plan/schema';

/** The summary of two equal plans. */
export const NO_CHANGE = 'No change';

type Keyed = { id: string; name?: string };

const COLLECTIONS = ['nodes', 'racks', 'rows', 'rooms', 'sites', 'hardware'] as const;
const SINGULAR: Record<(typeof COLLECTIONS)[number], string> = {
  nodes: 'node',
  racks: 'rack',
  rows: 'row',
  rooms: 'room',
  sites: 'site',
  hardware: 'hardware profile',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What differs in one collection, by id: added, removed and changed items. */
function collectionChange(before: readonly Keyed[], after: readonly Keyed[], word: string): string[] {
  if (before === after) return [];
  const old = new Map(before.map((item) => [item.id, item]));
  const ids = new Set(after.map((item) => item.id));
  const added = after.filter((item) => !old.has(item.id));
  const removed = before.filter((item) => !ids.has(item.id));
  // Plans are immutable, so an unchanged item is the same object; a reloaded plan is compared by value.
  const changed = after.filter((item) => {
    const was = old.get(item.id);
    return was !== undefined && was !== item && JSON.stringify(was) !== JSON.stringify(item);
  });
  const parts: string[] = [];
  const named = (items: Keyed[]) => (items.length <= 2 ? ` (${items.map((i) => i.name ?? i.id).join(', ')})` : '');
  if (added.length) parts.push(`added ${plural(added.length, word)}${named(added)}`);
  if (removed.length) parts.push(`removed ${plural(removed.length, word)}${named(removed)}`);
  if (changed.length) parts.push(`changed ${plural(changed.length, word)}${named(changed)}`);
  return parts;
}

/**
 * One line saying what changed between two versions of a plan, for the version list:
 * "renamed to "Frankfurt"; changed 1 node (w-0001)". Collections are compared by id, the other
 * sections by value, and the line names at most the first few parts.
 */
export function summarizeChange(before: Plan | null, after: Plan): string {
  if (!before) return 'First saved version';
  const parts: string[] = [];
  if (before.name !== after.name) parts.push(`renamed to "${after.name}"`);
  for (const key of COLLECTIONS) parts.push(...collectionChange(before[key], after[key], SINGULAR[key]));
  const rest = (Object.keys(after) as (keyof Plan)[]).filter((k) => k !== 'name' && !(COLLECTIONS as readonly string[]).includes(k));
  for (const key of rest) {
    if (before[key] !== after[key] && JSON.stringify(before[key]) !== JSON.stringify(after[key])) parts.push(`edited ${key}`);
  }
  if (parts.length === 0) return NO_CHANGE;
  const line = parts.slice(0, 3).join('; ') + (parts.length > 3 ? `; and ${parts.length - 3} more` : '');
  return line.charAt(0).toUpperCase() + line.slice(1);
}
