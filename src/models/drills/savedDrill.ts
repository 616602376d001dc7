import type { Drill } from '../../plan/schema';
import { parseComponentId, siteLinkKey, type Degradation, type DegradationScope, type FailedComponent, type FailureSet } from '../failures';

/** A degradation's scope as the plan stores it: `node:w-1`, `rack:R2`, `siteLink:dc1|dc2` (pair sorted). */
export function degradationScopeId(s: DegradationScope): string {
  switch (s.kind) {
    case 'node':
      return `node:${s.nodeId}`;
    case 'rack':
      return `rack:${s.rackId}`;
    case 'siteLink':
      return `siteLink:${siteLinkKey(s.siteA, s.siteB)}`;
  }
}

/** Parses a stored degradation scope; an error names what is wrong instead of throwing. */
export function parseDegradationScope(text: string): DegradationScope | { error: string } {
  const c = parseComponentId(text);
  if ('error' in c) return c;
  if (c.kind === 'node' || c.kind === 'rack' || c.kind === 'siteLink') return c;
  return { error: `${text}: a degradation applies to a node, a rack or a site link, not a ${c.kind}` };
}

/** The drill builder's content: what the Drills tab holds and a saved drill restores. */
export interface DrillDraft {
  /** Component ids in the order they were failed (`rack:R2`). */
  failed: string[];
  degradations: Degradation[];
  permanent: boolean;
  /** When the failed parts return, s after the failure; null for never (within the drill). */
  repairAtS: number | null;
}

/** The plan's stored form of a draft, under `name`. */
export function drillOfDraft(name: string, d: DrillDraft): Drill {
  return {
    name,
    fail: [...d.failed],
    permanent: d.permanent,
    degrade: d.degradations.map((g) =>
      g.kind === 'latency'
        ? { kind: 'latency' as const, scope: degradationScopeId(g.scope), addedMs: g.addedMs }
        : { kind: 'bandwidth' as const, scope: degradationScopeId(g.scope), remainingFraction: g.remainingFraction },
    ),
    ...(d.repairAtS !== null ? { repairAfterS: d.repairAtS } : {}),
  };
}

/**
 * A saved drill back as a draft. The schema checks only the shape of each id, so a scope the
 * model cannot read (`feed:R1/C`) is reported in `problems` and left out rather than silently kept.
 */
export function draftOfDrill(drill: Drill): { draft: DrillDraft; problems: string[] } {
  const problems: string[] = [];
  const failed = drill.fail.filter((id) => {
    const c = parseComponentId(id);
    if ('error' in c) problems.push(c.error);
    return !('error' in c);
  });
  const degradations: Degradation[] = [];
  for (const g of drill.degrade) {
    const scope = parseDegradationScope(g.scope);
    if ('error' in scope) {
      problems.push(scope.error);
      continue;
    }
    degradations.push(
      g.kind === 'latency' ? { kind: 'latency', scope, addedMs: g.addedMs } : { kind: 'bandwidth', scope, remainingFraction: g.remainingFraction },
    );
  }
  return { draft: { failed, degradations, permanent: drill.permanent, repairAtS: drill.repairAfterS ?? null }, problems };
}

/** The failure set a draft describes, for the drill job. */
export function failureSetOfDraft(d: DrillDraft): FailureSet {
  const components = d.failed.map(parseComponentId).filter((c): c is FailedComponent => !('error' in c));
  return { components, degradations: d.degradations, permanent: d.permanent };
}
