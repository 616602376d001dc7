import type { Plan } from './schema';

/** The JSON text of each list element already serialised, by identity (plans are immutable). */
const itemJson = new WeakMap<object, string>();

const json = (item: unknown): string => {
  if (typeof item !== 'object' || item === null) return JSON.stringify(item) ?? 'null';
  let text = itemJson.get(item);
  if (text === undefined) itemJson.set(item, (text = JSON.stringify(item)));
  return text;
};

/**
 * `JSON.stringify(plan)`, character for character, reusing the text of every list element
 * (node, rack, drill…) serialised before: an edit copies only what it changes, so saving a
 * 5,000-node plan after moving one node serialises one node and joins the rest, instead of a
 * megabyte of JSON on the main thread for every save.
 */
export function planJson(plan: Plan): string {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(plan)) {
    if (value === undefined || typeof value === 'function') continue;
    fields.push(`${JSON.stringify(key)}:${Array.isArray(value) ? `[${value.map(json).join(',')}]` : JSON.stringify(value)}`);
  }
  return `{${fields.join(',')}}`;
}
