import { describe, expect, it } from 'vitest';
import { blamedBox, invalidFor } from '../../../src/ui/inspector/blamedBox';

describe('blamedBox(problem)', () => {
  it('names the box a refusal starts with, "all" for a refusal naming none, null for no refusal', () => {
    expect(blamedBox('label key: must be a DNS name, got "bad key"')).toBe('key');
    expect(blamedBox('taint effect: must be NoSchedule, PreferNoSchedule or NoExecute')).toBe('effect');
    expect(blamedBox('label value: at most 63 characters')).toBe('value');
    expect(blamedBox('a node carries at most 64 labels')).toBe('all');
    expect(blamedBox(null)).toBeNull();
  });

  it('invalidFor(blamed, box) marks only the blamed box, or every box when all are blamed', () => {
    expect(invalidFor('key', 'key')).toBe('true');
    expect(invalidFor('key', 'value')).toBe('false');
    expect(invalidFor('all', 'value')).toBe('true');
    expect(invalidFor(null, 'key')).toBe('false');
  });
});
