import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFix } from '../../../src/editor/actions/fixes';
import { emptyHistory, record, undo } from '../../../src/editor/history';
import { diffPlans } from '../../../src/editor/planDiff';
import { evaluate } from '../../../src/models/evaluate';
import type { Finding } from '../../../src/models/finding';
import { antiPatternsPlan, referencePlan } from '../../../src/plan/samples/samples';
import type { Plan } from '../../../src/plan/schema';
import { validatePlan } from '../../../src/plan/validate';
import { validPlanArbWith } from '../../arbitraries/plan';
import { withoutVolumes } from '../../models/advisor/planEdits';

const findings = (plan: Plan) => evaluate(plan).findings;
const same = (a: Finding, b: Finding) => a.ruleId === b.ruleId && a.message === b.message;

/**
 * Applies every fix a plan's findings offer, one at a time on the original plan, and checks that
 * the fix is one valid edit that clears its finding (the rule holds for what it concerned), and
 * that undoing it through the history gives back exactly the original plan.
 */
function checkFixes(plan: Plan): number {
  let checked = 0;
  for (const f of findings(plan)) {
    if (!f.fix) continue;
    const r = applyFix(plan, { fix: f.fix });
    expect(r.ok, `${f.ruleId}: ${r.ok ? '' : r.reason}`).toBe(true);
    if (!r.ok) continue;
    expect(r.label).toBe(f.fix.label);
    expect(validatePlan(r.plan).ok).toBe(true);
    const after = findings(r.plan);
    expect(
      after.some((g) => same(g, f)),
      `${f.ruleId} still: ${f.message}`,
    ).toBe(false);
    // Rules that concern one thing per plan must hold entirely after their fix.
    if (['RA-CP-COUNT', 'RA-KUBEPRISM', 'RA-CP-NOSCHED', 'RA-STORAGE-NO-KUBESPAN', 'RA-STORAGE-DEDICATED', 'STORAGE-LONGHORN-ZONES'].includes(f.ruleId)) {
      expect(after.filter((g) => g.ruleId === f.ruleId && g.severity !== 'info')).toEqual([]);
    }
    const history = record(emptyHistory(), { label: r.label, diff: diffPlans(plan, r.plan) });
    expect(undo(r.plan, history)!.plan).toEqual(plan);
    checked += 1;
  }
  return checked;
}

describe('applyFix(plan, { fix })', () => {
  it('applyFix on the anti-pattern plan: every offered fix clears its finding and undoes to the original', () => {
    const plan = antiPatternsPlan();
    const offered = findings(plan)
      .filter((f) => f.fix)
      .map((f) => f.ruleId);
    expect(offered).toEqual(
      expect.arrayContaining([
        'RA-CP-COUNT',
        'RA-CP-RACKS',
        'RA-KUBEPRISM',
        'RA-CP-NOSCHED',
        'RA-STORAGE-NO-KUBESPAN',
        'RA-STORAGE-DEDICATED',
        'STORAGE-LONGHORN-ZONES',
      ]),
    );
    expect(checkFixes(plan)).toBe(offered.length);
  });

  it('applyFix names the change: "Move cp-02 to rack R…" and "Add a third control plane … in R…", the emptiest data-center rack of the site', () => {
    const plan = antiPatternsPlan();
    const report = evaluate(plan);
    // The emptiest rack of DC 1 that holds no control plane (the physical report's largest free block).
    const dc1 = new Set(plan.rows.filter((r) => r.roomId === 'closet').map((r) => r.id));
    const target = report.physical.racks.filter((r) => dc1.has(r.rowId) && r.rackId !== 'r1').sort((a, b) => b.largestFreeBlockU - a.largestFreeBlockU)[0];
    const f = report.findings;
    expect(f.find((x) => x.ruleId === 'RA-CP-RACKS')!.fix!.label).toBe(`Move cp-02 to rack ${target.name}`);
    expect(f.find((x) => x.ruleId === 'RA-CP-COUNT')!.fix!.label).toBe(`Add a third control plane (Control plane on HDD (8c, 16 GiB)) in ${target.name}`);
  });

  it('applyFix refuses a move into a rack with no room, naming the rack', () => {
    const plan = referencePlan();
    const full = { ...plan, racks: plan.racks.map((r) => (r.id === 'r2' ? { ...r, heightU: 7 } : r)) };
    const r = applyFix(full, { fix: { kind: 'moveNodes', label: 'Move cp-01 to rack R2', moves: [{ nodeId: 'cp-01', rackId: 'r2' }] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/R2/);
  });

  it('for any generated plan: every offered fix clears its finding, leaves a valid plan and undoes cleanly', () => {
    let fixes = 0;
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 4, maxNodesPerRack: 3 }).map(withoutVolumes), (plan) => {
        fixes += checkFixes(plan);
      }),
      { numRuns: 15 },
    );
    // The generated plans break fixable rules often (KubePrism, scheduling, KubeSpan are random).
    expect(fixes).toBeGreaterThan(0);
  }, 240_000);
});
