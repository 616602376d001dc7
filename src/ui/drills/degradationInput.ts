import type { Degradation } from '../../models/failures';
import { parseDegradationScope } from '../../models/drills/savedDrill';
import type { Plan } from '../../plan/schema';

/** The schema's bounds (`drillSchema.degrade`): added latency 0 < ms ≤ 10,000; remaining bandwidth 0 < f ≤ 1. */
export const ADDED_LATENCY_MAX_MS = 10_000;

export type DegradationKind = Degradation['kind'];

/**
 * Reads the degradation form as the user types: `value` is the added latency in ms, or the
 * bandwidth reduction in % (a 60 % reduction leaves a fraction 0.4). Returns the degradation, or a
 * problem naming the field and its range. Example: ("latency", "rack:R2", "15") → 15 ms on rack R2.
 */
export function readDegradation(plan: Plan, kind: DegradationKind, scopeText: string, value: string): Degradation | { problem: string } {
  const scope = parseDegradationScope(scopeText.trim());
  if ('error' in scope) return { problem: `scope: ${scope.error}` };
  const known =
    scope.kind === 'node'
      ? plan.nodes.some((n) => n.id === scope.nodeId)
      : scope.kind === 'rack'
        ? plan.racks.some((r) => r.id === scope.rackId)
        : scope.siteA !== scope.siteB && [scope.siteA, scope.siteB].every((s) => plan.sites.some((x) => x.id === s));
  if (!known) return { problem: `scope: ${scopeText.trim()} is not in this plan` };
  const v = value.trim() === '' ? NaN : Number(value);
  if (kind === 'latency') {
    if (!(v > 0 && v <= ADDED_LATENCY_MAX_MS))
      return { problem: `added latency: must be more than 0 and at most ${ADDED_LATENCY_MAX_MS.toLocaleString('en')} ms, got ${value.trim() || 'nothing'}` };
    return { kind, scope, addedMs: v };
  }
  if (!(v > 0 && v < 100)) return { problem: `bandwidth reduction: must be more than 0 and less than 100 %, got ${value.trim() || 'nothing'}` };
  return { kind, scope, remainingFraction: +(1 - v / 100).toFixed(6) };
}

/** A degradation in words: "+15 ms on rack:R2", "bandwidth −60 % on siteLink:a|b". */
export function describeDegradation(d: Degradation, scopeId: string): string {
  return d.kind === 'latency'
    ? `network-delay +${d.addedMs} ms on ${scopeId}`
    : `network-bandwidth −${+((1 - d.remainingFraction) * 100).toFixed(1)} % on ${scopeId}`;
}
