/** A default the reader filled in for a field the file left out, e.g. `nodes[4].tors` = ["A"]. */
export interface DefaultFill {
  /** The field's path; indices are kept, so the user can find the record. */
  path: string;
  value: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Every field present in the validated plan but absent from the raw document: the defaults the
 * schema filled. Validation never adds anything else (objects are strict), so this is the whole
 * difference between what the file said and the plan that opens.
 */
export function filledDefaults(raw: unknown, parsed: unknown, path = ''): DefaultFill[] {
  const fills: DefaultFill[] = [];
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    parsed.forEach((item, i) => fills.push(...filledDefaults(raw[i], item, `${path}[${i}]`)));
  } else if (isObject(raw) && isObject(parsed)) {
    for (const [key, value] of Object.entries(parsed)) {
      const at = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(raw, key) || raw[key] === undefined) fills.push({ path: at, value });
      else fills.push(...filledDefaults(raw[key], value, at));
    }
  }
  return fills;
}

/**
 * The fills as lines for the user, grouped by field so a file that leaves `taints` out of 5,000
 * nodes reads as one line: `nodes[*].taints = [] (5,000 places)`.
 */
export function describeFills(fills: readonly DefaultFill[], max = 8): string[] {
  const groups = new Map<string, { value: string; count: number; first: string }>();
  for (const fill of fills) {
    const key = fill.path.replace(/\[\d+\]/g, '[*]');
    const value = JSON.stringify(fill.value);
    const group = groups.get(`${key}=${value}`);
    if (group) group.count++;
    else groups.set(`${key}=${value}`, { value, count: 1, first: fill.path });
  }
  const lines = [...groups.values()].map((g) =>
    g.count === 1 ? `${g.first} = ${g.value}` : `${g.first.replace(/\[\d+\]/g, '[*]')} = ${g.value} (${g.count.toLocaleString('en')} places)`,
  );
  return lines.length > max ? [...lines.slice(0, max), `… and ${lines.length - max} more`] : lines;
}
