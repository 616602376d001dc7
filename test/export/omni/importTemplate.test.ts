import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { omniTemplate } from '../../../src/export/omni/exportTemplate';
import { omniImportJob } from '../../../src/export/omni/omniJobs';
import { validatePlan } from '../../../src/plan/validate';
import { validPlanArbWith } from '../../arbitraries/plan';

/**
 * One edit to a parsed template: remove the value at a path, replace it with a hostile scalar,
 * or drop or repeat a whole document. Paths are chosen among the ones the template really has,
 * so the edits land where the importer reads (labels, sizes, patches, versions).
 */
type Edit = { op: 'delete' | 'set' | 'drop' | 'repeat'; pick: number; value: unknown };

const editArb: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom('delete', 'set', 'set', 'drop', 'repeat'),
  pick: fc.nat(),
  value: fc.oneof(
    fc.constantFrom<unknown>(null, '', 'Unlimited', 0, -1, 1e9, 'v0.0.0', 'r9', '*3', '@', { kind: 'X' }, [], 'a/b/c@d'),
    fc.string({ maxLength: 8 }),
    fc.integer(),
  ),
});

function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...at, k]))];
}

function applyEdit(docs: unknown[], { op, pick, value }: Edit): unknown[] {
  if (docs.length === 0) return docs;
  if (op === 'drop') return docs.filter((_, i) => i !== pick % docs.length);
  if (op === 'repeat') return [...docs, structuredClone(docs[pick % docs.length])];
  const all = paths(docs).filter((p) => p.length > 1);
  const path = all[pick % all.length];
  let parent = docs as unknown as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (op === 'delete' && Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (op === 'delete') delete parent[last];
  else parent[last] = value;
  return docs;
}

describe('omniImportJob(edited template)', () => {
  it('omniImportJob(an exported template with random edits) never throws: it is refused, unplannable, or a plan that validates', () => {
    const stages = new Set<string>();
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 3, maxNodesPerRack: 3 }), fc.array(editArb, { minLength: 1, maxLength: 4 }), (plan, edits) => {
        const docs = YAML.parseAllDocuments(omniTemplate(plan).template).map((d) => d.toJS());
        const edited = edits.reduce(applyEdit, docs);
        const text = edited.map((d) => YAML.stringify(d)).join('---\n');
        const out = omniImportJob(text, { hardware: plan.hardware, defaultHardwareId: plan.hardware[0].id, rackCount: 2, unlimitedSize: 3 });
        stages.add(out.stage);
        expect(['refused', 'unplannable', 'ready']).toContain(out.stage);
        if (out.stage === 'ready') expect(validatePlan(out.plan).issues).toEqual([]);
        if (out.stage === 'refused') expect(out.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
    // The edits must reach the plan builder, not only the validator, for the property to mean anything.
    expect(stages).toContain('ready');
    expect(stages).toContain('refused');
  });
});
