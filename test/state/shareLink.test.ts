import { describe, expect, it } from 'vitest';
import { MAX_SHARE_CHARS, planTextFromFragment, shareUrl } from '../../src/state/shareLink';
import { hyperscalePlan, referencePlan } from '../../src/plan/samples/samples';

describe('share links', () => {
  it('shareUrl(referencePlan()) round-trips through planTextFromFragment', () => {
    const plan = referencePlan();
    const share = shareUrl(plan, 'https://rackplan.example/app/#old');
    expect(share.ok).toBe(true);
    if (!share.ok) return;
    expect(share.url.startsWith('https://rackplan.example/app/#plan=')).toBe(true);
    expect(JSON.parse(planTextFromFragment(new URL(share.url).hash)!)).toEqual(plan);
  });

  it(`shareUrl(hyperscalePlan()) refuses a link over ${MAX_SHARE_CHARS} characters and says so`, () => {
    const share = shareUrl(hyperscalePlan(), 'https://rackplan.example/');
    expect(share.ok).toBe(false);
    expect(share.chars).toBeGreaterThan(MAX_SHARE_CHARS);
    expect(!share.ok && share.reason).toMatch(/characters; links over 64,000 are cut off/);
  });

  it('planTextFromFragment ignores other fragments and throws on a damaged link', () => {
    expect(planTextFromFragment('')).toBeNull();
    expect(planTextFromFragment('#section-2')).toBeNull();
    expect(() => planTextFromFragment('#plan=AAAA')).toThrow();
  });
});
