import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/models/evaluate';
import { headline } from '../../../src/models/headline/headline';
import { SAMPLES } from '../../../src/plan/samples/samples';

const byId = (file: keyof typeof SAMPLES) => new Map(headline(evaluate(SAMPLES[file](), { samples: 200 })).map((f) => [f.id, f]));

describe('headline', () => {
  it('headline(reference) reads a 2-of-3 quorum, all racks surviving a feed loss and KubeSpan off', () => {
    const h = byId('reference.json');
    expect(h.get('etcd-quorum')?.text).toBe('2 of 3 members');
    expect(h.get('power-n1')).toMatchObject({ verdict: 'ok', text: 'all 3 racks survive', word: 'fine' });
    expect(h.get('kubespan')).toMatchObject({ verdict: 'info', text: 'off' });
  });

  it('headline(anti-patterns) fails power N-1 and warns that KubeSpan is past the 100-node guidance', () => {
    const h = byId('anti-patterns.json');
    expect(h.get('power-n1')?.verdict).toBe('bad');
    expect(h.get('power-n1')?.text).toMatch(/^\d+ of \d+ racks fail$/);
    expect(['warn', 'bad']).toContain(h.get('kubespan')?.verdict);
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
});
