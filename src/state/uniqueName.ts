/** Plan names are at most 120 characters (schema `name`). */
const MAX_NAME = 120;

/**
 * `name` if no plan in `taken` has it, else the first free "name (2)", "name (3)", …, cut so the
 * result still fits the 120-character limit. Opening a file never gives two plans one name.
 */
export function uniqueName(name: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  const base = name.trim().slice(0, MAX_NAME) || 'Untitled plan';
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = `${base.slice(0, MAX_NAME - suffix.length)}${suffix}`;
    if (!names.has(candidate)) return candidate;
  }
}
