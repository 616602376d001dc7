import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/models/evaluate';
import { escapeHtml, escapeMarkdown } from '../../src/report/escape';
import { planReportHtml } from '../../src/report/html';
import { planReportMarkdown } from '../../src/report/markdown';
import { planReportData } from '../../src/report/reportData';
import { antiPatternsPlan, referencePlan } from '../../src/plan/samples/samples';
import type { Plan } from '../../src/plan/schema';

const data = (plan: Plan) => planReportData(plan, evaluate(plan));

describe('plan report', () => {
  it('planReportData(reference) bill of materials: 3 x $9,000 + 6 x $22,000 + 3 x $38,000, 21 U, switches unpriced', () => {
    const d = data(referencePlan());
    expect(d.bomTotals.priceUsd).toBe(3 * 9000 + 6 * 22_000 + 3 * 38_000);
    expect(d.bomTotals.heightU).toBe(3 * 1 + 6 * 1 + 3 * 2 + 6 * 1);
    expect(d.bomTotals.typicalW).toBe(3 * 220 + 6 * 420 + 3 * 550 + 6 * 350);
    expect(d.bomTotals.unpriced).toBe(6);
    expect(d.bom.find((b) => b.item.startsWith('Worker'))!.roles).toEqual({ worker: 6 });
  });

  it('planReportData(plan).predictions are finite and every one carries a unit', () => {
    for (const plan of [referencePlan(), antiPatternsPlan(), { ...referencePlan(), nodes: [] }]) {
      for (const p of data(plan).predictions) {
        expect(Number.isFinite(p.value)).toBe(true);
        expect(p.unit.length).toBeGreaterThan(0);
      }
    }
  });

  it('planReportMarkdown(anti-patterns) has the sections, the error count and the fixes', () => {
    const text = planReportMarkdown(data(antiPatternsPlan()));
    for (const h of ['## Summary', '## Bill of materials', '## Control-plane sizing', '## Findings', '## Key predictions']) expect(text).toContain(h);
    expect(text).toMatch(/\*\*Findings:\*\* \d+ error\(s\)/);
    expect(text).toMatch(/Fix: Move cp-02 to rack R\d+\./);
  });

  it('planReportHtml(anti-patterns) is one page with a print stylesheet, elevations with error racks, and no script', () => {
    const plan = antiPatternsPlan();
    const html = planReportHtml(data(plan), plan);
    expect(html).toContain('@media print');
    expect(html).toContain('@page');
    expect(html).toContain('R1 (error)');
    expect(html).not.toMatch(/<script/i);
  });

  it('escapeHtml and escapeMarkdown make markup inert', () => {
    expect(escapeHtml('<img src=x onerror="a">&\'')).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;');
    expect(escapeMarkdown('# [x](javascript:y) <b>|</b>\nnext')).toBe('\\# \\[x\\](javascript:y) \\<b\\>\\|\\</b\\> next');
  });

  it('planReportHtml and planReportMarkdown show a right-to-left override in a rack name escaped, so it cannot draw as another name', () => {
    const base = referencePlan();
    const plan = { ...base, racks: base.racks.map((r, i) => (i === 0 ? { ...r, name: 'R\u202E1-kcar' } : r)) };
    const d = data(plan);
    for (const text of [planReportHtml(d, plan), planReportMarkdown(d)]) {
      expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
    expect(planReportHtml(d, plan)).toContain('R⟨U+202E⟩1-kcar');
  });

  it('for any names a plan carries: the HTML report never contains them unescaped, the Markdown never breaks a line or a table', () => {
    const evil = fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '[a](javascript:b)', 'a|b', '# h', '<!--', '&lt;');
    fc.assert(
      fc.property(evil, evil, (planName, rackName) => {
        const base = referencePlan();
        const plan = { ...base, name: planName, description: `${rackName}\n- item`, racks: base.racks.map((r, i) => (i === 0 ? { ...r, name: rackName } : r)) };
        const d = data(plan);
        const html = planReportHtml(d, plan);
        expect(html).not.toContain('<script>');
        expect(html).not.toContain('<img');
        expect(html).not.toContain('<!--');
        const md = planReportMarkdown(d);
        expect(md).not.toMatch(/[^\\]\]\(javascript/);
        expect(md).not.toMatch(/^- item/m);
        for (const line of md.split('\n').filter((l) => l.startsWith('| '))) expect(line.endsWith('|')).toBe(true);
      }),
      { numRuns: 12 },
    );
  });
});
