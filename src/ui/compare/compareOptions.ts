import type { CompareSource } from '../../state/compare.svelte';
import type { PlanVersionInfo, StoredPlanInfo } from '../../state/planStore';

/** One entry of the "compare with" list: what it names, how it reads, and its select value. */
export interface CompareOption {
  value: string;
  label: string;
  source: CompareSource;
  group: 'plans' | 'versions';
}

/**
 * What the open plan can be compared with: every other plan in this browser (by name), then the
 * open plan's saved versions, newest first. The newest version is listed too: against it,
 * compare shows the edits not saved yet. `when` formats a timestamp (injected, so tests do not
 * depend on the machine's locale or time zone).
 */
export function compareOptions(
  plans: readonly StoredPlanInfo[],
  openId: string,
  versions: readonly PlanVersionInfo[],
  when: (t: number) => string,
): CompareOption[] {
  return [
    ...plans
      .filter((p) => p.id !== openId)
      .map((p): CompareOption => ({ value: `plan:${p.id}`, label: p.name, source: { kind: 'plan', id: p.id }, group: 'plans' })),
    ...versions.map((v, i): CompareOption => ({
      value: `version:${v.key}`,
      label: `${i === 0 ? 'latest saved' : 'saved'} ${when(v.savedAt)}: ${v.summary}`,
      source: { kind: 'version', key: v.key },
      group: 'versions',
    })),
  ];
}

/** Who reads better on a figure, in words naming the plan (the colour of the cell is never the only cue). */
export function betterText(better: 'a' | 'b' | 'same' | null, sides: { a: string; b: string }): string {
  if (better === 'a') return `${sides.a} better`;
  if (better === 'b') return `${sides.b} better`;
  if (better === 'same') return 'same';
  return 'not ranked';
}
