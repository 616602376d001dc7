import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setDiskMeasurement } from '../../../src/editor/actions/hardware';
import { evaluate } from '../../../src/models/evaluate';
import type { Finding } from '../../../src/models/finding';
import { headline, type HeadlineFigure } from '../../../src/models/headline/headline';
import { fioMeasurement } from '../../../src/plan/fioMeasurement';
import { referencePlan, SAMPLES } from '../../../src/plan/samples/samples';
import type { Plan } from '../../../src/plan/schema';

const byId = (file: keyof typeof SAMPLES) => new Map(headline(evaluate(SAMPLES[file]())).map((f) => [f.id, f]));

describe('headline', () => {
  it('headline(reference) reads a 2-of-3 quorum, all racks surviving a feed loss and KubeSpan off', () => {
    const h = byId('reference.json');
    expect(h.get('etcd-quorum')?.text).toBe('2 of 3 members');
    expect(h.get('power-n1')).toMatchObject({ verdict: 'ok', text: 'all 3 survive', word: 'fine' });
    expect(h.get('kubespan')).toMatchObject({ verdict: 'info', text: 'off' });
  });

  it('headline(anti-patterns) fails power N-1, and KubeSpan on the Flannel fragmentation inside it', () => {
    const h = byId('anti-patterns.json');
    expect(h.get('power-n1')?.verdict).toBe('bad');
    // R2-R4 overload their only feed and R5 trips on failover; R1 and Remote are merely on one feed.
    expect(h.get('power-n1')?.text).toBe('4 of 6 fail, 2 on one feed');
    expect(h.get('kubespan')?.verdict).toBe('bad');
    expect(h.get('kubespan')?.why).toMatch(/Flannel VXLAN inside KubeSpan/);
  });

  it('every headline figure of every sample has a unit-bearing text, a word and a why, and never NaN or Infinity', () => {
    for (const file of Object.keys(SAMPLES) as (keyof typeof SAMPLES)[]) {
      for (const f of byId(file).values()) {
        expect(f.text).not.toMatch(/NaN|Infinity/);
        expect(f.word.length).toBeGreaterThan(0);
        expect(f.why.length).toBeGreaterThan(0);
        if (f.value !== null) expect(Number.isFinite(f.value)).toBe(true);
      }
    }
  });

  it('headline(reference with the fio fixture on its control planes) fails write latency on the 20.8 ms fsync, as sizing and ETCD-FSYNC do', () => {
    const fixture = JSON.parse(readFileSync(new URL('../../plan/fixtures/fio-fdatasync.json', import.meta.url), 'utf8'));
    const fio = fioMeasurement(fixture, 'fixture');
    if (!fio.ok) throw new Error(fio.error);
    const plan = referencePlan();
    const step = setDiskMeasurement(plan, { id: plan.nodes.find((n) => n.role === 'controlplane')!.hardwareId, index: 0, measured: fio.measured });
    if (!step.ok) throw new Error(step.reason);
    const report = evaluate(step.plan);
    const h = new Map(headline(report).map((f) => [f.id, f]));
    // Commit p99 (≈ 21 ms) is far inside the API's 1 s SLO; etcd's own 10 ms WAL bar is what fails.
    expect(h.get('write-p99')).toMatchObject({ verdict: 'bad', word: 'fails' });
    expect(h.get('write-p99')?.why).toMatch(/WAL fsync p99 20\.8 ms \(measured\), above etcd's 10 ms/);
    expect(h.get('cp-sizing')?.verdict).toBe('bad');
    expect(report.findings.find((f) => f.ruleId === 'ETCD-FSYNC')?.severity).toBe('error');
  });

  it('headline(reference) files the lost storage node as the warning the findings give: 2 of 3 replicas stay writable', () => {
    const h = byId('reference.json');
    expect(h.get('storage-headroom')).toMatchObject({ verdict: 'warn', text: 'degraded, no rebuild' });
  });

  it('headline(reference with every storage node in rack R1) fails storage: losing R1 takes every replica offline, an error in the findings too', () => {
    const plan: Plan = referencePlan();
    plan.nodes = plan.nodes.map((n) => (n.role === 'storage' ? { ...n, rackId: 'r1' } : n));
    const report = evaluate(plan);
    const h = new Map(headline(report).map((f) => [f.id, f]));
    expect(h.get('storage-headroom')).toMatchObject({ verdict: 'bad', text: 'data goes offline' });
    expect(report.findings.filter((f) => f.ruleId === 'STORAGE-REREPLICATE').map((f) => f.severity)).toContain('error');
  });
});

/**
 * The rules whose findings state the same fact as a headline figure. A figure's verdict must be
 * the worst severity among them (error: fails, warning: tight, none: fine), so the strip and the
 * Findings tab never tell a planner two things about one fact.
 */
const SAME_FACT: Record<string, { rules: string[]; keep?: (f: Finding) => boolean }> = {
  'etcd-quorum': { rules: ['RA-CP-COUNT'] },
  'etcd-tolerance': { rules: ['CP-SINGLE-FAILURE', 'RA-CP-RACKS', 'RA-CP-COUNT'], keep: (f) => f.ruleId !== 'RA-CP-COUNT' || f.severity === 'error' },
  'write-p99': { rules: ['ETCD-FSYNC', 'API-SLO', 'API-SLO-ONE-DOWN'] },
  'cp-sizing': { rules: ['RA-CP-SIZE', 'RA-CP-HEADROOM', 'ETCD-FSYNC', 'CP-SIZING'] },
  'workload-n1': { rules: ['WORKLOAD-CAPACITY', 'WORKLOAD-N1'] },
  'storage-headroom': { rules: ['STORAGE-REREPLICATE'] },
  kubespan: { rules: ['NET-FLANNEL-FRAGMENTATION', 'RA-KUBESPAN-SIZE', 'RA-KUBESPAN-THROUGHPUT', 'KUBESPAN-VERDICT'] },
  'power-n1': { rules: ['POWER-FEED-OVER-CAPACITY', 'POWER-FEED-LOSS'] },
};

const VERDICT = { error: 'bad', warning: 'warn' } as const;

function expectedVerdict(figure: HeadlineFigure, findings: readonly Finding[]): string {
  const same = SAME_FACT[figure.id];
  const of = findings.filter((f) => same.rules.includes(f.ruleId) && f.severity !== 'info' && (same.keep?.(f) ?? true));
  if (of.some((f) => f.severity === 'error')) return VERDICT.error;
  if (of.length > 0) return VERDICT.warning;
  // Nothing filed: fine, or a plain fact (KubeSpan off, no storage, cloud-only power).
  return figure.verdict === 'info' ? 'info' : 'ok';
}

describe('headline agrees with the findings', () => {
  for (const file of Object.keys(SAMPLES)) {
    it(`headline(${file}) gives every figure the severity its findings give the same fact, and counts the same errors`, () => {
      const report = evaluate(SAMPLES[file]());
      const figures = headline(report);
      for (const f of figures) {
        if (f.id === 'findings') {
          const errors = report.findings.filter((x) => x.severity === 'error').length;
          const warnings = report.findings.filter((x) => x.severity === 'warning').length;
          expect(f.text).toBe(`${errors} error${errors === 1 ? '' : 's'} · ${warnings} warning${warnings === 1 ? '' : 's'}`);
          expect(f.verdict).toBe(errors > 0 ? 'bad' : warnings > 0 ? 'warn' : 'ok');
        } else if (SAME_FACT[f.id]) {
          expect({ id: f.id, verdict: f.verdict }).toEqual({ id: f.id, verdict: expectedVerdict(f, report.findings) });
        }
      }
      // A failing figure is always backed by at least one error the Findings tab lists.
      if (figures.some((f) => f.verdict === 'bad')) expect(report.findings.some((x) => x.severity === 'error')).toBe(true);
    });
  }
});
