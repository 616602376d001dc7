import { describe, expect, it } from 'vitest';
import { deleteDrill, renameDrill, saveDrill } from '../../../src/editor/actions/drills';
import { referencePlan } from '../../../src/plan/samples/samples';
import type { Drill, Plan } from '../../../src/plan/schema';
import { validatePlan } from '../../../src/plan/validate';

const drill = (name: string, fail = ['rack:r1']): Drill => ({ name, fail, degrade: [], permanent: false });
const planOf = (r: ReturnType<typeof saveDrill>): Plan => {
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
};

describe('drill actions', () => {
  it('saveDrill(reference, "Lose R1") appends it as one recorded step; the plan stays valid', () => {
    const r = saveDrill(referencePlan(), { drill: drill('Lose R1') });
    expect(r.ok && r.record).toBe(true);
    expect(r.ok && r.label).toBe('Save drill Lose R1');
    expect(planOf(r).drills).toEqual([drill('Lose R1')]);
    expect(validatePlan(planOf(r)).ok).toBe(true);
  });

  it('saveDrill(plan, same name) replaces that drill in place instead of adding a second', () => {
    const once = planOf(saveDrill(referencePlan(), { drill: drill('a') }));
    const twice = saveDrill(planOf(saveDrill(once, { drill: drill('b') })), { drill: drill('a', ['feed:r2/B']) });
    expect(twice.ok && twice.label).toBe('Update drill a');
    expect(planOf(twice).drills?.map((d) => `${d.name}:${d.fail.join()}`)).toEqual(['a:feed:r2/B', 'b:rack:r1']);
  });

  it('saveDrill refuses an empty drill, a name with a newline and a latency past 10,000 ms, naming the field', () => {
    expect(saveDrill(referencePlan(), { drill: drill('x', []) })).toEqual({ ok: false, reason: 'a drill needs at least one failed or degraded component' });
    const r = saveDrill(referencePlan(), { drill: drill('a\nb') });
    expect(!r.ok && r.reason).toMatch(/^drills\[0\]\.name: must not contain control characters/);
    const slow = saveDrill(referencePlan(), { drill: { ...drill('x'), degrade: [{ kind: 'latency', scope: 'rack:r1', addedMs: 20_000 }] } });
    expect(!slow.ok && slow.reason).toMatch(/^drills\[0\]\.degrade\[0\]\.addedMs: /);
  });

  it('renameDrill(plan, a → c) renames; to a name another drill has is refused', () => {
    const plan = planOf(saveDrill(planOf(saveDrill(referencePlan(), { drill: drill('a') })), { drill: drill('b') }));
    expect(planOf(renameDrill(plan, { name: 'a', to: ' c ' })).drills?.map((d) => d.name)).toEqual(['c', 'b']);
    expect(renameDrill(plan, { name: 'a', to: 'b' })).toEqual({ ok: false, reason: 'drills[0].name: another drill is already called "b"' });
    expect(renameDrill(plan, { name: 'z', to: 'y' })).toEqual({ ok: false, reason: 'no saved drill "z"' });
  });

  it('deleteDrill(plan, last drill) leaves no drills key, as a plan that never had one', () => {
    const base = referencePlan();
    const plan = planOf(saveDrill(base, { drill: drill('a') }));
    const r = deleteDrill(plan, { name: 'a' });
    expect(r.ok && 'drills' in r.plan).toBe(false);
    expect(r.ok && r.plan).toEqual(base);
  });
});
