import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compactPlan, decodeSharedPlan, encodeSharedPlan, expandPlan, inflateCapped, sharePayload } from '../../src/plan/shareCodec';
import { enterprisePlan, hyperscalePlan, referencePlan } from '../../src/plan/samples/samples';
import { MAX_SHARE_CHARS, shareUrl } from '../../src/state/shareLink';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('share links', () => {
  it('decodeSharedPlan(encodeSharedPlan(plan)) gives back every sample plan', () => {
    for (const plan of [referencePlan(), enterprisePlan(), hyperscalePlan()]) {
      const decoded = decodeSharedPlan(encodeSharedPlan(plan));
      expect(decoded.ok).toBe(true);
      expect(decoded.ok && decoded.plan).toEqual(plan);
    }
  });

  it(`shareUrl(encodeSharedPlan(hyperscalePlan())) fits in ${MAX_SHARE_CHARS} characters`, () => {
    const share = shareUrl(encodeSharedPlan(hyperscalePlan()), 'https://rackplan.example/app/#old');
    expect(share.ok).toBe(true);
    expect(share.chars).toBeLessThan(MAX_SHARE_CHARS);
    expect(share.ok && share.url.startsWith('https://rackplan.example/app/#plan=2.')).toBe(true);
  });

  it('shareUrl refuses a link over the limit and says how to share a file instead', () => {
    const share = shareUrl('x'.repeat(MAX_SHARE_CHARS), 'https://rackplan.example/');
    expect(share.ok).toBe(false);
    expect(!share.ok && share.reason).toMatch(/links over 64,000 are cut off.*Export JSON/);
  });

  it('expandPlan(compactPlan(p)) is p for arbitrary labels, including a "__proto__" key', () => {
    const plan = referencePlan();
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.constantFrom('__proto__', 'a', 'constructor', 'b/c'), fc.string({ maxLength: 3 })), {
          minLength: plan.nodes.length,
          maxLength: plan.nodes.length,
        }),
        (labels) => {
          const withLabels = { ...plan, nodes: plan.nodes.map((n, i) => ({ ...n, labels: labels[i] })) };
          const round = expandPlan(JSON.parse(JSON.stringify(compactPlan(withLabels)))) as typeof plan;
          expect(round).toEqual(withLabels);
          round.nodes.forEach((n) => expect(Object.getPrototypeOf(n)).toBe(Object.prototype));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('decodeSharedPlan reads links made before the compact form', () => {
    const plan = referencePlan();
    const old = b64url(zlibSync(new TextEncoder().encode(JSON.stringify(plan))));
    expect(decodeSharedPlan(old)).toEqual({ ok: true, plan, issues: [] });
  });

  it('decodeSharedPlan refuses a compression bomb by its expanded size, naming the limit', () => {
    // 4 MB of spaces deflate to about 4 KB: a 1,000:1 bomb against a 1 MB cap.
    const bomb = b64url(zlibSync(new Uint8Array(4 * 2 ** 20).fill(0x20), { level: 9 }));
    expect(decodeSharedPlan(bomb, 2 ** 20)).toEqual({
      ok: false,
      issues: [
        { path: '(link)', message: expect.stringMatching(/^this link expands to more than 1 MB; the longest links Rackplan makes expand to about 1.3 MB/) },
      ],
    });
  });

  it('inflateCapped(bytes, cap) refuses output past the cap and returns output within it', () => {
    const bytes = zlibSync(new Uint8Array(4 * 2 ** 20), { level: 9 });
    expect(() => inflateCapped(bytes, 2 ** 20)).toThrow(/more than 1 MB/);
    expect(inflateCapped(bytes, 8 * 2 ** 20).length).toBe(4 * 2 ** 20);
  });

  it('decodeSharedPlan names damaged, truncated and foreign-character links', () => {
    const good = encodeSharedPlan(referencePlan());
    expect(decodeSharedPlan(good.slice(0, good.length / 2))).toMatchObject({
      ok: false,
      issues: [{ path: '(link)', message: expect.stringMatching(/damaged or incomplete/) }],
    });
    expect(decodeSharedPlan(`${good}%20`)).toMatchObject({
      ok: false,
      issues: [{ path: '(link)', message: expect.stringMatching(/characters a share link never has/) }],
    });
    expect(decodeSharedPlan(b64url(zlibSync(new TextEncoder().encode('not json'))))).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringMatching(/not to a plan/) }],
    });
  });

  it('sharePayload(hash) ignores other parameters and tells an empty link from no link', () => {
    expect(sharePayload('')).toEqual({ kind: 'none' });
    expect(sharePayload('#section-2')).toEqual({ kind: 'none' });
    expect(sharePayload('#plan=')).toEqual({ kind: 'empty' });
    expect(sharePayload('#plan')).toEqual({ kind: 'empty' });
    expect(sharePayload('#plan=2.abc&x=1')).toEqual({ kind: 'payload', payload: '2.abc' });
    expect(sharePayload('#utm_source=chat&plan=2.abc')).toEqual({ kind: 'payload', payload: '2.abc' });
  });
});
