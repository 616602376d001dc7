/**
 * `["racks", 3, "heightU"]` → `racks[3].heightU`: the form every validation message starts with.
 * Keys that are not plain identifiers (label keys such as `topology.kubernetes.io/zone`, an
 * unknown field `"a b"` or `""`) are quoted, `nodes[0].labels["topology.kubernetes.io/zone"]`,
 * so every path names exactly one field and an empty key never reads as the whole plan.
 */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(plan)' : out;
}
