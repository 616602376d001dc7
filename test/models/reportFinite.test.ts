/**
 * No report field is ever NaN or ±Infinity, for any valid plan: an unbounded or inapplicable
 * quantity is null (and the UI and CLI say "unbounded" / "no limit" in words). JSON would silently
 * turn NaN and Infinity into null, and the UI would print "NaN %" or "Infinity PiB".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/models/evaluate';
import type { Plan } from '../../src/plan/schema';
import { validatePlan } from '../../src/plan/validate';
import { validPlanArbWith } from '../arbitraries/plan';

/** Paths of every number in `value` that is not finite. */
function nonFinite(value: unknown, path = 'report', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
  } else if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const list = value as ArrayLike<unknown>;
    for (let i = 0; i < list.length; i++) nonFinite(list[i], `${path}[${i}]`, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nonFinite(v, `${path}.${k}`, out);
  }
  return out;
}

/** Pushes the plan's load and distances to the edges the schema allows. */
function extreme(plan: Plan, pick: number): Plan {
  const p = structuredClone(plan);
  if (pick % 2 === 0) {
    p.workload = {
      ...p.workload,
      pods: 1_000_000,
      services: 1_000_000,
      configMapsAndSecrets: 10_000_000,
      customObjects: 10_000_000,
      avgObjectBytes: 1_572_864,
      podChurnPerMin: 1_000_000,
      apiWritesPerS: 1_000_000,
      apiReadsPerS: 10_000_000,
      watchers: 10_000_000,
    };
  } else {
    p.workload = {
      ...p.workload,
      pods: 0,
      services: 0,
      namespaces: 0,
      configMapsAndSecrets: 0,
      customObjects: 0,
      podChurnPerMin: 0,
      apiWritesPerS: 0,
      apiReadsPerS: 0,
      watchers: 0,
    };
  }
  // Storage at its bounds: one volume of the schema's largest size, full, and workloads taking the
  // most east-west bandwidth a node may declare (a rebuild then crawls, or never ends for Longhorn).
  if (pick % 4 === 0) p.workload = { ...p.workload, eastWestGbpsPerNode: 1600, volumes: { list: [{ name: 'huge', sizeGB: 10_000_000, fillPct: 100 }] } };
  if (pick % 3 === 0) p.network.rtt = { sameRackMs: 1000, sameRowMs: 1000, crossRowMs: 1000, crossRoomMs: 1000, crossSiteMs: 1000 };
  if (pick % 3 === 1) p.network.rtt = { sameRackMs: 0, sameRowMs: 0, crossRowMs: 0, crossRoomMs: 0, crossSiteMs: 0 };
  return p;
}

describe('evaluate(plan) is finite', () => {
  it('evaluate(any valid plan) carries no NaN or Infinity anywhere in the report', () => {
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 3, maxNodesPerRack: 3 }), (plan) => {
        expect(nonFinite(evaluate(plan))).toEqual([]);
      }),
      { numRuns: 20 },
    );
    // Generous: each run evaluates a whole plan, and the machine running the suite may be shared.
  }, 600_000);

  it("evaluate(valid plan at the schema's extremes: load, object sizes, RTTs, volume size and east-west traffic at their bounds or zero) carries no NaN or Infinity", () => {
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 3, maxNodesPerRack: 3 }), fc.nat(11), (plan, pick) => {
        const p = extreme(plan, pick);
        const valid = validatePlan(JSON.parse(JSON.stringify(p)));
        expect(valid.issues).toEqual([]);
        expect(nonFinite(evaluate(p))).toEqual([]);
      }),
      { numRuns: 15 },
    );
  }, 600_000);
});
