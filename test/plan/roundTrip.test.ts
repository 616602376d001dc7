import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlan, validatePlan, writePlan, type PlanFormat } from '../../src/plan';
import { referencePlan } from '../../src/plan/samples/samples';
import { validPlanArb, YAML_TRICKY_STRINGS } from '../arbitraries/plan';

describe('plan round trip', () => {
  it('validatePlan(p) accepts every generated plan and returns it unchanged (the arbitrary is in output form)', () => {
    fc.assert(
      fc.property(validPlanArb, (plan) => {
        const result = validatePlan(plan);
        expect(result.issues).toEqual([]);
        expect(result.ok && result.plan).toStrictEqual(plan);
      }),
      { numRuns: 150 },
    );
  });

  for (const format of ['json', 'yaml'] as PlanFormat[]) {
    it(`readPlan(writePlan(p, '${format}'), '${format}') is ok and deep-equals p`, () => {
      fc.assert(
        fc.property(validPlanArb, (plan) => {
          const result = readPlan(writePlan(plan, format), format);
          expect(result.issues).toEqual([]);
          expect(result.ok && result.plan).toStrictEqual(plan);
        }),
        { numRuns: 150 },
      );
    });
  }

  it("writePlan(p, 'yaml') keeps strings YAML would reinterpret (yes, 1e3, ~, empty label values, dotted and slashed keys)", () => {
    const plan = referencePlan();
    plan.description = YAML_TRICKY_STRINGS.join(' | ');
    plan.sites[0].name = 'yes';
    plan.rooms[0].name = '1e3';
    plan.rows[0].name = '~';
    plan.racks[0].name = 'null';
    plan.racks[1].name = '- a';
    plan.hardware[0].name = 'a: b';
    plan.nodes[0].labels = { 'topology.kubernetes.io/zone': 'true', 'node-role.kubernetes.io/storage': '', yes: 'no', '1e3': '0x10', 'a.b': '017' };
    plan.workload.volumes.list = YAML_TRICKY_STRINGS.map((name) => ({ name, sizeGB: 1, fillPct: 60 }));
    const text = writePlan(plan, 'yaml');
    const back = readPlan(text, 'yaml');
    expect(back.issues).toEqual([]);
    expect(back.ok && back.plan).toStrictEqual(plan);
  });

  it('readPlan(text) ignores a UTF-8 byte-order mark before JSON or YAML', () => {
    const plan = referencePlan();
    for (const format of ['json', 'yaml'] as PlanFormat[]) {
      const result = readPlan(`\uFEFF${writePlan(plan, format)}`, format);
      expect(result.issues).toEqual([]);
      expect(result.ok && result.plan).toStrictEqual(plan);
    }
  });
});
