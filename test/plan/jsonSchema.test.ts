import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planJsonSchema } from '../../src/plan/jsonSchema';
import { SAMPLES } from '../../src/plan/samples/samples';
import { validPlanArb } from '../arbitraries/plan';

const published = JSON.parse(readFileSync(new URL('../../public/plan.schema.json', import.meta.url), 'utf8'));
// strict mode also checks the schema itself for unknown keywords and unsatisfiable combinations.
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(published);

describe('planJsonSchema()', () => {
  it('public/plan.schema.json equals planJsonSchema() (regenerate with `npm run schema`)', () => {
    expect(published).toEqual(planJsonSchema());
  });

  it('planJsonSchema() is draft 2020-12 with the published $id', () => {
    expect(published.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(published.$id).toBe('https://rackplan.dev/plan.schema.json');
  });

  for (const file of Object.keys(SAMPLES)) {
    it(`ajv(plan.schema.json) accepts public/examples/${file}`, () => {
      const doc = JSON.parse(readFileSync(new URL(`../../public/examples/${file}`, import.meta.url), 'utf8'));
      const ok = validate(doc);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  it('ajv(plan.schema.json) accepts every plan validatePlan accepts (generated plans)', () => {
    fc.assert(
      fc.property(validPlanArb, (plan) => {
        const ok = validate(plan);
        expect(validate.errors ?? []).toEqual([]);
        expect(ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('ajv(plan.schema.json) refuses racks[0].heightU = 0, an unknown field and a bad label key', () => {
    const base = JSON.parse(readFileSync(new URL('../../public/examples/reference.json', import.meta.url), 'utf8'));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const cases: [string, (doc: any) => void][] = [
      [
        '/racks/0/heightU',
        (doc) => {
          doc.racks[0].heightU = 0;
        },
      ],
      [
        '/racks/0',
        (doc) => {
          doc.racks[0].colour = 'red';
        },
      ],
      [
        '/nodes/0/labels',
        (doc) => {
          doc.nodes[0].labels = { 'bad key': '' };
        },
      ],
    ];
    for (const [where, mutate] of cases) {
      const doc = structuredClone(base);
      mutate(doc);
      expect(validate(doc)).toBe(false);
      expect(validate.errors?.map((e) => e.instancePath)).toContain(where);
    }
  });
});
