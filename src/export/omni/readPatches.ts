import YAML from 'yaml';
import { isMap } from './loadTemplate';
import type { TemplatePatch } from './templateModel';
import { inlineText } from './validateTemplate';

/**
 * The Talos documents of a list of template patches, in order (inline ones parsed; `file:` ones
 * through `readFile` when given). Unreadable patches are named in `unread`. Never throws.
 */
export function patchDocuments(
  patches: readonly TemplatePatch[] | undefined,
  readFile?: (path: string) => string | undefined,
): { documents: Record<string, unknown>[]; unread: string[] } {
  const documents: Record<string, unknown>[] = [];
  const unread: string[] = [];
  for (const p of patches ?? []) {
    const text = p.inline ? inlineText(p.inline) : p.file ? readFile?.(p.file) : undefined;
    if (text === undefined) {
      unread.push(p.file ?? p.name ?? '(unnamed)');
      continue;
    }
    try {
      for (const d of YAML.parseAllDocuments(text)) {
        if (d.errors.length > 0) throw new Error(d.errors[0].message);
        const v = d.toJS({ maxAliasCount: 100 });
        if (isMap(v)) documents.push(v);
      }
    } catch {
      unread.push(p.name ?? p.file ?? '(unnamed)');
    }
  }
  return { documents, unread };
}

/** The value at a dotted path of the first document that has it, last patch winning (Talos merges in order). */
export function lastValue(documents: readonly Record<string, unknown>[], path: string, kind = ''): unknown {
  let found: unknown;
  for (const d of documents) {
    if ((typeof d.kind === 'string' ? d.kind : '') !== kind) continue;
    let v: unknown = d;
    for (const part of path.split('.')) v = isMap(v) ? v[part] : undefined;
    if (v !== undefined) found = v;
  }
  return found;
}

/** Merged string maps at a path over all documents (`machine.nodeLabels`), later patches winning. */
export function mergedMap(documents: readonly Record<string, unknown>[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of documents) {
    if (typeof d.kind === 'string') continue;
    let v: unknown = d;
    for (const part of path.split('.')) v = isMap(v) ? v[part] : undefined;
    if (isMap(v)) for (const [k, x] of Object.entries(v)) if (x !== null && typeof x !== 'object') out[k] = String(x);
  }
  return out;
}
